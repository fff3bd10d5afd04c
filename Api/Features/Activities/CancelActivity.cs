using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Activities;

public static class CancelActivity
{
    /// <summary>Why the activity is cancelled; passed on to everyone signed up or waiting.</summary>
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).MaximumLength(Activity.CancelReasonMaxLength).WithMessage($"取消原因不能超过{Activity.CancelReasonMaxLength}个字。");
    }

    public static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        ReminderScheduler reminders,
        SignUpGate signUps,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (view, refusal) = await ActivityAccess.LoadManagedAsync(db, id, access, "只有活动组织单位的支委或管理员可以取消活动。", cancellationToken);
        if (view is null)
        {
            return Problems.From(refusal!);
        }

        // The reason is passed on to everyone signed up: the shared text policy.
        var screening = await check.ScreenAsync(current.OpenId, string.Empty, [request.Reason], cancellationToken);
        if (screening.Error is { } refused)
        {
            return Problems.From(refused);
        }

        var now = time.GetUtcNow();
        var result = await db.InTransactionAsync(async ct =>
        {
            await ActivityEnrollments.LockAsync(db, id, ct);
            var activity = await db.Activities.SingleAsync(a => a.Id == id, ct);
            var outcome = activity.Cancel(request.Reason, now);
            if (!outcome.Succeeded)
            {
                return (outcome, false);
            }

            var people = await db.Enrollments
                .Where(e => e.ActivityId == id && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted))
                .Select(e => e.MemberId)
                .ToListAsync(ct);
            await reminders.CancelAsync(SubjectTypes.Activity, id, null, ct);
            var reason = activity.CancelReason is null ? string.Empty : $"原因：{activity.CancelReason}。";
            var content = new ReminderContent(
                "活动已取消",
                $"您报名的「{activity.Title}」（原定{LocalCalendar.ToLocal(activity.StartsAt):yyyy-MM-dd HH:mm}，{activity.Place}）已取消。{reason}",
                ActivityEnrollments.Page(id),
                activity.Title,
                activity.StartsAt,
                activity.Place,
                activity.CancelReason ?? "活动已取消");
            await reminders.ScheduleAsync(ReminderKind.Activity, SubjectTypes.Activity, id, ActivityEnrollments.CancelledSlot, people, now, content, ct);
            audit.Record(activity.UnitId, "activity.cancelled", SubjectTypes.Activity, id, $"取消活动「{activity.Title}」，通知{people.Count}人。{reason}{screening.Value.AuditNote()}");
            return (Result.Ok, true);
        }, cancellationToken, startClean: true);
        if (result.Error is { } error)
        {
            return Problems.From(error);
        }

        // Places, waiting list, times, audience or status may have changed: every instance reloads its sign-up facts.
        await signUps.ChangedAsync(id);
        var cancelled = await ActivityAccess.LoadAsync(db, id, access, cancellationToken);
        return TypedResults.Ok(await ActivityResponses.LoadAsync(db, cancelled!, current.Id, cancellationToken));
    }
}
