using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Activities;

/// <summary>What the caller may know about and do with one activity.</summary>
internal sealed record ActivityView(Activity Activity, bool InAudience, bool CanManage);

/// <summary>
/// Visibility of activities, the same rules as notices: Public activities are seen by every member, Internal
/// ones only by their audience, Committee ones only by the committee members in their audience. Managers of
/// the organising unit always see theirs; anything else is 404, so ids cannot be probed.
/// </summary>
internal static class ActivityAccess
{
    /// <summary>The 404 detail for an activity that does not exist or that the caller may not know about.</summary>
    public const string NotFoundDetail = "未找到该活动，或您无权查看。";

    /// <summary>The activity as the caller may see it, or null when they may not know it exists.</summary>
    public static async Task<ActivityView?> LoadAsync(AppDbContext db, int id, AccessScope access, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return null;
        }

        var canManage = access.CanManage(activity.UnitId);
        var inAudience = await db.Activities.Where(a => a.Id == id).ReachingMember(access).AnyAsync(cancellationToken);
        if (canManage || inAudience || activity.Visibility == Visibility.Public)
        {
            return new ActivityView(activity, inAudience, canManage);
        }

        // Someone who signed up keeps seeing the activity even if the audience was narrowed later.
        var enrolled = await db.Enrollments.AnyAsync(e => e.ActivityId == id && e.MemberId == access.MemberId && e.Status != EnrollmentStatus.Cancelled, cancellationToken);
        return enrolled ? new ActivityView(activity, false, false) : null;
    }

    /// <summary>
    /// The activity for one of its managers, or the refusal: not found (404) when the caller may not
    /// know it exists, forbidden (403) with <paramref name="forbidden"/> when they see it but do not manage it.
    /// </summary>
    public static async Task<Result<ActivityView>> LoadManagedAsync(
        AppDbContext db, int id, AccessScope access, string forbidden, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(db, id, access, cancellationToken);
        return view is null ? Refusals.NotFound(ActivityAccess.NotFoundDetail)
            : !view.CanManage ? Refusals.Forbidden(forbidden)
            : view;
    }

    /// <summary>
    /// In memory, the rule of <see cref="ReachingMember"/> for an activity loaded with its audience: named in it, or
    /// one of the units it names is one the member belongs to; committee-level only for the branch committee.
    /// </summary>
    public static bool Reaches(Activity activity, AccessScope access)
    {
        if (activity.Visibility == Visibility.Committee && !access.IsCommitteeOf(access.BranchId))
        {
            return false;
        }

        foreach (var entry in activity.Audience)
        {
            if (entry.MemberId == access.MemberId || (entry.UnitId is int unit && access.BelongsTo(unit) && access.CanView(unit)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Activities whose audience reaches the member (translated to SQL).</summary>
    public static IQueryable<Activity> ReachingMember(this IQueryable<Activity> activities, AccessScope access)
    {
        var units = access.VisibleUnitIds().Where(access.BelongsTo).ToList();
        var memberId = access.MemberId;

        // As in AudiencePolicy.Recipients: committee-level content reaches only the branch committee.
        var isCommittee = access.IsCommitteeOf(access.BranchId);
        return activities.Where(a =>
            a.Audience.Any(e => e.MemberId == memberId || (e.UnitId != null && units.Contains(e.UnitId.Value)))
            && (a.Visibility != Visibility.Committee || isCommittee));
    }
}
