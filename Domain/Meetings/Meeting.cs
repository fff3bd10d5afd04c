using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Meetings;

public enum MeetingStatus
{
    [Label("已安排")]
    Scheduled,
    [Label("已取消")]
    Cancelled,
}

/// <summary>What the organiser may set when scheduling or changing a meeting.</summary>
public sealed record MeetingDetails(
    string Topic,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    int ConvenerId,
    int? RecorderId,
    string? Agenda,
    Visibility Visibility);

/// <summary>
/// A meeting of a branch or of one of its party groups. Expected attendees are a snapshot taken when it is
/// scheduled (with each person's vote at that time), so later roster changes never rewrite history.
/// </summary>
public sealed class Meeting
{
    public const int TopicMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int OnlineLinkMaxLength = 500;
    public const int AgendaMaxLength = 4000;
    public const int CancelReasonMaxLength = 500;
    public const int SecretMaxLength = 64;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    private readonly List<MeetingAttendee> _attendees = [];

    private Meeting()
    {
        Topic = string.Empty;
        CheckInSecret = string.Empty;
    }

    private Meeting(MeetingType type, int branchId, int unitId, int createdById, string checkInSecret, DateTimeOffset now)
    {
        Type = type;
        BranchId = branchId;
        UnitId = unitId;
        CreatedById = createdById;
        CreatedAt = now;
        UpdatedAt = now;
        CheckInSecret = checkInSecret;
        Topic = string.Empty;
        Status = MeetingStatus.Scheduled;
    }

    public int Id { get; private set; }

    public MeetingType Type { get; private set; }

    /// <summary>The branch the meeting counts for.</summary>
    public int BranchId { get; private set; }

    /// <summary>The unit holding it: the branch, or the party group for a group meeting.</summary>
    public int UnitId { get; private set; }

