using System.Text.Json;
using SmartBranch.Infrastructure.Redis;
using StackExchange.Redis;

namespace SmartBranch.Infrastructure.Sessions;

/// <summary>
/// Sessions in Redis: <c>sb:session:{hash}</c> holds the session with a sliding TTL, and
/// <c>sb:session:account:{openid}</c> lists the hashes of one account so they can all be ended at once.
/// </summary>
internal sealed class RedisSessionStore(RedisConnection redis, IOptions<SessionOptions> options, TimeProvider time) : ISessionStore
{
    private TimeSpan Lifetime => options.Value.Lifetime;

    public async Task<IssuedSession> CreateAsync(SessionData data, CancellationToken cancellationToken)
    {
        var token = SessionTokens.NewToken();
        var hash = SessionTokens.Hash(token);
        var batch = redis.Database.CreateBatch();
        var set = batch.StringSetAsync(SessionKey(hash), JsonSerializer.Serialize(data), Lifetime);
        var add = batch.SetAddAsync(AccountKey(data.OpenId), hash);
        var expire = batch.KeyExpireAsync(AccountKey(data.OpenId), Lifetime);
        batch.Execute();
        await Task.WhenAll(set, add, expire);
        return new IssuedSession(token, time.GetUtcNow() + Lifetime);
    }

    public async Task<SessionLookup?> GetAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SessionTokens.Hash(token);
        var value = await redis.Database.StringGetSetExpiryAsync(SessionKey(hash), Lifetime);
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        var data = JsonSerializer.Deserialize<SessionData>(value.ToString())!;
        // The account's index only has to outlive its sessions; nobody waits for this.
        redis.Database.KeyExpire(AccountKey(data.OpenId), Lifetime, ExpireWhen.GreaterThanCurrentExpiry, CommandFlags.FireAndForget);
        return new SessionLookup(data, hash, time.GetUtcNow() + Lifetime);
    }

    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SessionTokens.Hash(token);
        var value = await redis.Database.StringGetDeleteAsync(SessionKey(hash));
        if (!value.IsNullOrEmpty)
        {
            var data = JsonSerializer.Deserialize<SessionData>(value.ToString())!;
            await redis.Database.SetRemoveAsync(AccountKey(data.OpenId), hash);
        }
    }

    public async Task RevokeAllAsync(string openId, CancellationToken cancellationToken)
    {
        var hashes = await redis.Database.SetMembersAsync(AccountKey(openId));
        var keys = hashes.Select(h => (RedisKey)SessionKey(h.ToString())).Append(AccountKey(openId)).ToArray();
        await redis.Database.KeyDeleteAsync(keys);
    }

    private static string SessionKey(string hash) => $"sb:session:{hash}";

    private static string AccountKey(string openId) => $"sb:session:account:{openId}";
}
