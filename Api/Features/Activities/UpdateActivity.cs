using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Activities;

public static class UpdateActivity
{
    /// <summary>The activity's new details. Raising the capacity moves people up from the waiting list at once.</summary>
    public sealed record Request : ActivityFields;

    public sealed class Validator : ActivityFieldsValidator<Request>;

    public static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        AudienceResolver audiences,
        TextContentCheck check,
        ReminderScheduler reminders,
        SignUpGate signUps,
        IOptions<ActivityOptions> options,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (view, refusal) = await ActivityAccess.LoadManagedAsync(db, id, access, "只有活动组织单位的支委或管理员可以修改活动。", cancellationToken);
        if (view is null)
        {
            return Problems.From(refusal!);
        }

        var screening = await request.CheckPostedAsync(access, current.OpenId, audiences, check, cancellationToken);
        if (screening.Error is { } refused)
        {
            return Problems.From(refused);
        }

        var now = time.GetUtcNow();
        var result = await db.InTransactionAsync(async ct =>
        {
            // Capacity and the waiting list change together with sign-ups, so this holds the same row lock.
            await ActivityEnrollments.LockAsync(db, id, ct);
            var activity = await db.Activities.Include(a => a.Audience).SingleAsync(a => a.Id == id, ct);
            var waiting = await db.Enrollments.CountAsync(e => e.ActivityId == id && e.Status == EnrollmentStatus.Waitlisted, ct);
            var startsAt = activity.StartsAt;
            var outcome = activity.Update(request.ToDetails(activity.IsThemedPartyDay), request.Audience.Units, request.Audience.Members, waiting, now);
            if (!outcome.Succeeded)
            {
                return (outcome, false);
            }

            await ActivityEnrollments.PromoteAsync(db, reminders, activity, now, options.Value.StartReminderBefore, ct);
            if (activity.StartsAt != startsAt)
            {
                var dueAt = activity.StartsAt - options.Value.StartReminderBefore < now ? now : activity.StartsAt - options.Value.StartReminderBefore;
                await reminders.RescheduleAsync(SubjectTypes.Activity, id, ActivityEnrollments.StartSlot, dueAt, ActivityEnrollments.StartContent(activity), ct);
            }

            audit.Record(activity.UnitId, "activity.updated", SubjectTypes.Activity, id, $"修改活动「{activity.Title}」{screening.Value.AuditNote()}");
            return (Result.Ok, true);
        }, cancellationToken, startClean: true);
        if (result.Error is { } error)
        {
            return Problems.From(error);
        }

        // Places, waiting list, times, audience or status may have changed: every instance reloads its sign-up facts.
        await signUps.ChangedAsync(id);
        var updated = await ActivityAccess.LoadAsync(db, id, access, cancellationToken);
        return TypedResults.Ok(await ActivityResponses.LoadAsync(db, updated!, current.Id, cancellationToken));
    }
}
