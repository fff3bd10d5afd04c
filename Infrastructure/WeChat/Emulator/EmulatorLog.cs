using System.Collections.Concurrent;

namespace SmartBranch.Infrastructure.WeChat.Emulator;

/// <summary>
/// What the emulator keeps of its calls, requests and messages for tests to read: the newest
/// <see cref="Capacity"/> entries, oldest first, and how many were ever added. A ring in effect: a process that
/// hosts the emulator for hours (the development API, the HTTP benchmark's hundreds of thousands of logins)
/// holds at most <see cref="Capacity"/> entries per log instead of one per call ever made.
/// </summary>
internal sealed class EmulatorLog<T>
{
    /// <summary>Entries kept per log; far more than any test makes, a few MB at most.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<T> _entries = new();
    private long _kept;
    private long _added;

    /// <summary>Entries ever added, including those no longer kept.</summary>
    public long Added => Interlocked.Read(ref _added);

    public void Add(T entry)
    {
        _entries.Enqueue(entry);
        Interlocked.Increment(ref _added);
        if (Interlocked.Increment(ref _kept) > Capacity && _entries.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _kept);
        }
    }

    /// <summary>The entries kept, oldest first.</summary>
    public T[] ToArray() => _entries.ToArray();
}
