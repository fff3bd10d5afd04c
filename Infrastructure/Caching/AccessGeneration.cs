using SmartBranch.Infrastructure.Redis;
using StackExchange.Redis;

namespace SmartBranch.Infrastructure.Caching;

/// <summary>
/// The version of everything access decisions are made from (members, their bindings, appointments, the
/// unit tree). Caches key their entries by it; changing it makes every instance miss on its next request.
/// A fresh random token each time (never a counter), so a lost key can never bring back an old generation.
/// </summary>
public interface IAccessGeneration
{
    /// <summary>The current generation; one Redis GET, sent alongside whatever else the request sends first.</summary>
    Task<string> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Starts a new generation. Call after the change is committed, never before.</summary>
    Task ChangeAsync(CancellationToken cancellationToken);

    /// <summary>As <see cref="ChangeAsync"/>, for synchronous saves.</summary>
    void Change();
}

/// <summary>The generation in Redis under <c>sb:access:generation</c>, shared by every instance.</summary>
internal sealed class RedisAccessGeneration(RedisConnection redis) : IAccessGeneration
{
    internal const string Key = "sb:access:generation";

    // Renewed by every change; if it lapses the next reader starts a new generation, which only costs a reload.
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        var value = await redis.Database.StringGetAsync(Key);
        if (!value.IsNullOrEmpty)
        {
            return value.ToString();
        }

        await redis.Database.StringSetAsync(Key, NewToken(), Lifetime, When.NotExists);
        return (await redis.Database.StringGetAsync(Key)).ToString();
    }

    public Task ChangeAsync(CancellationToken cancellationToken) => redis.Database.StringSetAsync(Key, NewToken(), Lifetime);

    public void Change() => redis.Database.StringSet(Key, NewToken(), Lifetime);

    private static string NewToken() => Guid.NewGuid().ToString("N");
}

/// <summary>The embedded demo's single process: the generation is a field.</summary>
internal sealed class InMemoryAccessGeneration : IAccessGeneration
{
    private string _current = Guid.NewGuid().ToString("N");

    public Task<string> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult(Volatile.Read(ref _current));

    public Task ChangeAsync(CancellationToken cancellationToken)
    {
        Change();
        return Task.CompletedTask;
    }

    public void Change() => Volatile.Write(ref _current, Guid.NewGuid().ToString("N"));
}
