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
/// A sign-up that went through: the member's enrollment (confirmed or waitlisted), and whether this sign-up made it
/// (false: the member was signed up already and gets that enrollment back unchanged). A value, so a sign-up's
/// outcome (<c>Result&lt;SignUp&gt;</c>) costs no allocation in the group commit.
/// </summary>
internal readonly record struct SignUp(Enrollment Enrollment, bool Created);

/// <summary>
/// The capacity rules. The database is the guard, not a lock in this process: every change to an activity's
/// enrollments starts with an UPDATE of the activity row, so on SQL Server the row lock and on SQLite the single
/// writer serialise them across processes, and what is read afterwards is current. Sign-ups read the counters under
/// that lock, decide a whole batch (group commit, <see cref="SignUpQueue"/>) and move the counters with one
/// conditional UPDATE (<c>ConfirmedCount = ConfirmedCount + n WHERE ConfirmedCount + n &lt;= Capacity</c>) whose
/// row count checks it, in one short transaction with the enrollment rows.
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
    /// Signs the member up: a place when one is free, else a waiting-list ticket, else a refusal (enrollment.full,
    /// activity.cancelled). A member who is already signed up gets their existing enrollment back unchanged
    /// (<see cref="SignUp.Created"/> false).
    /// </summary>
    public static Task<Result<SignUp>> SignUpAsync(
        AppDbContext db, ReminderScheduler reminders, SignUpGate signUps, Activity activity, int memberId, DateTimeOffset now, TimeSpan startReminderBefore, CancellationToken cancellationToken) =>
        SignUpAsync(db, reminders, signUps, new SignUpState(activity), memberId, now, startReminderBefore, cancellationToken);

    /// <summary>
    /// As above, for the activity's sign-up facts of the current generation (<see cref="SignUpGate"/>): a sign-up
    /// after the places are known gone is answered from memory; the others go to the activity's writer, which
    /// decides and writes every sign-up that queued meanwhile in one transaction (group commit).
    /// </summary>
    public static async Task<Result<SignUp>> SignUpAsync(
        AppDbContext db, ReminderScheduler reminders, SignUpGate signUps, SignUpState state, int memberId, DateTimeOffset now, TimeSpan startReminderBefore, CancellationToken cancellationToken)
    {
        // A full activity without a waiting list refuses without writing: in a sign-up storm most requests
        // arrive after the last place went, and none of them needs the write lock to learn that.
        if (state.IsFull)
        {
            return await FullUnlessHoldingAsync(db, state, memberId, cancellationToken);
        }

        // Sign-ups for one activity in this process go to one writer at a time (SignUpQueue) instead of all opening
        // write transactions at once: SQLite has one writer, and a connection that finds the database locked sleeps
        // and polls (Microsoft.Data.Sqlite retries every 150 ms), which under a storm turned a few milliseconds of
        // work each into seconds of waiting. Nobody writing: this sign-up writes now, alone. Otherwise it waits,
        // and the first in line writes for everyone who waited meanwhile, in one transaction. The database stays
        // the judge of every place (the counters are read and changed under the activity's row lock).
        var ticket = new SignUpTicket(state, memberId, now);
        IReadOnlyList<SignUpTicket> batch = [ticket];
        if (!signUps.Enter(ticket))
        {
            // Not cancelled with the request: the writer that took this sign-up writes it either way (a few
            // milliseconds), and a turn to write must never be dropped.
            var turn = await ticket.Turn;
            switch (turn.Kind)
            {
                case SignUpTurnKind.Decided:
                    return turn.Outcome;
                case SignUpTurnKind.AskAgain:
                    return await SignUpAsync(db, reminders, signUps, state, memberId, now, startReminderBefore, cancellationToken);
                default:
                    batch = turn.Batch!;
                    break;
            }
        }

        Written[] written;
        try
        {
            written = await WriteAsync(db, reminders, signUps, batch, startReminderBefore);
        }
        catch (Exception exception)
        {
            // Only a write of this sign-up alone fails as a whole; anyone else in its batch is told the same.
            signUps.Pass(state.Activity.Id);
            foreach (var other in batch.Skip(1))
            {
                other.Failed(exception);
            }

            throw;
        }

        signUps.Pass(state.Activity.Id);
        for (var i = 1; i < batch.Count; i++)
        {
            if (written[i].Failure is { } failure)
            {
                batch[i].Failed(failure);
            }
            else
            {
                batch[i].Decided(written[i].Outcome);
            }
        }

        return written[0].Failure is { } own ? throw own : written[0].Outcome;
    }

    /// <summary>One sign-up's result of a write: its outcome, or the exception its own transaction failed with.</summary>
    private readonly record struct Written(Result<SignUp> Outcome, Exception? Failure = null);

    /// <summary>
    /// Writes a batch in one transaction. If that fails, nothing of it was stored (the transaction is rolled back), and
    /// each sign-up is written again alone, so each caller gets exactly what a lone sign-up gets: its outcome, or the
    /// exception its own transaction failed with. Throws only when a batch of one fails.
    /// </summary>
    private static async Task<Written[]> WriteAsync(AppDbContext db, ReminderScheduler reminders, SignUpGate signUps, IReadOnlyList<SignUpTicket> batch, TimeSpan startReminderBefore)
    {
        try
        {
            return [.. (await WriteInTransactionAsync(db, reminders, signUps, batch, startReminderBefore)).Select(o => new Written(o))];
        }
        catch (Exception) when (batch.Count > 1)
        {
            var written = new Written[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    written[i] = new Written((await WriteInTransactionAsync(db, reminders, signUps, [batch[i]], startReminderBefore))[0]);
                }
                catch (Exception exception)
                {
                    written[i] = new Written(default, exception);
                }
            }

            return written;
        }
    }

    /// <summary>Full, unless this member holds one of the places (a double tap): then that enrollment.</summary>
    private static async Task<Result<SignUp>> FullUnlessHoldingAsync(
        AppDbContext db, SignUpState state, int memberId, CancellationToken cancellationToken)
    {
        if (!await state.HoldsPlaceAsync(db, memberId, cancellationToken))
        {
            return Full;
        }

        var signedUp = await FindAsync(db, state.Activity.Id, memberId, cancellationToken);
        return signedUp is { IsActive: true } ? new SignUp(signedUp, false) : Full;
    }

    private static readonly DomainError Full = DomainError.Conflict("enrollment.full", "名额已满，且该活动不设候补。");

    private static readonly DomainError Cancelled = DomainError.Conflict("activity.cancelled", "活动已取消，不能报名。");

    /// <summary>
    /// Decides and writes the sign-ups of one activity in one transaction, in their order: a member already signed up
    /// (before, or earlier in this batch: a double tap) gets that enrollment back unchanged; the others get a free
    /// place while one is left, else a waiting-list ticket, else a refusal (full, or the activity cancelled). The
    /// activity row is locked first (on SQLite the transaction holds the single write lock already), so the counters
    /// read next are current; one conditional UPDATE then moves them by what was decided and its row count checks it.
    /// Confirmed members get their start reminder. Not cancelled with any one request: others wait for it.
    /// </summary>
    private static async Task<Result<SignUp>[]> WriteInTransactionAsync(
        AppDbContext db, ReminderScheduler reminders, SignUpGate signUps, IReadOnlyList<SignUpTicket> batch, TimeSpan startReminderBefore)
    {
        signUps.Wrote(batch.Count);
        var activity = batch[0].State.Activity;
        var id = activity.Id;
        var memberIds = batch.Select(t => t.MemberId).Distinct().ToList();
        var outcomes = await db.InTransactionAsync(async ct =>
        {
            var decided = new Result<SignUp>[batch.Count];
            if (!await LockAsync(db, id, ct))
            {
                Array.Fill<Result<SignUp>>(decided, Full);
                return (decided, false);
            }

            var counters = await db.Activities.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Status, a.Capacity, a.ConfirmedCount, a.HasWaitingList, a.WaitlistSequence })
                .SingleAsync(ct);
            var enrollments = await db.Enrollments.Where(e => e.ActivityId == id && memberIds.Contains(e.MemberId)).ToDictionaryAsync(e => e.MemberId, ct);
            var taken = 0;
            var queued = 0L;
            var confirmed = new List<int>();
            for (var i = 0; i < batch.Count; i++)
            {
                var (memberId, now) = (batch[i].MemberId, batch[i].Now);
                var enrollment = enrollments.GetValueOrDefault(memberId);
                if (enrollment is { IsActive: true })
                {
                    decided[i] = new SignUp(enrollment, false);
                    continue;
                }

                var place = counters.Capacity is not int capacity || counters.ConfirmedCount + taken < capacity;
                if (counters.Status != ActivityStatus.Scheduled || (!place && !counters.HasWaitingList))
                {
                    decided[i] = counters.Status == ActivityStatus.Cancelled ? Cancelled : Full;
                    continue;
                }

                if (enrollment is null)
                {
                    enrollment = new Enrollment(id, memberId, now);
                    db.Enrollments.Add(enrollment);
                    enrollments[memberId] = enrollment;
                }

                if (place)
                {
                    taken++;
                    enrollment.Confirm(now);
                    confirmed.Add(memberId);
                }
                else
                {
                    queued++;
                    enrollment.Waitlist(counters.WaitlistSequence + queued, now);
                }

                decided[i] = new SignUp(enrollment, true);
            }

            if (taken == 0 && queued == 0)
            {
                return (decided, false);
            }

            // The guard, as a single statement: the places are taken only while they are free.
            var moved = await db.Activities
                .Where(a => a.Id == id && a.Status == ActivityStatus.Scheduled && (a.Capacity == null || a.ConfirmedCount + taken <= a.Capacity))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.ConfirmedCount, a => a.ConfirmedCount + taken)
                    .SetProperty(a => a.WaitlistSequence, a => a.WaitlistSequence + queued), ct);
            if (moved != 1)
            {
                throw new InvalidOperationException($"Activity {id}: its counters changed under the row lock.");
            }

            await ScheduleStartReminderAsync(db, reminders, activity, confirmed, batch.Max(t => t.Now), startReminderBefore, ct);
            return (decided, true);
        }, CancellationToken.None, startClean: true);

        // After the commit: the places this process took count toward the lower bound of each sign-up's facts, and a
        // refusal for want of a place means the activity is full in that generation.
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { Succeeded: true, Value: { Created: true, Enrollment.Status: EnrollmentStatus.Confirmed } })
            {
                batch[i].State.Confirmed();
            }
            else if (ReferenceEquals(outcomes[i].Error, Full))
            {
                batch[i].State.SawFull();
            }
        }

        return outcomes;
    }

    /// <summary>
    /// The member cancels their enrollment. A confirmed place goes to the first on the waiting list at once; positions close up
    /// by themselves because they are ranks. Leaving twice is harmless. The value says whether a sign-up ended (its
    /// commit then frees a place or a waiting-list entry: the caller starts a new sign-up generation); refused
    /// (enrollment.started) once the activity has started.
    /// </summary>
    public static Task<Result<bool>> CancelAsync(AppDbContext db, ReminderScheduler reminders, int activityId, int memberId, DateTimeOffset now, TimeSpan startReminderBefore, CancellationToken cancellationToken) =>
        db.InTransactionAsync<Result<bool>>(async ct =>
        {
            await LockAsync(db, activityId, ct);
            var activity = await db.Activities.SingleAsync(a => a.Id == activityId, ct);
            var enrollment = await FindAsync(db, activityId, memberId, ct);
            if (enrollment is not { IsActive: true })
            {
                return (false, false);
            }

            // Once it has started the sign-up is the attendance record (check-in hangs on it), so it stays.
            if (now >= activity.StartsAt && !activity.IsCancelled)
            {
                return (DomainError.Conflict("enrollment.started", "活动已开始，不能取消报名。"), false);
            }

            if (enrollment.Cancel(now))
            {
                activity.ReleasePlace();
                await reminders.CancelAsync(SubjectTypes.Activity, activityId, StartSlot, ct, [memberId]);
                await PromoteAsync(db, reminders, activity, now, startReminderBefore, ct);
            }

            return (true, true);
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
