using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmartBranch.Bench;

/// <summary>
/// Counts EF Core's executed database commands in this process, in total and by their first SQL keyword
/// (SELECT, UPDATE, INSERT …), and the transactions EF Core committed. Commands whose text contains
/// <see cref="Ignore"/> (the benchmark's own polling, tagged with <c>TagWith</c>) are left out.
/// </summary>
internal sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    /// <summary>A tag that keeps a command out of the count.</summary>
    public const string Ignore = "bench: not counted";

    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private const string TransactionCommitted = "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitted";

    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly Dictionary<string, int> _byKind = [];
    private int _count;
    private int _commits;

    public CommandCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public int Count => Volatile.Read(ref _count);

    /// <summary>Transactions committed through EF Core so far (on SQLite each one took the single write lock once).</summary>
    public int Commits => Volatile.Read(ref _commits);

    /// <summary>Counts by first keyword so far.</summary>
    public IReadOnlyDictionary<string, int> ByKind()
    {
        lock (_byKind)
        {
            return new Dictionary<string, int>(_byKind);
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this, name => name is CommandExecuted or TransactionCommitted));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == TransactionCommitted)
        {
            Interlocked.Increment(ref _commits);
            return;
        }

        var text = (value.Value as CommandExecutedEventData)?.Command.CommandText ?? string.Empty;
        if (text.Contains(Ignore, StringComparison.Ordinal))
        {
            return;
        }

        Interlocked.Increment(ref _count);
        var kind = text.TrimStart().Split([' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
        lock (_byKind)
        {
            _byKind[kind] = _byKind.GetValueOrDefault(kind) + 1;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
