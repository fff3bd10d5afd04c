using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Domain.Activities;

public enum ActivityStatus
{
    [Label("已安排")]
    Scheduled,
    [Label("已取消")]
    Cancelled,
}

/// <summary>The organiser's editable description of an activity: what, where, when, how many.</summary>
public sealed record ActivityDetails(
    string Title,
    string? Description,
    string Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset SignUpOpensAt,
    DateTimeOffset SignUpClosesAt,
    int? Capacity,
    bool HasWaitingList,
    Visibility Visibility,
    bool IsThemedPartyDay = false);

/// <summary>
/// A themed party day, volunteer service or study visit members sign up for. <see cref="ConfirmedCount"/>
/// and <see cref="WaitlistSequence"/> are counters the database changes atomically (a conditional UPDATE),
/// so capacity holds however many API processes take sign-ups at the same moment.
/// </summary>
public sealed class Activity
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int PlaceMaxLength = 200;
    public const int SecretMaxLength = 64;
    public const int CancelReasonMaxLength = 200;
    public const int MaxCapacity = 100_000;

    private readonly List<ActivityAudienceEntry> _audience = [];

    private Activity()
    {
        Title = string.Empty;
        Place = string.Empty;
        CheckInSecret = string.Empty;
    }

    private Activity(int unitId, int createdBy, string checkInSecret, DateTimeOffset now)
        : this()
    {
        UnitId = unitId;
        CreatedByMemberId = createdBy;
        CheckInSecret = checkInSecret;
        CreatedAt = now;
        UpdatedAt = now;
        Status = ActivityStatus.Scheduled;
    }

    public int Id { get; private set; }

    /// <summary>The organising unit: its managers edit the activity and see attendance.</summary>
    public int UnitId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public string Place { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public DateTimeOffset SignUpOpensAt { get; private set; }

    public DateTimeOffset SignUpClosesAt { get; private set; }

    /// <summary>Places available; null for no limit.</summary>
    public int? Capacity { get; private set; }

    /// <summary>When full, further sign-ups join a waiting list instead of being refused.</summary>
    public bool HasWaitingList { get; private set; }

    public Visibility Visibility { get; private set; }

    /// <summary>
    /// The activity is the organising branch's 主题党日 (themed party day) of its month: once held, the
    /// compliance report counts it toward the monthly 主题党日 requirement like a meeting of that type.
    /// </summary>
    public bool IsThemedPartyDay { get; private set; }

    public ActivityStatus Status { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Secret the rotating check-in codes are derived from; never leaves the server.</summary>
    public string CheckInSecret { get; private set; }

    /// <summary>Confirmed places taken; changed only by atomic database updates and under the activity's row lock.</summary>
    public int ConfirmedCount { get; private set; }

    /// <summary>Last waiting-list ticket handed out; only grows, so the waiting order is the ticket order.</summary>
    public long WaitlistSequence { get; private set; }

    /// <summary>Bumped by every change to the enrollments; the update doubles as the row lock that serialises them.</summary>
    public long EnrollmentRevision { get; private set; }

    public int CreatedByMemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ActivityAudienceEntry> Audience => _audience;

    public bool IsCancelled => Status == ActivityStatus.Cancelled;

    public bool HasEnded(DateTimeOffset now) => now >= EndsAt;

    public static Result<Activity> Create(
        int unitId, ActivityDetails details, IEnumerable<int> audienceUnitIds, IEnumerable<int> audienceMemberIds, int createdBy, string checkInSecret, DateTimeOffset now)
    {
        if (Check(details, now, isNew: true) is { Error: { } error })
        {
            return error;
        }

        var activity = new Activity(unitId, createdBy, checkInSecret, now);
        activity.Apply(details);
        activity.SetAudience(audienceUnitIds, audienceMemberIds);
        return activity;
    }

    /// <summary>Changes the details. Capacity may not drop below the places already confirmed.</summary>
    public Result Update(ActivityDetails details, IEnumerable<int> audienceUnitIds, IEnumerable<int> audienceMemberIds, int waitingCount, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            return new DomainError("activity.cancelled", "活动已取消，不能再修改。");
        }

        if (HasEnded(now))
        {
            return new DomainError("activity.ended", "活动已结束，不能再修改。");
        }

        if (Check(details, now, isNew: false) is { Error: { } error })
        {
            return error;
        }

        if (details.Capacity is int capacity && capacity < ConfirmedCount)
        {
            return new DomainError("activity.capacity_below_confirmed", $"名额不能少于已确认报名的人数（{ConfirmedCount}人）。");
        }

        if (waitingCount > 0 && !details.HasWaitingList && details.Capacity is not null)
        {
            return new DomainError("activity.waiting_list_in_use", $"候补名单中还有{waitingCount}人，不能关闭候补。");
        }

        Apply(details);
        SetAudience(audienceUnitIds, audienceMemberIds);
        UpdatedAt = now;
        return Result.Ok;
    }

    public Result Cancel(string? reason, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            return DomainError.Conflict("activity.cancelled", "活动已取消。");
        }

        if (HasEnded(now))
        {
            return new DomainError("activity.ended", "活动已结束，不能取消。");
        }

        Status = ActivityStatus.Cancelled;
        CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        CancelledAt = now;
        UpdatedAt = now;
        return Result.Ok;
    }

    /// <summary>Why a sign-up is refused now, or null when sign-up is open. Says which rule refused.</summary>
    public Result SignUpRefusal(DateTimeOffset now)
    {
        if (IsCancelled)
        {
            return DomainError.Conflict("activity.cancelled", "活动已取消，不能报名。");
        }

        if (now < SignUpOpensAt)
        {
            return DomainError.Conflict("enrollment.not_open", $"报名尚未开始，开始时间：{LocalCalendar.ToLocal(SignUpOpensAt):yyyy-MM-dd HH:mm}。");
        }

        if (now >= SignUpClosesAt || now >= EndsAt)
        {
            return DomainError.Conflict("enrollment.closed", "报名已截止。");
        }

        return Result.Ok;
    }

    /// <summary>Why a check-in is refused now, or null inside the window (from <paramref name="opensBefore"/> before the start until the end).</summary>
    public Result CheckInRefusal(DateTimeOffset now, TimeSpan opensBefore)
    {
        if (IsCancelled)
        {
            return DomainError.Conflict("activity.cancelled", "活动已取消，无需签到。");
        }

        if (now < StartsAt - opensBefore)
        {
            return DomainError.Conflict("checkin.not_open", $"签到尚未开始，活动开始前{opensBefore.TotalMinutes:0}分钟开放签到。");
        }

        if (now > EndsAt)
        {
            return DomainError.Conflict("checkin.closed", "活动已结束，签到已关闭。");
        }

        return Result.Ok;
    }

    /// <summary>True when a freed place should go to the next person on the waiting list.</summary>
    public bool PromotesFromWaitingList(DateTimeOffset now) => !IsCancelled && !HasEnded(now) && Capacity is not null;

    /// <summary>A confirmed place was given back (the caller holds the activity's row lock).</summary>
    public void ReleasePlace() => ConfirmedCount = Math.Max(0, ConfirmedCount - 1);

    /// <summary>A place was given to the waiting list (the caller holds the activity's row lock).</summary>
    public bool TryTakePlace()
    {
        if (Capacity is int capacity && ConfirmedCount >= capacity)
        {
            return false;
        }

        ConfirmedCount++;
        return true;
    }

    private static Result Check(ActivityDetails details, DateTimeOffset now, bool isNew)
    {
        if (details.EndsAt <= details.StartsAt)
        {
            return new DomainError("activity.ends_before_start", "结束时间必须晚于开始时间。");
        }

        if (isNew && details.EndsAt <= now)
        {
            return new DomainError("activity.in_past", "活动结束时间不能早于现在。");
        }

        if (details.SignUpClosesAt <= details.SignUpOpensAt)
        {
            return new DomainError("activity.signup_window", "报名截止时间必须晚于报名开始时间。");
        }

        if (details.SignUpClosesAt > details.EndsAt)
        {
            return new DomainError("activity.signup_after_end", "报名截止时间不能晚于活动结束时间。");
        }

        if (details.Capacity is < 1 or > MaxCapacity)
        {
            return new DomainError("activity.capacity", $"名额应在1到{MaxCapacity}之间，不限名额请留空。");
        }

        return Result.Ok;
    }

    private void Apply(ActivityDetails details)
    {
        Title = details.Title.Trim();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        Place = details.Place.Trim();
        StartsAt = details.StartsAt;
        EndsAt = details.EndsAt;
        SignUpOpensAt = details.SignUpOpensAt;
        SignUpClosesAt = details.SignUpClosesAt;
        Capacity = details.Capacity;

        // Without a limit nobody ever waits.
        HasWaitingList = details.Capacity is not null && details.HasWaitingList;
        Visibility = details.Visibility;
        IsThemedPartyDay = details.IsThemedPartyDay;
    }

    private void SetAudience(IEnumerable<int> unitIds, IEnumerable<int> memberIds) =>
        AudienceEntry.Replace(_audience, unitIds, memberIds, (unit, member) => new ActivityAudienceEntry(unit, member));
}

/// <summary>One addressee of an activity (a row of the table <c>ActivityAudience</c>).</summary>
public sealed class ActivityAudienceEntry : AudienceEntry
{
    private ActivityAudienceEntry()
    {
    }

    internal ActivityAudienceEntry(int? unitId, int? memberId)
        : base(unitId, memberId)
    {
    }

    public int ActivityId { get; private set; }
}
