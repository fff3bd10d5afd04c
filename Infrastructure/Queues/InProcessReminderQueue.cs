using System.Threading.Channels;

namespace SmartBranch.Infrastructure.Queues;

/// <summary>
/// The embedded demo's stand-in for the Redis Stream: a channel inside this process. Entries are lost
/// with the process, which is safe because the rows stay Queued in the database and the feeder puts
/// rows Queued for too long back to Scheduled.
/// </summary>
internal sealed class InProcessReminderQueue : IReminderQueue
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>();

    public bool IsShared => false;

    public Task AddAsync(IReadOnlyCollection<long> reminderIds, CancellationToken cancellationToken)
    {
        foreach (var id in reminderIds)
        {
            _channel.Writer.TryWrite(id);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueueEntry>> ReadAsync(string consumer, int count, TimeSpan claimMinIdle, CancellationToken cancellationToken)
    {
        var entries = new List<QueueEntry>();
        while (entries.Count < count && _channel.Reader.TryRead(out var id))
        {
            entries.Add(new QueueEntry($"local-{id}", id));
        }

        return Task.FromResult<IReadOnlyList<QueueEntry>>(entries);
    }

    public Task AckAsync(IReadOnlyCollection<string> entryIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
