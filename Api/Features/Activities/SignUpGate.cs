using System.Collections.Concurrent;
using System.Collections.Frozen;
using SmartBranch.Domain.Activities;
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
/// <item><b>An async gate per stripe of activity ids</b>: one process's sign-ups for one activity take their short
/// write transactions one after another instead of all fighting for SQLite's single write lock (a locked
/// connection sleeps 150 ms and polls).</item>
/// </list>
/// A change is seen by every instance once the request that made it has answered (the token is renewed after the
/// commit, before the answer), as for <c>AccessCache</c>; see deploy/bench/README.md, "Sign-up storm".
/// </summary>
public sealed class SignUpGate(RedisConnection? redis)
{
    // Renewed by every change; a lapsed key only costs a reload.
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly ConcurrentDictionary<int, Entry> _states = new();
    private readonly ConcurrentDictionary<int, string> _localGenerations = new();

    /// <summary>The gate of the stripe this activity falls in (bounded however many activities there are).</summary>
    internal SemaphoreSlim For(int activityId) => _gates[(activityId & int.MaxValue) % _gates.Length];

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
        if (redis is null)
        {
            _localGenerations[activityId] = NewToken();
            return;
        }

        await redis.Database.StringSetAsync(Key(activityId), NewToken(), Lifetime);
    }

    private async ValueTask<string> GenerationAsync(int activityId)
    {
        if (redis is null)
        {
            return _localGenerations.GetOrAdd(activityId, static _ => NewToken());
        }

        var key = Key(activityId);
        var value = await redis.Database.StringGetAsync(key);
        if (!value.IsNullOrEmpty)
        {
            return value.ToString();
        }

        var token = NewToken();
        return await redis.Database.StringSetAsync(key, token, Lifetime, When.NotExists)
            ? token
            : (await redis.Database.StringGetAsync(key)).ToString();
    }

    private async Task ForgetGenerationAsync(int activityId)
    {
        if (redis is null)
        {
            _localGenerations.TryRemove(activityId, out _);
            return;
        }

        await redis.Database.KeyDeleteAsync(Key(activityId));
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
