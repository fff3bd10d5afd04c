using SmartBranch.Infrastructure.Redis;
using SmartBranch.Infrastructure.Sessions;
using StackExchange.Redis;

namespace SmartBranch.Infrastructure.Caching;

/// <summary>
/// The generations one request's cached answers are keyed by, read in the session lookup's round trip:
/// <see cref="Access"/> (members, appointments, units; <see cref="IAccessGeneration"/>), <see cref="Notices"/>
/// (every notice, its audience and its recipients) and <see cref="Session"/> (this session's own notice reads and
/// sign-offs). Null only between <see cref="IFeedGeneration.ReadAsync"/> and <see cref="IFeedGeneration.CompleteAsync"/>.
/// </summary>
public sealed record RequestGenerations(string? Access, string? Notices, string? Session)
{
    /// <summary>True when every generation is known.</summary>
    public bool IsComplete => Access is not null && Notices is not null && Session is not null;
}

/// <summary>
/// The version of what the member's notice feed is made from, shared by every instance. Two parts: one for all
/// notices (published, edited, approved, withdrawn, deleted, audience and recipients changed), and one per
/// session for the signed-in account's own read and sign-off state. The per-session part exists because a request
/// knows its session token before it knows its member: all three generations come back in one <c>MGET</c> that
/// leaves with the session's <c>GETEX</c>. A change of an account's own state starts a new generation for each of
/// that account's sessions (they are listed in the session store's account index). Fresh random tokens, never
/// counters, so a lost key can never bring an old generation back.
/// </summary>
public interface IFeedGeneration
{
    /// <summary>The three generations for a session token, one Redis command; a missing one is null.</summary>
    Task<RequestGenerations> ReadAsync(string sessionToken, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the generations <see cref="ReadAsync"/> found missing (a new session, a lapsed key). Call only once
    /// the session is known to exist, so unknown tokens never write to Redis.
    /// </summary>
    ValueTask<RequestGenerations> CompleteAsync(RequestGenerations read, string sessionToken, CancellationToken cancellationToken);

    /// <summary>Starts a new notices generation. Call after the change is committed, never before.</summary>
    Task NoticesChangedAsync(CancellationToken cancellationToken);

    /// <summary>As <see cref="NoticesChangedAsync"/>, for synchronous saves.</summary>
    void NoticesChanged();

    /// <summary>Starts a new generation for every session of these WeChat accounts (their read/sign-off state changed).</summary>
    Task AccountsChangedAsync(IReadOnlyCollection<string> openIds, CancellationToken cancellationToken);

    /// <summary>As <see cref="AccountsChangedAsync"/>, for synchronous saves.</summary>
    void AccountsChanged(IReadOnlyCollection<string> openIds);
}

/// <summary>
/// In Redis: <c>sb:notices:generation</c> and <c>sb:notices:session:{hash}</c> (beside <c>sb:session:{hash}</c>).
/// A per-session key lives a day from its last change; when it lapses the next request starts a new token, so
/// an entry cached under an earlier token is never read again.
/// </summary>
internal sealed class RedisFeedGeneration(RedisConnection redis, IAccessGeneration access) : IFeedGeneration
{
    private const string NoticesKey = "sb:notices:generation";

    private static readonly TimeSpan NoticesLifetime = TimeSpan.FromDays(30);

    private static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(1);

    public async Task<RequestGenerations> ReadAsync(string sessionToken, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [RedisAccessGeneration.Key, NoticesKey, SessionKey(SessionTokens.Hash(sessionToken))];
        var values = await redis.Database.StringGetAsync(keys);
        return new RequestGenerations(Text(values[0]), Text(values[1]), Text(values[2]));
    }

    public async ValueTask<RequestGenerations> CompleteAsync(RequestGenerations read, string sessionToken, CancellationToken cancellationToken)
    {
        if (read.IsComplete)
        {
            return read;
        }

        return new RequestGenerations(
            read.Access ?? await access.CurrentAsync(cancellationToken),
            read.Notices ?? await StartAsync(NoticesKey, NoticesLifetime),
            read.Session ?? await StartAsync(SessionKey(SessionTokens.Hash(sessionToken)), SessionLifetime));
    }

    public Task NoticesChangedAsync(CancellationToken cancellationToken) => redis.Database.StringSetAsync(NoticesKey, NewToken(), NoticesLifetime);

    public void NoticesChanged() => redis.Database.StringSet(NoticesKey, NewToken(), NoticesLifetime);

    public async Task AccountsChangedAsync(IReadOnlyCollection<string> openIds, CancellationToken cancellationToken)
    {
        foreach (var openId in openIds)
        {
            var sessions = await redis.Database.SetMembersAsync(RedisSessionStore.AccountKey(openId));
            await Task.WhenAll(sessions.Select(hash => redis.Database.StringSetAsync(SessionKey(hash.ToString()), NewToken(), SessionLifetime)));
        }
    }

    public void AccountsChanged(IReadOnlyCollection<string> openIds)
    {
        foreach (var openId in openIds)
        {
            foreach (var hash in redis.Database.SetMembers(RedisSessionStore.AccountKey(openId)))
            {
                redis.Database.StringSet(SessionKey(hash.ToString()), NewToken(), SessionLifetime);
            }
        }
    }

    private async Task<string> StartAsync(string key, TimeSpan lifetime)
    {
        var token = NewToken();
        return await redis.Database.StringSetAsync(key, token, lifetime, When.NotExists)
            ? token
            : (await redis.Database.StringGetAsync(key)).ToString();
    }

    private static string? Text(RedisValue value) => value.IsNullOrEmpty ? null : value.ToString();

    private static string SessionKey(string hash) => $"sb:notices:session:{hash}";

    private static string NewToken() => Guid.NewGuid().ToString("N");
}

/// <summary>
/// The embedded demo's single process: both generations are fields, and a change of any account's own state
/// starts a new generation for every session (one process, few members).
/// </summary>
internal sealed class InMemoryFeedGeneration(IAccessGeneration access) : IFeedGeneration
{
    private string _notices = Guid.NewGuid().ToString("N");
    private string _sessions = Guid.NewGuid().ToString("N");

    public async Task<RequestGenerations> ReadAsync(string sessionToken, CancellationToken cancellationToken) =>
        new(await access.CurrentAsync(cancellationToken), Volatile.Read(ref _notices), Volatile.Read(ref _sessions));

    public ValueTask<RequestGenerations> CompleteAsync(RequestGenerations read, string sessionToken, CancellationToken cancellationToken) =>
        ValueTask.FromResult(read);

    public Task NoticesChangedAsync(CancellationToken cancellationToken)
    {
        NoticesChanged();
        return Task.CompletedTask;
    }

    public void NoticesChanged() => Volatile.Write(ref _notices, Guid.NewGuid().ToString("N"));

    public Task AccountsChangedAsync(IReadOnlyCollection<string> openIds, CancellationToken cancellationToken)
    {
        AccountsChanged(openIds);
        return Task.CompletedTask;
    }

    public void AccountsChanged(IReadOnlyCollection<string> openIds) => Volatile.Write(ref _sessions, Guid.NewGuid().ToString("N"));
}
