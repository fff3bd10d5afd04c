using Microsoft.AspNetCore.Mvc;

namespace SmartBranch.Api.Areas.Portal.Pages.Notices;

/// <summary>/portal/notices?unit=&amp;page=: published Public notices, newest first, 20 a page (withdrawn ones never).</summary>
public sealed class NoticesModel(AppDbContext db) : PortalPage(db)
{
    public PortalList<NoticeCard> Notices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? unit, int? page, CancellationToken cancellationToken)
    {
        var (found, units) = await ScopeAsync(unit, cancellationToken);
        if (!found)
        {
            return Missing("党组织");
        }

        Notices = await PortalCards.NoticesAsync(Db, Features.Brand.PublicContent.Notices(Db, units), Math.Max(page ?? 1, 1), PageSize, cancellationToken);
        Meta = new PortalMeta(Scope is null ? "通知公告" : $"通知公告 · {Scope.Name}", $"{Scope?.Name ?? Site.Name}公开发布的通知公告。");
        return Page();
    }
}
