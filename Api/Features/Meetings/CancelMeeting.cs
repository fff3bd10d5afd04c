using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

public static class CancelMeeting
{
    /// <summary>Why the meeting is cancelled (told to the attendees).</summary>
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).MaximumLength(Meeting.CancelReasonMaxLength);
    }

    public static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        ReminderScheduler reminders,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (meeting, refusal) = await MeetingAccess.FindAsync(
            db, access, id, tracked: true, MeetingAccess.CanOrganize, "只有会议召集人或支委才能取消会议。", cancellationToken);
        if (meeting is null)
        {
            return Problems.From(refusal!);
        }

        // The reason is told to every attendee: the shared text policy.
        var screening = await check.ScreenAsync(current.OpenId, string.Empty, [request.Reason], cancellationToken);
        if (screening.Error is { } refused)
        {
            return Problems.From(refused);
        }

        var now = time.GetUtcNow();
        var cancelled = meeting.Cancel(string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), now);
        if (!cancelled.Succeeded)
        {
            return Problems.From(cancelled.Error!);
        }

        await MeetingReminders.CancelAllAsync(reminders, meeting, meeting.Attendees.Select(a => a.MemberId).ToList(), now, cancellationToken);
        audit.Record(meeting.BranchId, "meeting.cancelled", SubjectTypes.Meeting, meeting.Id,
            $"取消{meeting.Type.DisplayName()}「{meeting.Topic}」（原定{MeetingReminders.When(meeting.StartsAt)}）{screening.Value.AuditNote()}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MeetingViews.DetailAsync(db, meeting, access, now, cancellationToken));
    }
}
