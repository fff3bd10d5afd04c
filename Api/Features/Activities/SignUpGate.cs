using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;
using SmartBranch.Infrastructure.Redis;
using StackExchange.Redis;

namespace SmartBranch.Api.Features.Activities;

/// <summary>
/// What this process keeps to let a sign-up storm pass quickly (one per process, a singleton). The database stays
/// the authority (the conditional UPDATE in <see cref="ActivityEnrollments"/>), so several instances stay correct.
/// <list type="bullet">
/// <item><b>Sign-up facts per activity</b> (<see cref="SignUpState"/>): the activity row with its audience, kept
/// under the activity's <b>sign-up generation</b>, a random token in Redis (<c>sb:activities:{id}:sign-ups</c>)
/// shared by every instance. Whatever can free a place or change who may sign up (a cancelled enrollment, the
/// activity edited or cancelled) starts a new token after its commit (<see cref="ChangedAsync"/>), so on the next
/// sign-up every instance reloads. A sign-up itself does not: it only fills places, which the lower bound below
/// and the conditional UPDATE account for. Without Redis (the embedded demo) the tokens are fields of the process.</item>
/// <item><b>Places known taken</b>: the confirmed count at the load plus this process's own confirmations since.
/// Within one generation the count never drops (a freed place starts a new one), so this is a lower bound, and once
/// it reaches the places of an activity without a waiting list the activity is full for the rest of the generation.
/// The members holding a place are then read once (one query) and every later sign-up of that generation is
/// answered from memory: 409 full, or the member's own place (a double tap) from the database.</item>
/// <item><b>A writer per stripe of activity ids, with group commit</b> (<see cref="SignUpQueue"/>): one process's
/// sign-ups for one activity never fight each other for SQLite's single write lock (a locked connection sleeps
/// 150 ms and polls). A sign-up that finds nobody writing writes at once, alone; those that arrive meanwhile wait,
/// and when the write ends the first of them writes for all that waited for the same activity (up to the places
/// left, or <see cref="SignUpState.MaxBatch"/>) in one transaction (<see cref="ActivityEnrollments"/>). Nothing
/// waits for a batch to fill: a batch is what queued while the previous write ran.</item>
/// </list>
/// A change is seen by every instance once the request that made it has answered (the token is renewed after the
/// commit, before the answer), as for <c>AccessCache</c>; see deploy/bench/README.md, "Sign-up storm".
/// </summary>
public sealed class SignUpGate
{
    /// <summary>Name of the counter of sign-ups that needed a write (meter <c>SmartBranch</c>).</summary>
    public const string QueuedInstrument = "smartbranch.sign_ups.queued";

    /// <summary>Name of the histogram of sign-ups decided per write transaction (meter <c>SmartBranch</c>).</summary>
    public const string BatchInstrument = "smartbranch.sign_ups.batch_size";

    // Renewed by every change; a lapsed key only costs a reload.
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly RedisConnection? _redis;
    private readonly SignUpQueue[] _queues = [.. Enumerable.Range(0, 64).Select(_ => new SignUpQueue())];
    private readonly ConcurrentDictionary<int, Entry> _states = new();
    private readonly ConcurrentDictionary<int, string> _localGenerations = new();
    private readonly Counter<long> _queued;
    private readonly Histogram<int> _batchSizes;

    /// <param name="redis">Where the generations live; null without Redis (the embedded demo).</param>
    /// <param name="meters">Makes the app's meter (<c>SmartBranch</c>), for the two sign-up instruments.</param>
    public SignUpGate(RedisConnection? redis, IMeterFactory meters)
    {
        _redis = redis;
        var meter = meters.Create("SmartBranch");
        _queued = meter.CreateCounter<long>(QueuedInstrument, "{sign-up}", "Sign-ups that needed a write and went to their activity's writer (at once when nobody was writing).");
        _batchSizes = meter.CreateHistogram<int>(BatchInstrument, "{sign-up}", "Sign-ups decided in one write transaction (group commit).");
    }

