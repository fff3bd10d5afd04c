using System.Collections.Immutable;
using SmartBranch.Infrastructure.Redis;
using StackExchange.Redis;

namespace SmartBranch.Infrastructure.Signals;

/// <summary>
/// "Something changed" messages between API instances: a publisher names a topic and a short message, and every
/// instance's subscribers of that topic hear it within moments. No history and no delivery guarantee: a
/// subscriber that must not miss anything re-reads the database on a slow timer as well.
/// </summary>
public interface IChangeFeed
{
    /// <summary>Publishes without waiting; a message lost while Redis is unreachable is not an error.</summary>
    void Publish(string topic, string message);

    /// <summary>Calls <paramref name="handler"/> for each message on <paramref name="topic"/> until the result is disposed.</summary>
    IDisposable Subscribe(string topic, Action<string> handler);
}

/// <summary>Redis pub/sub on channel <c>&lt;InstanceName&gt;sb:feed:&lt;topic&gt;</c>, heard by every instance (itself included).</summary>
internal sealed class RedisChangeFeed(RedisConnection redis, IOptions<RedisOptions> options) : IChangeFeed
{
    public void Publish(string topic, string message) =>
        redis.Multiplexer.GetSubscriber().Publish(Channel(topic), message, CommandFlags.FireAndForget);

    public IDisposable Subscribe(string topic, Action<string> handler)
    {
        var channel = Channel(topic);
        var subscriber = redis.Multiplexer.GetSubscriber();
        Action<RedisChannel, RedisValue> callback = (_, value) => handler(value.ToString());

        // The multiplexer subscribes again by itself after a reconnect.
        subscriber.Subscribe(channel, callback);
        return new Unsubscribe(() => subscriber.Unsubscribe(channel, callback, CommandFlags.FireAndForget));
    }

    private RedisChannel Channel(string topic) => RedisChannel.Literal($"{options.Value.InstanceName}sb:feed:{topic}");

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

/// <summary>The embedded demo's single process: subscribers are called directly.</summary>
internal sealed class InProcessChangeFeed : IChangeFeed
{
    private ImmutableDictionary<string, ImmutableList<Action<string>>> _handlers = ImmutableDictionary<string, ImmutableList<Action<string>>>.Empty;

    public void Publish(string topic, string message)
    {
        foreach (var handler in Volatile.Read(ref _handlers).GetValueOrDefault(topic) ?? [])
        {
            handler(message);
        }
    }

    public IDisposable Subscribe(string topic, Action<string> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, h => h.SetItem(topic, (h.GetValueOrDefault(topic) ?? []).Add(handler)));
        return new Unsubscribe(this, topic, handler);
    }

    private sealed class Unsubscribe(InProcessChangeFeed feed, string topic, Action<string> handler) : IDisposable
    {
        public void Dispose() =>
            ImmutableInterlocked.Update(ref feed._handlers, h => h.SetItem(topic, (h.GetValueOrDefault(topic) ?? []).Remove(handler)));
    }
}
