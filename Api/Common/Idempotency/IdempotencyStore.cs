using System.Collections.Concurrent;
using System.Text.Json;
using SmartBranch.Infrastructure.Redis;
using StackExchange.Redis;

namespace SmartBranch.Api.Common.Idempotency;

/// <summary>The first response to an idempotent write, replayed for every repeat of its key.</summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>What a key holds when a request arrives with it.</summary>
public abstract record KeyState
{
    /// <summary>The key was free; this request now holds it and must <c>Complete</c> or <c>Release</c> it.</summary>
    public sealed record Claimed : KeyState;

    /// <summary>Another request with the key is still running.</summary>
    public sealed record InProgress : KeyState;

    /// <summary>The key was used for a different request (another route or body).</summary>
    public sealed record Mismatch : KeyState;

    /// <summary>The key's request has finished; replay its response.</summary>
    public sealed record Completed(StoredResponse Response) : KeyState;
}

/// <summary>
/// Keys of idempotent writes: Redis (<c>sb:idempotency:…</c>, shared by every instance) when configured,
/// otherwise in-process like the session fallback. A claimed key expires after <see cref="ClaimLifetime"/>
/// (a request that crashed frees it); a completed one after <see cref="ResultLifetime"/>.
/// </summary>
public sealed class IdempotencyStore(RedisConnection? redis, TimeProvider time)
{
    /// <summary>How long a repeat returns the first result.</summary>
    public static readonly TimeSpan ResultLifetime = TimeSpan.FromHours(24);

    /// <summary>How long a running request holds its key before a repeat may run again.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, (Entry Entry, DateTimeOffset ExpiresAt)> _local = new();

    public async Task<KeyState> ClaimAsync(string key, string fingerprint)
    {
        var claim = new Entry(fingerprint, null);
        Entry? held;
        if (redis is not null)
        {
            var redisKey = RedisKey(key);
            if (await redis.Database.StringSetAsync(redisKey, Serialize(claim), ClaimLifetime, When.NotExists))
            {
                return new KeyState.Claimed();
            }

            var value = await redis.Database.StringGetAsync(redisKey);
            held = value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Entry>((byte[])value!);
            if (held is null)
            {
                // Expired between the two commands: try once more.
                return await redis.Database.StringSetAsync(redisKey, Serialize(claim), ClaimLifetime, When.NotExists)
                    ? new KeyState.Claimed()
                    : new KeyState.InProgress();
            }
        }
        else
        {
            var now = time.GetUtcNow();
            var current = _local.AddOrUpdate(
                key,
                _ => (claim, now + ClaimLifetime),
                (_, existing) => existing.ExpiresAt <= now ? (claim, now + ClaimLifetime) : existing);
            if (ReferenceEquals(current.Entry, claim))
            {
                return new KeyState.Claimed();
            }

            held = current.Entry;
        }

        return held.Fingerprint != fingerprint ? new KeyState.Mismatch()
            : held.Response is { } response ? new KeyState.Completed(response)
            : new KeyState.InProgress();
    }

    public async Task CompleteAsync(string key, string fingerprint, StoredResponse response)
    {
        var entry = new Entry(fingerprint, response);
        if (redis is not null)
        {
            await redis.Database.StringSetAsync(RedisKey(key), Serialize(entry), ResultLifetime);
            return;
        }

        _local[key] = (entry, time.GetUtcNow() + ResultLifetime);
        foreach (var (stale, value) in _local)
        {
            if (value.ExpiresAt <= time.GetUtcNow())
            {
                _local.TryRemove(stale, out _);
            }
        }
    }

    /// <summary>Frees the key, so the client may try again with it (the request failed or was refused).</summary>
    public async Task ReleaseAsync(string key)
    {
        if (redis is not null)
        {
            await redis.Database.KeyDeleteAsync(RedisKey(key));
            return;
        }

        _local.TryRemove(key, out _);
    }

    private static RedisKey RedisKey(string key) => $"sb:idempotency:{key}";

    private static byte[] Serialize(Entry entry) => JsonSerializer.SerializeToUtf8Bytes(entry);

    private sealed record Entry(string Fingerprint, StoredResponse? Response);
}
