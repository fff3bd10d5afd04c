using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Meetings;

public static class RequestLeave
{
    /// <summary>Why the member cannot attend.</summary>
    public sealed record Request(string Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).NotEmpty().WithMessage("请填写请假事由。").MaximumLength(LeaveRequest.ReasonMaxLength);
    }

    public static async Task<Results<Created<LeaveView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        ReminderScheduler reminders,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (meeting, refusal) = await MeetingAccess.FindAsync(db, access, id, tracked: false, cancellationToken);
        if (meeting is null)
        {
            return Problems.From(refusal!);
        }

        if (await db.LeaveRequests.AnyAsync(l => l.MeetingId == id && l.MemberId == current.Id, cancellationToken))
        {
            return Problems.Conflict("已提交过请假", "您已提交过本次会议的请假申请。");
        }

        var now = time.GetUtcNow();
        var (leave, error) = LeaveRequest.Ask(meeting, current.Id, request.Reason, now);
        if (error is not null)
        {
            return Problems.From(error);
        }

        var name = await db.Members.Where(m => m.Id == current.Id).Select(m => m.Name).SingleAsync(cancellationToken);
        try
        {
            // The convener is told in the same transaction, which needs the request's id.
            db.LeaveRequests.Add(leave!);
            await db.SaveWithAuditAsync(async token =>
            {
                await reminders.ScheduleAsync(
                    ReminderKind.Meeting,
                    SubjectTypes.LeaveRequest,
                    leave!.Id,
                    "requested",
                    [meeting.ConvenerId],
                    now,
                    new ReminderContent(
                        "请假待审批",
                        $"{name}申请不参加{meeting.Type.DisplayName()}「{meeting.Topic}」（{MeetingReminders.When(meeting.StartsAt)}），事由：{leave.Reason}",
                        MeetingReminders.Page(meeting.Id),
                        meeting.Topic,
                        meeting.StartsAt,
                        MeetingReminders.Where(meeting),
                        $"{name}请假待审批"),
                    token);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double tap raced past the check above; the unique index kept one request.
            return Problems.Conflict("已提交过请假", "您已提交过本次会议的请假申请。");
        }

        return TypedResults.Created($"/api/meetings/{id}", MeetingViews.Leave(leave!));
    }
}
