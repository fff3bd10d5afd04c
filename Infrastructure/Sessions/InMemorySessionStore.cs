using System.Collections.Concurrent;

namespace SmartBranch.Infrastructure.Sessions;

/// <summary>
/// Stand-in for Redis on the embedded default when no Redis is configured. Sessions are lost on
/// restart and not shared between processes, which is why Production refuses to run with it.
/// </summary>
internal sealed class InMemorySessionStore(IOptions<SessionOptions> options, TimeProvider time) : ISessionStore
{
    private readonly ConcurrentDictionary<string, Entry> _sessions = new();

    public Task<IssuedSession> CreateAsync(SessionData data, CancellationToken cancellationToken)
    {
        var token = SessionTokens.NewToken();
        var expiresAt = time.GetUtcNow() + options.Value.Lifetime;
        _sessions[SessionTokens.Hash(token)] = new Entry(data, expiresAt);
        return Task.FromResult(new IssuedSession(token, expiresAt));
    }

    public Task<SessionLookup?> GetAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SessionTokens.Hash(token);
        var now = time.GetUtcNow();
        if (!_sessions.TryGetValue(hash, out var entry) || entry.ExpiresAt <= now)
        {
            _sessions.TryRemove(hash, out _);
            return Task.FromResult<SessionLookup?>(null);
        }

        var slid = entry with { ExpiresAt = now + options.Value.Lifetime };
        _sessions[hash] = slid;
        return Task.FromResult<SessionLookup?>(new SessionLookup(slid.Data, hash, slid.ExpiresAt));
    }

    public Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        _sessions.TryRemove(SessionTokens.Hash(token), out _);
        return Task.CompletedTask;
    }

    public Task RevokeAllAsync(string openId, CancellationToken cancellationToken)
    {
        foreach (var (hash, entry) in _sessions)
        {
            if (entry.Data.OpenId == openId)
            {
                _sessions.TryRemove(hash, out _);
            }
        }

        return Task.CompletedTask;
    }

    private sealed record Entry(SessionData Data, DateTimeOffset ExpiresAt);
}
