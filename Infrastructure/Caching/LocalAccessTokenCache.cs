using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Infrastructure.Caching;

/// <summary>
/// Keeps the access token from Redis in process for a few seconds, so a dispatcher sending hundreds of
/// subscription messages a second does not add one Redis GET to every send (the reminder drain measured one
/// per message; deploy/bench/README.md). The token in Redis stays the shared truth: a local copy is never kept
/// longer than <see cref="HoldFor"/>, nor past the lifetime it was stored with, and a token WeChat rejects
/// (40001/42001/40014) is dropped here as well as in Redis by <see cref="WeChatClient"/>'s refresh, so a token
/// another instance replaced costs one failed call, exactly as before. stable_token answers the same token
/// until it expires (Infrastructure/WeChat/README.md), and the Redis entry lapses minutes before WeChat's.
/// </summary>
internal sealed class LocalAccessTokenCache(IAccessTokenCache shared, TimeProvider time) : IAccessTokenCache
{
    /// <summary>How long a token read from Redis is used without asking Redis again.</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromSeconds(10);

    private volatile Entry? _entry;

    public async Task<string?> GetAsync(string appId)
    {
        var now = time.GetUtcNow();
        if (_entry is { } entry && entry.AppId == appId && entry.Until > now)
        {
            return entry.Token;
        }

        var token = await shared.GetAsync(appId);
        _entry = token is null ? null : new Entry(appId, token, now + HoldFor);
        return token;
    }

    public async Task SetAsync(string appId, string token, TimeSpan lifetime)
    {
        await shared.SetAsync(appId, token, lifetime);
        _entry = new Entry(appId, token, time.GetUtcNow() + (lifetime < HoldFor ? lifetime : HoldFor));
    }

    public Task DropAsync(string appId, string token)
    {
        if (_entry is { } entry && entry.AppId == appId && entry.Token == token)
        {
            _entry = null;
        }

        return shared.DropAsync(appId, token);
    }

    private sealed record Entry(string AppId, string Token, DateTimeOffset Until);
}
