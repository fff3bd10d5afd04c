using Microsoft.AspNetCore.Mvc;
using SmartBranch.Api.Features.Brand;

namespace SmartBranch.Api.Areas.Portal.Pages.Notices;

/// <summary>/portal/notices/{id}: one published Public notice; held, withdrawn, Internal and Committee notices are 404.</summary>
public sealed class ShowNoticeModel(AppDbContext db) : PortalPage(db)
{
    public sealed record View(int Id, int UnitId, string UnitName, string Title, string Body, DateTimeOffset? PublishedAt, DateTimeOffset? EditedAt);

    public View? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var notice = await PublicContent.Notices(Db).FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return Missing("通知");
        }

        var unitName = await Db.Units.Where(u => u.Id == notice.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        Notice = new View(notice.Id, notice.UnitId, unitName, notice.Title, notice.Body, notice.PublishedAt, notice.EditedAt);
        Meta = new PortalMeta(notice.Title, PortalText.Describe(RichTextHtml.ToPlainText(notice.Body), notice.Title), "article");
        return Page();
    }
}
