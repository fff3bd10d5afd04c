using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using SmartBranch.Infrastructure.Redis;
using StackExchange.Redis;

namespace SmartBranch.Infrastructure.Sessions;

/// <summary>
/// Sessions in Redis: <c>sb:session:{hash}</c> holds the session with a sliding TTL, and
/// <c>sb:session:account:{openid}</c> lists the hashes of one account so they can all be ended at once.
/// The index must outlive every session it lists, or ending them all would miss one. It is kept until at
/// least <see cref="IndexSlack"/> beyond the longest a session could slide to: each instance extends it once
/// per <see cref="IndexSlack"/> and account (remembered in <see cref="_indexExtended"/>), not on every request, so a
/// request's session lookup is two Redis commands (GETEX of the session, GET of the access generation) instead of three.
/// Why it holds: an instance that extended the index at <c>t0</c> to <c>t0 + Lifetime + IndexSlack</c> skips
/// extending it only until <c>t0 + IndexSlack</c>, and a session touched before then slides to at most
/// <c>t0 + IndexSlack + Lifetime</c>. Sign-in sets the index to <c>now + Lifetime + IndexSlack</c>, never shorter than
/// any instance's earlier extension. All TTLs are relative and counted by Redis; the memo counts real elapsed time.
/// </summary>
internal sealed class RedisSessionStore(RedisConnection redis, IOptions<SessionOptions> options, TimeProvider time) : ISessionStore, IDisposable
{
    /// <summary>How much longer than its sessions the account index is kept, and how often an instance extends it.</summary>
    public static readonly TimeSpan IndexSlack = TimeSpan.FromHours(1);

    // Accounts whose index this instance extended less than IndexSlack ago (minus a margin for the command's
    // own travel). Bounded: an account that does not fit is simply extended on each request, as before.
    private readonly MemoryCache _indexExtended = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private TimeSpan Lifetime => options.Value.Lifetime;

    public async Task<IssuedSession> CreateAsync(SessionData data, CancellationToken cancellationToken)
    {
        var token = SessionTokens.NewToken();
        var hash = SessionTokens.Hash(token);
        var batch = redis.Database.CreateBatch();
        var set = batch.StringSetAsync(SessionKey(hash), JsonSerializer.SerializeToUtf8Bytes(data), Lifetime);
        var add = batch.SetAddAsync(AccountKey(data.OpenId), hash);
        var expire = batch.KeyExpireAsync(AccountKey(data.OpenId), Lifetime + IndexSlack);
        batch.Execute();

        // A batch's replies come back in order on one connection: wait for the last one only (one hand-off to the
        // thread pool instead of one per reply), then collect all three, already complete, so a failure still throws.
        await expire.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await Task.WhenAll(set, add, expire);
        RememberIndexExtended(data.OpenId);
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
        if (!_indexExtended.TryGetValue(data.OpenId, out _))
        {
            // Once per IndexSlack and account on this instance (see the class comment).
            await redis.Database.KeyExpireAsync(AccountKey(data.OpenId), Lifetime + IndexSlack, ExpireWhen.GreaterThanCurrentExpiry);
            RememberIndexExtended(data.OpenId);
        }

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

    public void Dispose() => _indexExtended.Dispose();

    private void RememberIndexExtended(string openId) =>
        _indexExtended.Set(openId, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = IndexSlack - TimeSpan.FromMinutes(1) });

    private static string SessionKey(string hash) => $"sb:session:{hash}";

    internal static string AccountKey(string openId) => $"sb:session:account:{openId}";
}