    /// <summary>
    /// Hands the sign-up to its activity's writer: true when nobody was writing, so the caller writes now (alone);
    /// false when it waits in line and learns its turn from <see cref="SignUpTicket.Turn"/>.
    /// </summary>
    internal bool Enter(SignUpTicket ticket)
    {
        var leads = QueueOf(ticket.ActivityId).Enter(ticket);
        _queued.Add(1);
        return leads;
    }

    /// <summary>The writer of this activity's stripe is done: the next in line writes, or nobody.</summary>
    internal void Pass(int activityId) => QueueOf(activityId).Pass();

    /// <summary>Counts one write transaction of <paramref name="signUps"/> sign-ups.</summary>
    internal void Wrote(int signUps) => _batchSizes.Record(signUps);

    // Bounded however many activities there are.
    private SignUpQueue QueueOf(int activityId) => _queues[(activityId & int.MaxValue) % _queues.Length];

    /// <summary>
    /// The activity's sign-up facts as of its current generation (one Redis GET; one query on the first sign-up
    /// after a change, shared by every request that asks meanwhile); null when the activity does not exist.
    /// </summary>
    internal async Task<SignUpState?> GetAsync(AppDbContext db, int activityId, CancellationToken cancellationToken)
    {
        var generation = await GenerationAsync(activityId);
        var entry = _states.AddOrUpdate(
            activityId,
            static (_, g) => new Entry(g),
            static (_, known, g) => known.Generation == g ? known : new Entry(g),
            generation);
        try
        {
            var state = await entry.GetAsync(db, activityId, cancellationToken);
            if (state is null)
            {
                // Nothing is kept for an id that names no activity, here or in Redis, so probing ids stores nothing.
                // An activity created later under this id gets a new generation on its first sign-up.
                _states.TryRemove(new KeyValuePair<int, Entry>(activityId, entry));
                await ForgetGenerationAsync(activityId);
            }

            return state;
        }
        catch (Exception) when (entry.Failed)
        {
            // A failed load is not kept; the next request tries again (the exception still answers this one).
            _states.TryRemove(new KeyValuePair<int, Entry>(activityId, entry));
            throw;
        }
    }

    /// <summary>
    /// Starts a new sign-up generation for the activity on every instance. Call after the change is committed, never
    /// before (a request between the two would keep the old facts under the new token).
    /// </summary>
    internal async Task ChangedAsync(int activityId)
    {
        _states.TryRemove(activityId, out _);
        if (_redis is null)
        {
            _localGenerations[activityId] = NewToken();
            return;
        }

        await _redis.Database.StringSetAsync(Key(activityId), NewToken(), Lifetime);
    }

    private async ValueTask<string> GenerationAsync(int activityId)
    {
        if (_redis is null)
        {
            return _localGenerations.GetOrAdd(activityId, static _ => NewToken());
        }

        var key = Key(activityId);
        var value = await _redis.Database.StringGetAsync(key);
        if (!value.IsNullOrEmpty)
        {
            return value.ToString();
        }

        var token = NewToken();
        return await _redis.Database.StringSetAsync(key, token, Lifetime, When.NotExists)
            ? token
            : (await _redis.Database.StringGetAsync(key)).ToString();
    }

    private async Task ForgetGenerationAsync(int activityId)
    {
        if (_redis is null)
        {
            _localGenerations.TryRemove(activityId, out _);
            return;
        }

        await _redis.Database.KeyDeleteAsync(Key(activityId));
    }

    private static RedisKey Key(int activityId) => $"sb:activities:{activityId}:sign-ups";

    private static string NewToken() => Guid.NewGuid().ToString("N");

    /// <summary>One generation's facts, loaded once however many requests ask for them at the same moment.</summary>
    private sealed class Entry(string generation)
    {
        private Task<SignUpState?>? _loading;

        public string Generation { get; } = generation;

        public bool Failed => Volatile.Read(ref _loading) is { IsFaulted: true };

        public async Task<SignUpState?> GetAsync(AppDbContext db, int activityId, CancellationToken cancellationToken)
        {
            var loading = Volatile.Read(ref _loading);
            if (loading is null)
            {
                var started = new TaskCompletionSource<SignUpState?>(TaskCreationOptions.RunContinuationsAsynchronously);
                loading = Interlocked.CompareExchange(ref _loading, started.Task, null);
                if (loading is null)
                {
                    // The request that loads waits without its cancellation, so its DbContext outlives the load.
                    await CompleteAsync(started, db, activityId);
                    return await started.Task;
                }
            }

            return await loading.WaitAsync(cancellationToken);
        }

