using Microsoft.AspNetCore.Mvc;

namespace SmartBranch.Api.Areas.Portal.Pages.Activities;

/// <summary>
/// /portal/activities?unit=&amp;page=: Public activities not cancelled: those still to come (soonest first, on the first
/// page) and past ones (latest first, 20 a page).
/// </summary>
public sealed class ActivitiesModel(AppDbContext db, TimeProvider time) : PortalPage(db)
{
    /// <summary>At most this many upcoming activities are listed.</summary>
    public const int UpcomingLimit = 50;

    public PortalList<ActivityCard>? Upcoming { get; private set; }

    public PortalList<ActivityCard> Past { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? unit, int? page, CancellationToken cancellationToken)
    {
        var (found, units) = await ScopeAsync(unit, cancellationToken);
        if (!found)
        {
            return Missing("党组织");
        }

        var now = time.GetUtcNow();
        var current = Math.Max(page ?? 1, 1);
        var activities = Features.Brand.PublicContent.Activities(Db, units);
        Upcoming = current == 1 ? await PortalCards.ActivitiesAsync(Db, activities.Where(a => a.EndsAt > now), soonestFirst: true, 1, UpcomingLimit, cancellationToken) : null;
        Past = await PortalCards.ActivitiesAsync(Db, activities.Where(a => a.EndsAt <= now), soonestFirst: false, current, PageSize, cancellationToken);
        Meta = new PortalMeta(Scope is null ? "党建活动" : $"党建活动 · {Scope.Name}", $"{Scope?.Name ?? Site.Name}公开的主题党日、志愿服务等党建活动。");
        return Page();
    }
}
