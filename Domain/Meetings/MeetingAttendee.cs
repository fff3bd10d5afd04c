using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Meetings;

/// <summary>How a person attended. Someone with no record after the meeting counts as absent.</summary>
public enum AttendanceStatus
{
    /// <summary>出席</summary>
    [Label("出席")]
    Present,

    /// <summary>迟到</summary>
    [Label("迟到")]
    Late,

    /// <summary>请假</summary>
    [Label("请假")]
    OnLeave,

    /// <summary>缺席</summary>
    [Label("缺席")]
    Absent,
}

public static class AttendanceStatuses
{
    public static string DisplayName(this AttendanceStatus status) => EnumLabels.Of(status);
}

/// <summary>One expected attendee, with whether they had a vote when the meeting was scheduled.</summary>
public sealed class MeetingAttendee
{
    private MeetingAttendee()
    {
    }

    internal MeetingAttendee(int memberId, bool hasVote)
    {
        MemberId = memberId;
        HasVote = hasVote;
    }

    public long Id { get; private set; }

    public int MeetingId { get; private set; }

    public int MemberId { get; private set; }

    public bool HasVote { get; private set; }

    /// <summary>Recorded attendance; null until someone checks in, is marked, or is granted leave.</summary>
    public AttendanceStatus? Status { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    /// <summary>Present or late: physically at the meeting, counted for the quorum.</summary>
    public bool IsPresent => Status is AttendanceStatus.Present or AttendanceStatus.Late;

    /// <summary>The attendance to show: unrecorded counts as absent once the meeting has started.</summary>
    public AttendanceStatus? EffectiveStatus(Meeting meeting, DateTimeOffset now) =>
        Status ?? (meeting.IsHeld(now) ? AttendanceStatus.Absent : null);

    /// <summary>Approved leave; someone who already came stays present.</summary>
    public void GrantLeave()
    {
        if (!IsPresent)
        {
            Status = AttendanceStatus.OnLeave;
        }
    }

    internal void Record(AttendanceStatus status, DateTimeOffset now)
    {
        Status = status;
        CheckedInAt = status is AttendanceStatus.Present or AttendanceStatus.Late ? CheckedInAt ?? now : null;
    }
}