    public string Topic { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string? Place { get; private set; }

    public string? OnlineLink { get; private set; }

    public int ConvenerId { get; private set; }

    public int? RecorderId { get; private set; }

    public string? Agenda { get; private set; }

    public Visibility Visibility { get; private set; }

    public MeetingStatus Status { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Secret the rotating check-in codes are derived from; never leaves the server.</summary>
    public string CheckInSecret { get; private set; }

    public int CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Bumped on every change that attendees' calendars must pick up.</summary>
    public int Sequence { get; private set; }

    public IReadOnlyList<MeetingAttendee> Attendees => _attendees;

    public bool IsCancelled => Status == MeetingStatus.Cancelled;

    /// <summary>
    /// Creates a meeting. <paramref name="attendees"/> are (member, has a vote) pairs as they stand now.
    /// </summary>
    public static Result<Meeting> Schedule(
        MeetingType type,
        int branchId,
        int unitId,
        MeetingDetails details,
        IEnumerable<(int MemberId, bool HasVote)> attendees,
        int createdById,
        string checkInSecret,
        DateTimeOffset now)
    {
        if (CheckDetails(details) is { Error: { } error })
        {
            return error;
        }

        var meeting = new Meeting(type, branchId, unitId, createdById, checkInSecret, now);
        meeting.Apply(details);
        foreach (var (memberId, hasVote) in attendees)
        {
            meeting.AddAttendee(memberId, hasVote);
        }

        if (meeting._attendees.Count == 0)
        {
            return new DomainError("meeting.no_attendees", "应到人员不能为空。");
        }

        return meeting;
    }

    /// <summary>
    /// Changes what the organiser set. Refused once the meeting is cancelled. Once the meeting is on record (attendance
    /// recorded, or <paramref name="minutesPublished"/>) its start and end are facts of that record (Domain/README.md
    /// §Meetings: 三会一课 records stay true): changing them is a conflict (<c>meeting.time_on_record</c>), because a
    /// held meeting moved into another month would count as held there and keep its check-ins and minutes. Topic,
    /// place, agenda and the rest may still be corrected.
    /// </summary>
    public Result Update(MeetingDetails details, DateTimeOffset now, bool minutesPublished)
    {
        if (IsCancelled)
        {
            return DomainError.Conflict("meeting.cancelled", "会议已取消，不能再修改。");
        }

        if ((details.StartsAt != StartsAt || details.EndsAt != EndsAt) && (HasAttendanceRecorded || minutesPublished))
        {
            return DomainError.Conflict("meeting.time_on_record", "会议已有签到或已发布纪要，不能再修改时间。");
        }

        if (CheckDetails(details) is { Error: { } error })
        {
            return error;
        }

        Apply(details);
        UpdatedAt = now;
        Sequence++;
        return Result.Ok;
    }

    public Result Cancel(string? reason, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            return DomainError.Conflict("meeting.already_cancelled", "会议已经取消。");
        }

        if (HasAttendanceRecorded)
        {
            return DomainError.Conflict("meeting.already_held", "会议已有签到记录，不能取消。");
        }

        Status = MeetingStatus.Cancelled;
        CancelReason = reason;
        CancelledAt = now;
        UpdatedAt = now;
        Sequence++;
        return Result.Ok;
    }

    /// <summary>Adds an expected attendee; a member already expected keeps their entry.</summary>
    public bool AddAttendee(int memberId, bool hasVote)
    {
        if (_attendees.Any(a => a.MemberId == memberId))
        {
            return false;
        }

        _attendees.Add(new MeetingAttendee(memberId, hasVote));
        return true;
    }

    /// <summary>Removes an expected attendee who has not checked in; someone who came stays on record.</summary>
    public Result RemoveAttendee(int memberId)
    {
        var attendee = Find(memberId);
        if (attendee is null)
        {
            return Result.Ok;
        }

        if (attendee.CheckedInAt is not null)
        {
            return DomainError.Conflict("meeting.attendee_checked_in", "该党员已签到，不能从应到人员中移除。");
        }

        _attendees.Remove(attendee);
        return Result.Ok;
    }

    public MeetingAttendee? Find(int memberId) => _attendees.FirstOrDefault(a => a.MemberId == memberId);

    /// <summary>When check-in opens: an hour before the start. Before it nobody's presence can be recorded.</summary>
    public DateTimeOffset CheckInOpensAt => StartsAt.AddHours(-1);

    /// <summary>Whether check-in is open now: from an hour before the start until the end.</summary>
    public bool IsCheckInOpen(DateTimeOffset now) => !IsCancelled && now >= CheckInOpensAt && now <= EndsAt;

    /// <summary>
    /// Attendance other than leave recorded before check-in opens would make a meeting that has not taken place count
    /// as held (<see cref="IsHeld"/>), and everyone else on the roll absent, so it is refused.
    /// </summary>
    private DomainError? TooEarly(AttendanceStatus status, DateTimeOffset now) =>
        status is not AttendanceStatus.OnLeave && now < CheckInOpensAt
            ? DomainError.Conflict("meeting.check_in_not_open", "会议尚未开始，签到在会议开始前1小时开放；请假可以提前登记。")
            : null;

    /// <summary>
    /// Records that a member came: present when on time (within <paramref name="grace"/> of the start), late after.
    /// Checking in twice keeps the first time.
    /// </summary>
    public Result<MeetingAttendee> CheckIn(int memberId, DateTimeOffset now, TimeSpan grace)
    {
        var attendee = Find(memberId);
        if (attendee is null)
        {
            return DomainError.Forbidden("meeting.not_attendee", "您不在本次会议的应到人员中。");
        }

        if (IsCancelled)
        {
            return DomainError.Forbidden("meeting.cancelled", "会议已取消。");
        }

        if (TooEarly(AttendanceStatus.Present, now) is { } early)
        {
            return early;
        }

        if (attendee.CheckedInAt is null)
        {
            attendee.Record(now > StartsAt + grace ? AttendanceStatus.Late : AttendanceStatus.Present, now);
        }

        return attendee;
    }

    /// <summary>The organiser records a member's attendance by hand: leave at any time, the rest once check-in has opened.</summary>
    public Result<MeetingAttendee> RecordAttendance(int memberId, AttendanceStatus status, DateTimeOffset now)
    {
        var attendee = Find(memberId);
        if (attendee is null)
        {
            return new DomainError("meeting.not_attendee", "该党员不在本次会议的应到人员中。");
        }

        if (IsCancelled)
        {
            return DomainError.Conflict("meeting.cancelled", "会议已取消。");
        }

        if (TooEarly(status, now) is { } early)
        {
            return early;
        }

        attendee.Record(status, now);
        return attendee;
    }

    /// <summary>True once anyone's attendance has been recorded (someone checked in or was marked by hand).</summary>
    public bool HasAttendanceRecorded => _attendees.Any(a => a.CheckedInAt is not null || a.Status is AttendanceStatus.Absent);

    /// <summary>Held: not cancelled, and either it has started or attendance has been recorded.</summary>
    public bool IsHeld(DateTimeOffset now) => !IsCancelled && (StartsAt <= now || HasAttendanceRecorded);

    /// <summary>
    /// The quorum as it stands: for a general meeting the expected attendees with a vote, for a committee
    /// meeting the expected committee members; null for types without a quorum rule.
    /// </summary>
    public Quorum? CurrentQuorum() => Type switch
    {
        MeetingType.BranchGeneralMeeting => new Quorum(_attendees.Count(a => a.HasVote), _attendees.Count(a => a.HasVote && a.IsPresent)),
        MeetingType.CommitteeMeeting => new Quorum(_attendees.Count, _attendees.Count(a => a.IsPresent)),
        _ => null,
    };

    private static Result CheckDetails(MeetingDetails details)
    {
        if (details.EndsAt <= details.StartsAt)
        {
            return new DomainError("meeting.bad_times", "结束时间必须晚于开始时间。");
        }

        if (details.EndsAt - details.StartsAt > MaxDuration)
        {
            return new DomainError("meeting.too_long", "会议时长不能超过24小时。");
        }

        if (string.IsNullOrWhiteSpace(details.Place) && string.IsNullOrWhiteSpace(details.OnlineLink))
        {
            return new DomainError("meeting.no_place", "请填写会议地点或线上会议链接。");
        }

        return Result.Ok;
    }

    private void Apply(MeetingDetails details)
    {
        Topic = details.Topic.Trim();
        StartsAt = details.StartsAt;
        EndsAt = details.EndsAt;
        Place = string.IsNullOrWhiteSpace(details.Place) ? null : details.Place.Trim();
        OnlineLink = string.IsNullOrWhiteSpace(details.OnlineLink) ? null : details.OnlineLink.Trim();
        ConvenerId = details.ConvenerId;
        RecorderId = details.RecorderId;
        Agenda = string.IsNullOrWhiteSpace(details.Agenda) ? null : details.Agenda.Trim();
        Visibility = details.Visibility;
    }
}
