using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>The convener or the committee approves or refuses a leave request; the member is told either way.</summary>
public static class DecideLeave
{
    /// <summary>An optional note to the member.</summary>
    public sealed record Request(string? Note);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Note).MaximumLength(LeaveRequest.NoteMaxLength);
    }

    public static Task<Results<Ok<LeaveView>, ProblemHttpResult>> Approve(
        int id, Request request, AppDbContext db, CurrentMember current, ReminderScheduler reminders, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        HandleAsync(id, approve: true, request, db, current, reminders, audit, time, cancellationToken);

    public static Task<Results<Ok<LeaveView>, ProblemHttpResult>> Reject(
        int id, Request request, AppDbContext db, CurrentMember current, ReminderScheduler reminders, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        HandleAsync(id, approve: false, request, db, current, reminders, audit, time, cancellationToken);

    private static async Task<Results<Ok<LeaveView>, ProblemHttpResult>> HandleAsync(
        int id, bool approve, Request request, AppDbContext db, CurrentMember current, ReminderScheduler reminders, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var leave = await db.LeaveRequests.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        var meeting = leave is null ? null : await MeetingAccess.LoadAsync(db, leave.MeetingId, cancellationToken);
        if (leave is null || meeting is null || (leave.MemberId != current.Id && !access.CanSee(meeting, meeting.Find(current.Id) is not null)))
        {
            return Problems.NotFound("请假申请不存在或您无权查看。");
        }

        if (!access.CanOrganize(meeting))
        {
            return Problems.Forbidden("只有会议召集人或支委才能审批请假。");
        }

        var now = time.GetUtcNow();
        var decided = approve ? leave.Approve(current.Id, request.Note, now) : leave.Reject(current.Id, request.Note, now);
        if (!decided.Succeeded)
        {
            return Problems.From(decided.Error!);
        }

        if (approve)
        {
            meeting.Find(leave.MemberId)?.GrantLeave();

            // Someone excused does not need "starts in an hour".
            await reminders.CancelAsync(SubjectTypes.Meeting, meeting.Id, null, cancellationToken, [leave.MemberId]);
        }

        var verdict = approve ? "已批准" : "未获批准";
        var note = leave.DecisionNote is null ? string.Empty : $"备注：{leave.DecisionNote}";
        await reminders.ScheduleAsync(
            ReminderKind.LeaveDecision,
            SubjectTypes.LeaveRequest,
            leave.Id,
            "decision",
            [leave.MemberId],
            now,
            new ReminderContent(
                $"请假{verdict}",
                $"您对{meeting.Type.DisplayName()}「{meeting.Topic}」（{MeetingReminders.When(meeting.StartsAt)}）的请假申请{verdict}。{(approve ? string.Empty : "请按时参加会议。")}{note}",
                MeetingReminders.Page(meeting.Id),
                meeting.Topic,
                meeting.StartsAt,
                MeetingReminders.Where(meeting),
                $"请假{verdict}"),
            cancellationToken);
        var who = await db.Members.Where(m => m.Id == leave.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        audit.Record(meeting.BranchId, approve ? "leave.approved" : "leave.rejected", SubjectTypes.LeaveRequest, leave.Id,
            $"{(approve ? "批准" : "驳回")}{who}对「{meeting.Topic}」的请假申请");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingViews.Leave(leave));
    }
}
