using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Activities;

public static class CheckInAttendee
{
    /// <summary>
    /// The organiser checks a confirmed member in by hand, from the start of the check-in window on (also
    /// after the end, to record a paper list). Repeats are harmless.
    /// </summary>
    public static async Task<Results<Ok<CheckIn.Response>, ProblemHttpResult>> Handle(
        int id,
        int memberId,
        IOptions<ActivityOptions> options,
        ScreenSignals screens,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (view, refusal) = await ActivityAccess.LoadManagedAsync(db, id, access, "只有活动组织单位的支委或管理员可以代为签到。", cancellationToken);
        if (view is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        var activity = view.Activity;
        if (activity.IsCancelled)
        {
            return Problems.From(DomainError.Conflict("activity.cancelled", "活动已取消，无需签到。"));
        }

        if (now < activity.StartsAt - options.Value.CheckInOpensBefore)
        {
            return Problems.From(activity.CheckInRefusal(now, options.Value.CheckInOpensBefore).Error!);
        }

        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
        var first = !await db.Enrollments.AnyAsync(e => e.ActivityId == id && e.MemberId == memberId && e.CheckedInAt != null, cancellationToken);
        if (name is not null && first)
        {
            audit.Record(activity.UnitId, "activity.checked_in", SubjectTypes.Activity, id, $"为{name}代签到「{activity.Title}」");
        }

        var result = await CheckIn.RecordAsync(db, screens, activity.UnitId, id, memberId, now, current.Id, cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }
}
