using System.Globalization;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Activities;

/// <summary>A member's sign-up as they see it. WaitlistPosition: 1-based place on the waiting list while waiting, otherwise null.</summary>
public sealed record EnrollmentResponse(
    int ActivityId,
    EnrollmentStatus Status,
    int? WaitlistPosition,
    DateTimeOffset SignedUpAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CheckedInAt);

/// <summary>
/// The capacity rules. The database is the guard, not a lock in this process: a place is taken by one
/// conditional UPDATE (<c>ConfirmedCount = ConfirmedCount + 1 WHERE ConfirmedCount &lt; Capacity</c>) whose
/// row count says whether it worked, inside a short transaction with the enrollment row. Every change to an
/// activity's enrollments starts with an UPDATE of the activity row, so on SQL Server the row lock and on
/// SQLite the single writer serialise them across processes, and what is read afterwards is current.
/// </summary>
internal static class ActivityEnrollments
{
    public const string StartSlot = "start-1h";
    public const string CancelledSlot = "cancelled";

    /// <summary>The waiting-list ticket of a promotion, so a second promotion after re-joining is its own reminder.</summary>
    public static string PromotedSlot(long ticket) => $"promoted-{ticket.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Takes the activity's row lock for the rest of the transaction; false when the activity does not exist.</summary>
    public static async Task<bool> LockAsync(AppDbContext db, int activityId, CancellationToken cancellationToken) =>
        await db.Activities.Where(a => a.Id == activityId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EnrollmentRevision, a => a.EnrollmentRevision + 1), cancellationToken) == 1;

    /// <summary>
    /// Signs the member up: a place when one is free, else a waiting-list ticket, else a refusal. A member who
    /// is already signed up gets their existing enrollment back unchanged (<c>Created</c> false).
    /// </summary>
    public static Task<(Enrollment? Enrollment, bool Created, DomainError? Error)> SignUpAsync(
        AppDbContext db, ReminderScheduler reminders, SignUpGate signUps, Activity activity, int memberId, DateTimeOffset now, TimeSpan startReminderBefore, CancellationToken cancellationToken) =>
        SignUpAsync(db, reminders, signUps, new SignUpState(activity), memberId, now, startReminderBefore, cancellationToken);

    /// <summary>
    /// As above, for the activity's sign-up facts of the current generation (<see cref="SignUpGate"/>): a sign-up
    /// after the places are known gone is answered from memory; the others take their short write transactions
    /// one after another.
    /// </summary>
    public static async Task<(Enrollment? Enrollment, bool Created, DomainError? Error)> SignUpAsync(
        AppDbContext db, ReminderScheduler reminders, SignUpGate signUps, SignUpState state, int memberId, DateTimeOffset now, TimeSpan startReminderBefore, CancellationToken cancellationToken)
    {
        // A full activity without a waiting list refuses without writing: in a sign-up storm most requests
        // arrive after the last place went, and none of them needs the write lock to learn that.
        if (state.IsFull)
        {
            return await FullUnlessHoldingAsync(db, state, memberId, cancellationToken);
        }

        // Sign-ups for one activity in this process queue here, in memory, one short transaction at a time,
        // instead of all opening write transactions at once: SQLite has one writer, and a connection that finds
        // the database locked sleeps and polls (Microsoft.Data.Sqlite retries every 150 ms), which under a storm
        // turned a few milliseconds of work each into seconds of waiting. The database stays the guard (the
        // conditional UPDATE below); the gate only orders this process's own attempts.
        var gate = signUps.For(state.Activity.Id);
        await gate.WaitAsync(cancellationToken);
        try
        {
            // The requests queued behind the sign-up that took the last place learn it here without a query.
            if (state.IsFull)
            {
                return await FullUnlessHoldingAsync(db, state, memberId, cancellationToken);
            }

            var outcome = await SignUpInTransactionAsync(db, reminders, state.Activity, memberId, now, startReminderBefore, cancellationToken);
            if (outcome is { Created: true, Enrollment.Status: EnrollmentStatus.Confirmed })
            {
                state.Confirmed();
            }
            else if (ReferenceEquals(outcome.Error, Full))
            {
                // Other instances took the rest of the places (or this one loaded the facts before they went).
                state.SawFull();
            }

            return outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Full, unless this member holds one of the places (a double tap): then that enrollment.</summary>
    private static async Task<(Enrollment? Enrollment, bool Created, DomainError? Error)> FullUnlessHoldingAsync(
        AppDbContext db, SignUpState state, int memberId, CancellationToken cancellationToken)
    {
        if (!await state.HoldsPlaceAsync(db, memberId, cancellationToken))
        {
            return (null, false, Full);
        }

        var signedUp = await FindAsync(db, state.Activity.Id, memberId, cancellationToken);
        return signedUp is { IsActive: true } ? (signedUp, false, null) : (null, false, Full);
    }

    private static readonly DomainError Full = DomainError.Conflict("enrollment.full", "名额已满，且该活动不设候补。");

    private static async Task<(Enrollment? Enrollment, bool Created, DomainError? Error)> SignUpInTransactionAsync(
        AppDbContext db, ReminderScheduler reminders, Activity activity, int memberId, DateTimeOffset now, TimeSpan startReminderBefore, CancellationToken cancellationToken)
    {
        var id = activity.Id;
        return await db.InTransactionAsync<(Enrollment?, bool, DomainError?)>(async ct =>
        {
            var taken = await TakePlaceAsync(db, id, ct);
            long? ticket = null;
            if (!taken)
            {
                var queued = await db.Activities
                    .Where(a => a.Id == id && a.Status == ActivityStatus.Scheduled && a.HasWaitingList)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(a => a.WaitlistSequence, a => a.WaitlistSequence + 1)
                        .SetProperty(a => a.EnrollmentRevision, a => a.EnrollmentRevision + 1), ct) == 1;
                if (!queued)
                {
                    await LockAsync(db, id, ct);
                    var existingEnrollment = await FindAsync(db, id, memberId, ct);
                    if (existingEnrollment is { IsActive: true })
                    {
                        return ((existingEnrollment, false, null), false);
                    }

                    var cancelled = await db.Activities.AnyAsync(a => a.Id == id && a.Status == ActivityStatus.Cancelled, ct);
                    var error = cancelled
                        ? DomainError.Conflict("activity.cancelled", "活动已取消，不能报名。")
                        : Full;
                    return ((null, false, error), false);
                }

                // A place freed between the two updates (a cancellation that found nobody waiting yet) is ours now
                // that we hold the row lock; the unused ticket leaves a gap in tickets, never in positions.
                ticket = await TakePlaceAsync(db, id, ct)
                    ? null
                    : await db.Activities.Where(a => a.Id == id).Select(a => a.WaitlistSequence).SingleAsync(ct);
            }

            var enrollment = await FindAsync(db, id, memberId, ct);
            if (enrollment is { IsActive: true })
            {
                // Signed up already (perhaps by a parallel request): roll the counters back by not committing.
                return ((enrollment, false, null), false);
            }

            if (enrollment is null)
            {
                enrollment = new Enrollment(id, memberId, now);
                db.Enrollments.Add(enrollment);
            }

            if (ticket is long t)
            {
                enrollment.Waitlist(t, now);
            }
            else
            {
                enrollment.Confirm(now);
                await ScheduleStartReminderAsync(db, reminders, activity, [memberId], now, startReminderBefore, ct);
            }

            return ((enrollment, true, null), true);
        }, cancellationToken, startClean: true);
    }

    /// <summary>The guard itself: one conditional UPDATE that takes a place only while one is free; its row count is the answer.</summary>
    private static async Task<bool> TakePlaceAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Activities
            .Where(a => a.Id == id && a.Status == ActivityStatus.Scheduled && (a.Capacity == null || a.ConfirmedCount < a.Capacity))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ConfirmedCount, a => a.ConfirmedCount + 1)
                .SetProperty(a => a.EnrollmentRevision, a => a.EnrollmentRevision + 1), cancellationToken) == 1;

    /// <summary>
    /// The member cancels their enrollment. A confirmed place goes to the first on the waiting list at once; positions close up
    /// by themselves because they are ranks. Leaving twice is harmless. <c>Cancelled</c> says whether a sign-up ended
    /// (its commit then frees a place or a waiting-list entry: the caller starts a new sign-up generation).
    /// </summary>
    public static Task<(DomainError? Error, bool Cancelled)> CancelAsync(AppDbContext db, ReminderScheduler reminders, int activityId, int memberId, DateTimeOffset now, TimeSpan startReminderBefore, CancellationToken cancellationToken) =>
        db.InTransactionAsync<(DomainError?, bool)>(async ct =>
        {
            await LockAsync(db, activityId, ct);
            var activity = await db.Activities.SingleAsync(a => a.Id == activityId, ct);
            var enrollment = await FindAsync(db, activityId, memberId, ct);
            if (enrollment is not { IsActive: true })
            {
                return ((null, false), false);
            }

            // Once it has started the sign-up is the attendance record (check-in hangs on it), so it stays.
            if (now >= activity.StartsAt && !activity.IsCancelled)
            {
                return ((DomainError.Conflict("enrollment.started", "活动已开始，不能取消报名。"), false), false);
            }

            if (enrollment.Cancel(now))
            {
                activity.ReleasePlace();
                await reminders.CancelAsync(SubjectTypes.Activity, activityId, StartSlot, ct, [memberId]);
                await PromoteAsync(db, reminders, activity, now, startReminderBefore, ct);
            }

            return ((null, true), true);
        }, cancellationToken, startClean: true);

    /// <summary>
    /// Fills free places from the head of the waiting list and tells each promoted member. The caller holds
    /// the activity's row lock and saves.
    /// </summary>
    public static async Task PromoteAsync(AppDbContext db, ReminderScheduler reminders, Activity activity, DateTimeOffset now, TimeSpan startReminderBefore, CancellationToken cancellationToken)
    {
        if (!activity.PromotesFromWaitingList(now) || activity.Capacity is not int capacity || activity.ConfirmedCount >= capacity)
        {
            return;
        }

        var next = await db.Enrollments
            .Where(e => e.ActivityId == activity.Id && e.Status == EnrollmentStatus.Waitlisted)
            .OrderBy(e => e.WaitlistTicket)
            .Take(capacity - activity.ConfirmedCount)
            .ToListAsync(cancellationToken);
        foreach (var enrollment in next)
        {
            if (!activity.TryTakePlace())
            {
                break;
            }

            enrollment.Confirm(now);
            var local = LocalCalendar.ToLocal(activity.StartsAt);
            var content = new ReminderContent(
                "活动候补成功",
                $"您已从候补名单递补为「{activity.Title}」的正式参加人员，活动时间：{local:yyyy-MM-dd HH:mm}，地点：{activity.Place}。",
                Page(activity.Id),
                activity.Title,
                activity.StartsAt,
                activity.Place,
                "候补递补成功");
            await reminders.ScheduleAsync(ReminderKind.Activity, SubjectTypes.Activity, activity.Id, PromotedSlot(enrollment.WaitlistTicket ?? 0), [enrollment.MemberId], now, content, cancellationToken);
            await ScheduleStartReminderAsync(db, reminders, activity, [enrollment.MemberId], now, startReminderBefore, cancellationToken);
        }
    }

    /// <summary>Reminds confirmed members before the start (at once if that moment has passed but the activity has not started).</summary>
    public static async Task ScheduleStartReminderAsync(AppDbContext db, ReminderScheduler reminders, Activity activity, IReadOnlyList<int> memberIds, DateTimeOffset now, TimeSpan before, CancellationToken cancellationToken)
    {
        if (now >= activity.StartsAt || memberIds.Count == 0)
        {
            return;
        }

        // A member who left and came back has a cancelled reminder in this slot; the slot is unique per
        // member, so that unsent row goes and a fresh one takes its place.
        var ids = memberIds.ToList();
        await db.Reminders
            .Where(r => r.SubjectType == SubjectTypes.Activity && r.SubjectId == activity.Id && r.Slot == StartSlot && r.MemberId != null && ids.Contains(r.MemberId.Value) && r.Status == ReminderStatus.Cancelled)
            .ExecuteDeleteAsync(cancellationToken);
        var dueAt = activity.StartsAt - before < now ? now : activity.StartsAt - before;
        await reminders.ScheduleAsync(ReminderKind.Activity, SubjectTypes.Activity, activity.Id, StartSlot, ids, dueAt, StartContent(activity), cancellationToken);
    }

    public static ReminderContent StartContent(Activity activity) => new(
        "活动即将开始",
        $"您报名的「{activity.Title}」将于{LocalCalendar.ToLocal(activity.StartsAt):yyyy-MM-dd HH:mm}开始，地点：{activity.Place}。请准时参加并签到。",
        Page(activity.Id),
        activity.Title,
        activity.StartsAt,
        activity.Place,
        "活动即将开始");

    public static string Page(int activityId) => MiniProgramPages.ActivityDetail(activityId);

    /// <summary>1-based waiting-list position: the rank of the ticket among those still waiting.</summary>
    public static async Task<int?> PositionAsync(AppDbContext db, Enrollment enrollment, CancellationToken cancellationToken)
    {
        if (enrollment.Status != EnrollmentStatus.Waitlisted || enrollment.WaitlistTicket is not long ticket)
        {
            return null;
        }

        var ahead = await db.Enrollments.CountAsync(e => e.ActivityId == enrollment.ActivityId && e.Status == EnrollmentStatus.Waitlisted && e.WaitlistTicket < ticket, cancellationToken);
        return ahead + 1;
    }

    public static async Task<EnrollmentResponse> ToResponseAsync(AppDbContext db, Enrollment enrollment, CancellationToken cancellationToken) =>
        new(enrollment.ActivityId, enrollment.Status, await PositionAsync(db, enrollment, cancellationToken), enrollment.SignedUpAt, enrollment.ConfirmedAt, enrollment.CheckedInAt);

    private static Task<Enrollment?> FindAsync(AppDbContext db, int activityId, int memberId, CancellationToken cancellationToken) =>
        db.Enrollments.SingleOrDefaultAsync(e => e.ActivityId == activityId && e.MemberId == memberId, cancellationToken);
}