        // Not cancelled with the request that started it: others wait for the same load.
        private static async Task CompleteAsync(TaskCompletionSource<SignUpState?> completion, AppDbContext db, int activityId)
        {
            try
            {
                var activity = await db.Activities.AsNoTracking().Include(a => a.Audience)
                    .SingleOrDefaultAsync(a => a.Id == activityId, CancellationToken.None);
                completion.SetResult(activity is null ? null : new SignUpState(activity));
            }
            catch (Exception exception)
            {
                completion.SetException(exception);
            }
        }
    }
}

/// <summary>
/// One activity's sign-up facts for one generation: the row with its audience (read only, shared by every request),
/// the places known taken (a lower bound), and, once the activity is known full without a waiting list, the members
/// holding a place.
/// </summary>
internal sealed class SignUpState(Activity activity)
{
    private int _confirmedAtLeast = activity.ConfirmedCount;
    private Task<FrozenSet<int>>? _holders;

    /// <summary>The activity as loaded for this generation, audience included. Never change it.</summary>
    public Activity Activity { get; } = activity;

    /// <summary>True when the activity is known to have no free place and no waiting list for the rest of this generation.</summary>
    public bool IsFull =>
        Activity.Capacity is int places && !Activity.HasWaitingList && Volatile.Read(ref _confirmedAtLeast) >= places;

    /// <summary>The most sign-ups one write transaction decides.</summary>
    public const int MaxBatch = 200;

    /// <summary>
    /// How many waiting sign-ups one write takes: the places not known taken for an activity without a waiting list
    /// (once they are gone, the rest are refused from memory without a write), else <see cref="MaxBatch"/>.
    /// </summary>
    public int BatchLimit =>
        Activity.Capacity is int places && !Activity.HasWaitingList
            ? Math.Clamp(places - Volatile.Read(ref _confirmedAtLeast), 1, MaxBatch)
            : MaxBatch;

    /// <summary>Counts a place this process took (after its commit).</summary>
    public void Confirmed() => Interlocked.Increment(ref _confirmedAtLeast);

    /// <summary>Notes that the database refused a place with no waiting list: the activity is full in this generation.</summary>
    public void SawFull()
    {
        if (Activity.Capacity is int places)
        {
            var known = Volatile.Read(ref _confirmedAtLeast);
            while (known < places && Interlocked.CompareExchange(ref _confirmedAtLeast, places, known) is var seen && seen != known)
            {
                known = seen;
            }
        }
    }

    /// <summary>
    /// True when the member holds a place of this full activity (waiting-list entries cannot exist without a waiting
    /// list). Read once per generation (one query), when the first request finds the activity full; nobody gains a
    /// place afterwards without a place being freed, which starts a new generation.
    /// </summary>
    public async Task<bool> HoldsPlaceAsync(AppDbContext db, int memberId, CancellationToken cancellationToken)
    {
        var holders = Volatile.Read(ref _holders);
        if (holders is null)
        {
            var started = new TaskCompletionSource<FrozenSet<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
            holders = Interlocked.CompareExchange(ref _holders, started.Task, null);
            if (holders is null)
            {
                holders = started.Task;
                await LoadHoldersAsync(started, db);
            }
        }

        try
        {
            return (await holders.WaitAsync(cancellationToken)).Contains(memberId);
        }
        catch (Exception) when (holders.IsFaulted)
        {
            _ = Interlocked.CompareExchange(ref _holders, null, holders);
            throw;
        }
    }

    private async Task LoadHoldersAsync(TaskCompletionSource<FrozenSet<int>> completion, AppDbContext db)
    {
        try
        {
            var id = Activity.Id;
            var members = await db.Enrollments.AsNoTracking()
                .Where(e => e.ActivityId == id && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted))
                .Select(e => e.MemberId)
                .ToListAsync(CancellationToken.None);
            completion.SetResult(members.ToFrozenSet());
        }
        catch (Exception exception)
        {
            completion.SetException(exception);
        }
    }
}

