using System.Globalization;
using SmartBranch.Infrastructure.Redis;
using StackExchange.Redis;

namespace SmartBranch.Infrastructure.Queues;

/// <summary>
/// A Redis Stream (<c>sb:reminders:stream</c>) read by the consumer group <c>dispatchers</c>. Entries a
/// crashed dispatcher read but never acknowledged stay in the group's pending list and are taken over
/// with XAUTOCLAIM. Acknowledged entries are deleted, so the stream holds only unfinished work (it is a
/// queue and has no TTL).
/// </summary>
internal sealed class RedisReminderQueue(RedisConnection redis) : IReminderQueue
{
    public const string StreamKey = "sb:reminders:stream";
    public const string GroupName = "dispatchers";
    private const string Field = "reminder";

    private volatile bool _groupReady;

    public bool IsShared => true;

    private IDatabase Db => redis.Database;

    public async Task AddAsync(IReadOnlyCollection<long> reminderIds, CancellationToken cancellationToken)
    {
        if (reminderIds.Count == 0)
        {
            return;
        }

        await Guard(async () =>
        {
            var batch = Db.CreateBatch();
            var adds = reminderIds.Select(id => batch.StreamAddAsync(StreamKey, Field, id)).ToList();
            batch.Execute();
            await Task.WhenAll(adds);
            return true;
        });
    }

    public async Task<IReadOnlyList<QueueEntry>> ReadAsync(string consumer, int count, TimeSpan claimMinIdle, CancellationToken cancellationToken)
    {
        return await Guard(async () =>
        {
            try
            {
                return await ReadOnceAsync(consumer, count, claimMinIdle);
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // Redis restarted without persistence: the stream and its group are gone; make them again.
                _groupReady = false;
                return await ReadOnceAsync(consumer, count, claimMinIdle);
            }
        });
    }

    public async Task AckAsync(IReadOnlyCollection<string> entryIds, CancellationToken cancellationToken)
    {
        if (entryIds.Count == 0)
        {
            return;
        }

        var ids = entryIds.Select(id => (RedisValue)id).ToArray();
        await Guard(async () =>
        {
            await Db.StreamAcknowledgeAsync(StreamKey, GroupName, ids);
            await Db.StreamDeleteAsync(StreamKey, ids);
            return true;
        });
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            throw new QueueUnavailableException($"Redis stream {StreamKey} is not available: {ex.Message}", ex);
        }
    }

    private async Task<IReadOnlyList<QueueEntry>> ReadOnceAsync(string consumer, int count, TimeSpan claimMinIdle)
    {
        await EnsureGroupAsync();
        var claimed = await Db.StreamAutoClaimAsync(StreamKey, GroupName, consumer, (long)claimMinIdle.TotalMilliseconds, "0-0", count);
        var entries = claimed.ClaimedEntries;
        if (entries.Length < count)
        {
            var fresh = await Db.StreamReadGroupAsync(StreamKey, GroupName, consumer, StreamPosition.NewMessages, count - entries.Length);
            entries = [.. entries, .. fresh];
        }

        var result = new List<QueueEntry>(entries.Length);
        foreach (var entry in entries)
        {
            if (entry.IsNull)
            {
                continue;
            }

            var value = entry[Field];
            if (long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                result.Add(new QueueEntry(entry.Id.ToString(), id));
            }
        }

        return result;
    }

    private async Task EnsureGroupAsync()
    {
        if (_groupReady)
        {
            return;
        }

        try
        {
            await Db.StreamCreateConsumerGroupAsync(StreamKey, GroupName, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance made it first.
        }

        _groupReady = true;
    }
}
