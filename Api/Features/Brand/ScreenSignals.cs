using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using SmartBranch.Infrastructure.Signals;

namespace SmartBranch.Api.Features.Brand;

/// <summary>
/// Tells open big screens that something they show may have changed: a check-in, an approved wall message, a
/// vote, a poll opened or closed, a link changed or revoked. A use case calls <see cref="Changed"/> with the unit
/// that owns what changed, after its save committed; the message goes through <see cref="IChangeFeed"/> (Redis
/// pub/sub, so a screen connected to another instance hears it too) and wakes every stream whose screen covers that
/// unit. The stream then reads the database again and pushes only if what it shows differs.
/// </summary>
public sealed class ScreenSignals : IDisposable
{
    private const string Topic = "screen";
    private readonly IChangeFeed _feed;
    private readonly IDisposable _subscription;
    private readonly ConcurrentDictionary<Listener, byte> _listeners = new();

    public ScreenSignals(IChangeFeed feed)
    {
        _feed = feed;
        _subscription = feed.Subscribe(Topic, OnMessage);
    }

    /// <summary>Something owned by <paramref name="unitIds"/> (branches, party groups, the general branch) changed.</summary>
    public void Changed(params ReadOnlySpan<int> unitIds)
    {
        var message = new StringBuilder();
        foreach (var id in unitIds)
        {
            message.Append(message.Length == 0 ? string.Empty : ",").Append(id.ToString(CultureInfo.InvariantCulture));
        }

        _feed.Publish(Topic, message.ToString());
    }

    /// <summary>Starts listening for changes to any of <paramref name="unitIds"/>; dispose to stop.</summary>
    internal Listener Listen(IReadOnlyCollection<int> unitIds)
    {
        var listener = new Listener(this, unitIds.ToHashSet());
        _listeners.TryAdd(listener, 0);
        return listener;
    }

    public void Dispose() => _subscription.Dispose();

    private void OnMessage(string message)
    {
        foreach (var part in message.Split(','))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var unitId))
            {
                foreach (var listener in _listeners.Keys)
                {
                    listener.Wake(unitId);
                }
            }
        }
    }

    /// <summary>One open stream's doorbell: any number of changes before the stream looks again ring it once.</summary>
    internal sealed class Listener(ScreenSignals owner, HashSet<int> unitIds) : IDisposable
    {
        private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        /// <summary>True when a change arrived; false when <paramref name="heartbeat"/> passed first; null once <paramref name="cancellationToken"/> is cancelled.</summary>
        public async Task<bool?> WaitAsync(TimeSpan heartbeat, TimeProvider time, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var rang = _bell.Reader.WaitToReadAsync(timeout.Token).AsTask();
            var beat = Task.Delay(heartbeat, time, timeout.Token);
            var first = await Task.WhenAny(rang, beat);
            await timeout.CancelAsync();
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            return first == rang && _bell.Reader.TryRead(out _);
        }

        public void Dispose() => owner._listeners.TryRemove(this, out _);

        internal void Wake(int unitId)
        {
            if (unitIds.Contains(unitId))
            {
                _bell.Writer.TryWrite(true);
            }
        }
    }
}