/// <summary>What a sign-up in line learns when its turn comes.</summary>
internal enum SignUpTurnKind
{
    /// <summary>Decided by another sign-up's write: <see cref="SignUpTurn.Outcome"/> (or the exception it failed with).</summary>
    Decided,

    /// <summary>This sign-up writes now, for <see cref="SignUpTurn.Batch"/> (itself first).</summary>
    Write,

    /// <summary>Its activity became known full without a waiting list while it waited: ask again, from memory.</summary>
    AskAgain,
}

internal readonly record struct SignUpTurn(
    SignUpTurnKind Kind,
    Result<SignUp> Outcome = default,
    IReadOnlyList<SignUpTicket>? Batch = null);

/// <summary>One sign-up that needs a write: who, for which generation's facts, at what moment; and its turn.</summary>
internal sealed class SignUpTicket(SignUpState state, int memberId, DateTimeOffset now)
{
    private readonly TaskCompletionSource<SignUpTurn> _turn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SignUpState State { get; } = state;

    public int ActivityId => State.Activity.Id;

    public int MemberId { get; } = memberId;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Completes when another sign-up decided this one, hands it the write, or sends it to ask again.</summary>
    public Task<SignUpTurn> Turn => _turn.Task;

    public void Write(IReadOnlyList<SignUpTicket> batch) => _turn.TrySetResult(new SignUpTurn(SignUpTurnKind.Write, Batch: batch));

    public void Decided(Result<SignUp> outcome) => _turn.TrySetResult(new SignUpTurn(SignUpTurnKind.Decided, outcome));

    public void Failed(Exception exception) => _turn.TrySetException(exception);

    public void AskAgain() => _turn.TrySetResult(new SignUpTurn(SignUpTurnKind.AskAgain));
}

/// <summary>
/// The line of sign-ups waiting to write, for the activities of one stripe (<see cref="SignUpGate"/>). At most one
/// of them writes at a time. Whoever finds nobody writing writes at once, alone (a lone sign-up is never delayed);
/// the others wait in arrival order. When a write ends (<see cref="Pass"/>), those whose activity is now known full
/// without a waiting list are sent to ask again (answered from memory), and the first still waiting writes next,
/// taking with it every sign-up waiting for the same activity under the same facts (the same generation), in
/// arrival order, up to <see cref="SignUpState.BatchLimit"/>: the group commit. All decisions here are in memory;
/// the database judges each place inside the write.
/// </summary>
internal sealed class SignUpQueue
{
    private readonly Lock _lock = new();
    private readonly List<SignUpTicket> _waiting = [];
    private bool _writing;

    /// <summary>True when nobody was writing: the caller writes now, alone. Otherwise the ticket waits its turn.</summary>
    public bool Enter(SignUpTicket ticket)
    {
        lock (_lock)
        {
            if (!_writing)
            {
                _writing = true;
                return true;
            }

            _waiting.Add(ticket);
            return false;
        }
    }

    /// <summary>Ends the current write: the next batch writes, or nobody is writing any more.</summary>
    public void Pass()
    {
        List<SignUpTicket> again = [];
        List<SignUpTicket>? batch = null;
        lock (_lock)
        {
            for (var i = 0; i < _waiting.Count; i++)
            {
                if (_waiting[i].State.IsFull)
                {
                    again.Add(_waiting[i]);
                }
            }

            if (again.Count > 0)
            {
                _waiting.RemoveAll(t => t.State.IsFull);
            }

            if (_waiting.Count == 0)
            {
                _writing = false;
            }
            else
            {
                var first = _waiting[0];
                var limit = first.State.BatchLimit;
                batch = [first];
                for (var i = 1; i < _waiting.Count && batch.Count < limit; i++)
                {
                    if (ReferenceEquals(_waiting[i].State, first.State))
                    {
                        batch.Add(_waiting[i]);
                    }
                }

                var taken = batch.ToHashSet();
                _waiting.RemoveAll(taken.Contains);
            }
        }

        foreach (var ticket in again)
        {
            ticket.AskAgain();
        }

        batch?[0].Write(batch);
    }
}
