namespace SmartBranch.Infrastructure.Queues;

/// <summary>One queue entry: the outbox row it points at, and the id to acknowledge it with.</summary>
public sealed record QueueEntry(string EntryId, long ReminderId);

/// <summary>
/// The hand-over between the reminder feeder and the dispatchers. The database row stays the truth: the
/// queue carries only ids, and an entry may be delivered more than once (after a crash), so dispatchers
/// check the row before sending. Failures of the queue surface as exceptions the callers catch.
/// </summary>
public interface IReminderQueue
{
    /// <summary>True when entries survive this process (Redis); false for the in-process stand-in.</summary>
    bool IsShared { get; }

    Task AddAsync(IReadOnlyCollection<long> reminderIds, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="count"/> entries for <paramref name="consumer"/>: first entries another consumer
    /// read but left unacknowledged for at least <paramref name="claimMinIdle"/> (it crashed), then new ones.
    /// </summary>
    Task<IReadOnlyList<QueueEntry>> ReadAsync(string consumer, int count, TimeSpan claimMinIdle, CancellationToken cancellationToken);

    /// <summary>The entries are finished (or need no work): remove them.</summary>
    Task AckAsync(IReadOnlyCollection<string> entryIds, CancellationToken cancellationToken);
}

/// <summary>The queue cannot be reached right now (Redis down or restarting); work stays in the database.</summary>
public sealed class QueueUnavailableException(string message, Exception inner) : Exception(message, inner);
