using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Brand;

/// <summary>
/// The one definition of what may be shown to anyone, signed in or not: the big screen and the public portal
/// (Api/Areas/Portal) read content only through these queries. Only <see cref="Visibility.Public"/> content in its
/// published state; Internal and Committee content never passes, whatever the caller (Domain/README.md, "Notices
/// and information security").
/// </summary>
internal static class PublicContent
{
    /// <summary>
    /// The unit and everything its public pages speak for: a general branch with its branches and their party groups,
    /// a branch with its party groups.
    /// </summary>
    public static async Task<IReadOnlyList<int>> UnitsUnderAsync(AppDbContext db, OrganizationUnit unit, CancellationToken cancellationToken)
    {
        var branches = await ReachCalculator.BranchesOfAsync(db, unit, cancellationToken);
        var branchIds = branches.Select(b => b.Id).ToList();
        var groupIds = await db.Units.AsNoTracking()
            .Where(u => u.ParentId != null && branchIds.Contains(u.ParentId.Value) && u.Kind == UnitKind.PartyGroup)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        return branchIds.Concat(groupIds).Append(unit.Id).Distinct().ToList();
    }

    /// <summary>Published Public stories, of <paramref name="units"/> when given, else of every unit.</summary>
    public static IQueryable<Story> Stories(AppDbContext db, IReadOnlyCollection<int>? units = null)
    {
        var stories = db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published && s.Visibility == Visibility.Public);
        return units is null ? stories : stories.Where(s => units.Contains(s.UnitId));
    }

    /// <summary>Published Public notices (withdrawn and held ones never), of <paramref name="units"/> when given, else of every unit.</summary>
    public static IQueryable<Notice> Notices(AppDbContext db, IReadOnlyCollection<int>? units = null)
    {
        var notices = db.Notices.AsNoTracking().Where(n => n.Status == NoticeStatus.Published && n.Visibility == Visibility.Public);
        return units is null ? notices : notices.Where(n => units.Contains(n.UnitId));
    }

    /// <summary>Public activities, cancelled ones included (callers list the scheduled ones), of <paramref name="units"/> when given, else of every unit.</summary>
    public static IQueryable<Activity> Activities(AppDbContext db, IReadOnlyCollection<int>? units = null)
    {
        var activities = db.Activities.AsNoTracking().Where(a => a.Visibility == Visibility.Public);
        return units is null ? activities : activities.Where(a => units.Contains(a.UnitId));
    }

    /// <summary>
    /// Of <paramref name="imageIds"/>, those that are public themselves and passed WeChat's check. A public story never
    /// carries other images, but public pages do not rely on it.
    /// </summary>
    public static async Task<HashSet<Guid>> ShowableImagesAsync(AppDbContext db, IEnumerable<Guid> imageIds, CancellationToken cancellationToken)
    {
        var ids = imageIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var showable = await db.Media.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.Status == MediaStatus.Approved && m.Visibility == Visibility.Public)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        return showable.ToHashSet();
    }
}
