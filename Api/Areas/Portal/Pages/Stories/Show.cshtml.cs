using Microsoft.AspNetCore.Mvc;
using SmartBranch.Api.Features.Brand;

namespace SmartBranch.Api.Areas.Portal.Pages.Stories;

/// <summary>/portal/stories/{id}: one approved Public story with its public, checked images; anything else is 404.</summary>
public sealed class ShowStoryModel(AppDbContext db) : PortalPage(db)
{
    public sealed record View(int Id, int UnitId, string UnitName, string Title, string Body, DateTimeOffset? PublishedAt, IReadOnlyList<string> ImagePaths);

    public View? Story { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var story = await PublicContent.Stories(Db).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return Missing("事迹");
        }

        var showable = await PublicContent.ShowableImagesAsync(Db, story.Images, cancellationToken);
        var images = story.Images.Where(showable.Contains).Select(BrandRules.MediaUrl).ToList();
        var unitName = await Db.Units.Where(u => u.Id == story.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        Story = new View(story.Id, story.UnitId, unitName, story.Title, story.Body, story.PublishedAt, images);
        Meta = new PortalMeta(story.Title, PortalText.Describe(story.Body, story.Title), "article", images.FirstOrDefault());
        return Page();
    }
}
