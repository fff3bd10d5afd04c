using System.Collections.Concurrent;
using SmartBranch.Infrastructure.Redis;

namespace SmartBranch.Infrastructure.WeChat;

/// <summary>Where the access token is kept between calls (Redis, shared by every instance).</summary>
public interface IAccessTokenCache
{
    Task<string?> GetAsync(string appId);

    Task SetAsync(string appId, string token, TimeSpan lifetime);

    /// <summary>Drops the cached token only if it is still <paramref name="token"/>, so a newer one is not thrown away.</summary>
    Task DropAsync(string appId, string token);
}

internal sealed class RedisAccessTokenCache(RedisConnection redis) : IAccessTokenCache
{
    public async Task<string?> GetAsync(string appId)
    {
        var value = await redis.Database.StringGetAsync(Key(appId));
        return value.IsNullOrEmpty ? null : value.ToString();
    }

    public Task SetAsync(string appId, string token, TimeSpan lifetime) =>
        redis.Database.StringSetAsync(Key(appId), token, lifetime);

    // Delete-if-equal: another instance may already have cached a newer token.
    public Task DropAsync(string appId, string token) => redis.Database.LockReleaseAsync(Key(appId), token);

    private static string Key(string appId) => $"sb:wechat:token:{appId}";
}

internal sealed class InMemoryAccessTokenCache(TimeProvider time) : IAccessTokenCache
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset ExpiresAt)> _tokens = new();

    public Task<string?> GetAsync(string appId) =>
        Task.FromResult(_tokens.TryGetValue(appId, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Token : null);

    public Task SetAsync(string appId, string token, TimeSpan lifetime)
    {
        _tokens[appId] = (token, time.GetUtcNow() + lifetime);
        return Task.CompletedTask;
    }

    public Task DropAsync(string appId, string token)
    {
        if (_tokens.TryGetValue(appId, out var entry) && entry.Token == token)
        {
            _tokens.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(appId, entry));
        }

        return Task.CompletedTask;
    }
}
