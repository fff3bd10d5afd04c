using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Meetings;

public enum LeaveStatus
{
    [Label("待审批")]
    Pending,
    [Label("已批准")]
    Approved,
    [Label("未批准")]
    Rejected,
}

/// <summary>A member's request to be excused from a meeting (请假), decided by the convener or the committee.</summary>
public sealed class LeaveRequest
{
    public const int ReasonMaxLength = 500;
    public const int NoteMaxLength = 500;

    private LeaveRequest()
    {
        Reason = string.Empty;
    }

    private LeaveRequest(int meetingId, int memberId, string reason, DateTimeOffset now)
    {
        MeetingId = meetingId;
        MemberId = memberId;
        Reason = reason;
        RequestedAt = now;
        Status = LeaveStatus.Pending;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int MemberId { get; private set; }

    public string Reason { get; private set; }

    public LeaveStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public int? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    /// <summary>Leave is asked for before the meeting starts, by an expected attendee.</summary>
    public static Result<LeaveRequest> Ask(Meeting meeting, int memberId, string reason, DateTimeOffset now)
    {
        if (meeting.IsCancelled)
        {
            return DomainError.Conflict("leave.meeting_cancelled", "会议已取消，无需请假。");
        }

        if (meeting.Find(memberId) is null)
        {
            return new DomainError("leave.not_attendee", "您不在本次会议的应到人员中，无需请假。");
        }

        if (now >= meeting.StartsAt)
        {
            return DomainError.Conflict("leave.too_late", "会议已经开始，不能再请假。");
        }

        return new LeaveRequest(meeting.Id, memberId, reason.Trim(), now);
    }

    public Result Approve(int deciderId, string? note, DateTimeOffset now) => Decide(LeaveStatus.Approved, deciderId, note, now);

    public Result Reject(int deciderId, string? note, DateTimeOffset now) => Decide(LeaveStatus.Rejected, deciderId, note, now);

    private Result Decide(LeaveStatus status, int deciderId, string? note, DateTimeOffset now)
    {
        if (Status != LeaveStatus.Pending)
        {
            return DomainError.Conflict("leave.already_decided", "该请假申请已经处理过了。");
        }

        Status = status;
        DecidedById = deciderId;
        DecidedAt = now;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return Result.Ok;
    }
}
