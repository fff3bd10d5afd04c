using System.Collections.Concurrent;

namespace SmartBranch.Api.Features.Activities;

/// <summary>
/// What this process keeps to let a sign-up storm pass quickly (one per process, a singleton); the database stays
/// the authority (the conditional UPDATE in <see cref="ActivityEnrollments"/>), so several instances stay correct.
/// <list type="bullet">
/// <item>An async gate per stripe of activity ids: one process's sign-ups for one activity take their short write
/// transactions one after another instead of all fighting for SQLite's single write lock (a locked connection
/// sleeps 150 ms and polls).</item>
/// <item>The activities seen full without a waiting list, with the <c>EnrollmentRevision</c> of that observation.
/// Every change that can free a place (a cancelled enrollment, places or the waiting list edited) bumps the
/// revision in its own transaction (<see cref="ActivityEnrollments.LockAsync"/>), in whichever instance it runs.
/// So an entry answers only for a request that read the activity at or before that revision: the activity was
/// full at some moment after that request's read, and 409 is a true answer. A request that read a newer row
/// (a place may have been freed since) ignores the entry and asks the database under the gate.</item>
/// </list>
/// One entry per activity ever seen full (two numbers), so the dictionary stays small.
/// </summary>
public sealed class SignUpGate
{
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly ConcurrentDictionary<int, long> _fullAtRevision = new();

    /// <summary>The gate of the stripe this activity falls in (bounded however many activities there are).</summary>
    public SemaphoreSlim For(int activityId) => _gates[(activityId & int.MaxValue) % _gates.Length];

    /// <summary>True when this process saw the activity full at a revision at least as new as <paramref name="loadedRevision"/>.</summary>
    public bool IsKnownFull(int activityId, long loadedRevision) =>
        _fullAtRevision.TryGetValue(activityId, out var fullAt) && fullAt >= loadedRevision;

    /// <summary>Notes that the activity was full without a waiting list at <paramref name="revision"/>.</summary>
    public void SawFull(int activityId, long revision) =>
        _fullAtRevision.AddOrUpdate(activityId, static (_, seen) => seen, static (_, known, seen) => Math.Max(known, seen), revision);
}
