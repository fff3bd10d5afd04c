using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Activities;

public enum EnrollmentStatus
{
    /// <summary>Has a place.</summary>
    [Label("已报名")]
    Confirmed,

    /// <summary>On the waiting list.</summary>
    [Label("候补中")]
    Waitlisted,

    /// <summary>Left (or was never moved up before leaving).</summary>
    [Label("已取消")]
    Cancelled,
}

/// <summary>
/// A member's sign-up for an activity; one row per member and activity (a unique index), reused when a
/// member who left signs up again. The waiting-list position is not stored: it is the rank of
/// <see cref="WaitlistTicket"/> among those still waiting, so positions close up by themselves.
/// </summary>
public sealed class Enrollment
{
    /// <summary>Wrong codes a member may type before only the organiser can check them in (stops guessing the 6 digits).</summary>
    public const int MaxFailedCheckIns = 10;

    private Enrollment()
    {
    }

    public Enrollment(int activityId, int memberId, DateTimeOffset now)
    {
        ActivityId = activityId;
        MemberId = memberId;
        SignedUpAt = now;
        Status = EnrollmentStatus.Cancelled;
    }

    public long Id { get; private set; }

    public int ActivityId { get; private set; }

    public int MemberId { get; private set; }

    public EnrollmentStatus Status { get; private set; }

    /// <summary>Waiting-list ticket from <see cref="Activity.WaitlistSequence"/>; kept after promotion for the record.</summary>
    public long? WaitlistTicket { get; private set; }

    public DateTimeOffset SignedUpAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    /// <summary>The organiser who checked the member in by hand; null when the member scanned the code.</summary>
    public int? CheckedInByMemberId { get; private set; }

    /// <summary>Wrong check-in codes typed so far; counted by an atomic database update.</summary>
    public int FailedCheckIns { get; private set; }

    public bool IsActive => Status is EnrollmentStatus.Confirmed or EnrollmentStatus.Waitlisted;

    public bool IsCheckedIn => CheckedInAt is not null;

    /// <summary>A place was taken for this member.</summary>
    public void Confirm(DateTimeOffset now)
    {
        if (Status != EnrollmentStatus.Waitlisted)
        {
            SignedUpAt = now;
            WaitlistTicket = null;
        }

        Status = EnrollmentStatus.Confirmed;
        ConfirmedAt = now;
        CancelledAt = null;
    }

    /// <summary>The member joins the waiting list with a fresh ticket.</summary>
    public void Waitlist(long ticket, DateTimeOffset now)
    {
        Status = EnrollmentStatus.Waitlisted;
        WaitlistTicket = ticket;
        SignedUpAt = now;
        ConfirmedAt = null;
        CancelledAt = null;
    }

    /// <summary>The member leaves; true when this gave back a confirmed place.</summary>
    public bool Cancel(DateTimeOffset now)
    {
        var hadPlace = Status == EnrollmentStatus.Confirmed;
        if (IsActive)
        {
            Status = EnrollmentStatus.Cancelled;
            CancelledAt = now;
            CheckedInAt = null;
            CheckedInByMemberId = null;
        }

        return hadPlace;
    }

    /// <summary>Records attendance. Only a confirmed place can be checked in; doing it twice keeps the first time.</summary>
    public Result CheckIn(DateTimeOffset now, int? byMemberId)
    {
        if (Status != EnrollmentStatus.Confirmed)
        {
            return Status == EnrollmentStatus.Waitlisted
                ? DomainError.Conflict("checkin.waitlisted", "仍在候补名单中，没有获得名额，不能签到。")
                : DomainError.Conflict("checkin.not_enrolled", "未报名该活动，不能签到。");
        }

        if (CheckedInAt is null)
        {
            CheckedInAt = now;
            CheckedInByMemberId = byMemberId;
        }

        return Result.Ok;
    }
}
