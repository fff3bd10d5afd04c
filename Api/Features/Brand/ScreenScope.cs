using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Brand;

/// <summary>
/// What one big-screen link covers: its unit, the branches under it (or itself) and their party groups
/// (<see cref="PublicContent"/>). The screen shows the Public meetings, activities, stories and notices
/// of these units (<see cref="PublicContent"/>), and aggregate figures.
/// </summary>
internal sealed record ScreenScope(ScreenLink Link, OrganizationUnit Unit, IReadOnlyList<OrganizationUnit> Branches, IReadOnlyList<int> BranchIds, IReadOnlyList<int> UnitIds)
{
    /// <summary>The answer to a /screen route whose token is unknown or revoked.</summary>
    public static ProblemHttpResult Unknown => Problems.NotFound("大屏链接无效或已被撤销。");

    /// <summary>For a /screen route: marks the answer uncacheable and loads the scope; null means answer <see cref="Unknown"/>.</summary>
    public static Task<ScreenScope?> ForRequestAsync(HttpContext context, AppDbContext db, string token, CancellationToken cancellationToken)
    {
        ScreenPage.NoCache(context);
        return LoadAsync(db, token, cancellationToken);
    }

    /// <summary>The scope of an active link; null when the token is unknown or revoked (404).</summary>
    public static async Task<ScreenScope?> LoadAsync(AppDbContext db, string token, CancellationToken cancellationToken)
    {
        var link = await db.ScreenLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Token == token && l.RevokedAt == null, cancellationToken);
        var unit = link is null ? null : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == link.UnitId, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var branches = await ReachCalculator.BranchesOfAsync(db, unit, cancellationToken);
        var branchIds = branches.Select(b => b.Id).ToList();
        return new ScreenScope(link!, unit, branches, branchIds, await PublicContent.UnitsUnderAsync(db, unit, branchIds, cancellationToken));
    }

    /// <summary>The scope's Public meetings that are not cancelled.</summary>
    public IQueryable<Meeting> PublicMeetings(AppDbContext db) =>
        PublicContent.Meetings(db, BranchIds.ToList(), UnitIds.ToList()).Where(m => m.Status == MeetingStatus.Scheduled);

    /// <summary>The scope's Public activities that are not cancelled.</summary>
    public IQueryable<Activity> PublicActivities(AppDbContext db) =>
        PublicContent.Activities(db, UnitIds.ToList()).Where(a => a.Status == ActivityStatus.Scheduled);
}
