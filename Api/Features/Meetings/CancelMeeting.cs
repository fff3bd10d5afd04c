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
        var (_, db, audit, time, cancellationToken) = services;
        // The reason is told to every attendee: the shared text policy.
        var (change, refusal) = await MeetingAccess.FindToOrganizeAsync(services, check, id, tracked: true, "只有会议召集人或支委才能取消会议。", string.Empty, [request.Reason]);
        if (change is null)
        {
            return Problems.From(refusal!);
        }

        var (meeting, access, verdict) = change;

        var now = time.GetUtcNow();
        var cancelled = meeting.Cancel(string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), now);
        if (!cancelled.Succeeded)
        {
            return Problems.From(cancelled.Error!);
        }

        await MeetingReminders.CancelAllAsync(reminders, meeting, meeting.Attendees.Select(a => a.MemberId).ToList(), now, cancellationToken);
        audit.Record(meeting.BranchId, "meeting.cancelled", SubjectTypes.Meeting, meeting.Id,
            $"取消{meeting.Type.DisplayName()}「{meeting.Topic}」（原定{MeetingReminders.When(meeting.StartsAt)}）{verdict.AuditNote()}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MeetingViews.DetailAsync(db, meeting, access, now, cancellationToken));
    }
}
