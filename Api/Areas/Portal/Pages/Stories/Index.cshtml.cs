using Microsoft.AspNetCore.Mvc;

namespace SmartBranch.Api.Areas.Portal.Pages.Stories;

/// <summary>/portal/stories?unit=&amp;page=: approved Public stories, newest first, 20 a page.</summary>
public sealed class StoriesModel(AppDbContext db) : PortalPage(db)
{
    public PortalList<StoryCard> Stories { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? unit, int? page, CancellationToken cancellationToken)
    {
        var (found, units) = await ScopeAsync(unit, cancellationToken);
        if (!found)
        {
            return Missing("党组织");
        }

        Stories = await PortalCards.StoriesAsync(Db, Features.Brand.PublicContent.Stories(Db, units), Math.Max(page ?? 1, 1), PageSize, cancellationToken);
        var owner = Scope?.Name ?? Site.Name;
        Meta = new PortalMeta(Scope is null ? "先锋事迹" : $"先锋事迹 · {Scope.Name}", $"{owner}党员的先锋事迹与正能量故事。", ImagePath: Stories.Items.FirstOrDefault(s => s.CoverPath is not null)?.CoverPath);
        return Page();
    }
}
