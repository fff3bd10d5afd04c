using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using SmartBranch.Infrastructure.Redis;
using StackExchange.Redis;

namespace SmartBranch.Api.Features.Org;

/// <summary>Section "Binding".</summary>
public sealed class BindingOptions
{
    public const string SectionName = "Binding";

    /// <summary>Failed binding attempts a WeChat account may make within <see cref="FailureWindow"/>.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long failures are remembered (counted from the first one).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Counts failed binding attempts per WeChat account, so nobody can walk the roster by trying names and
/// numbers. Counters live in Redis (shared by every instance, expiring on their own); without Redis
/// (the demo) in this process.
/// </summary>
public sealed class BindFailureLimiter(RedisConnection? redis, TimeProvider time, IOptions<BindingOptions> options)
{
    // INCR and set the expiry on the first failure in one step, so a counter never lives forever.
    private const string IncrementScript = "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset ResetAt)> _local = new();

    private BindingOptions Options => options.Value;

    /// <summary>
    /// Why the caller may not try to bind now, as both ways of binding answer it: 409 when their WeChat account is
    /// already bound, 429 with Retry-After after too many failures; null when they may try.
    /// </summary>
    public async Task<ProblemHttpResult?> RefuseAttemptAsync(CurrentMember current, HttpContext http)
    {
        if (current.IsBound)
        {
            return Problems.Conflict("已绑定", "您的微信已绑定党员信息，无需重复绑定。");
        }

        return await BlockedForAsync(current.OpenId) is { } wait
            ? Problems.TooManyRequests(http, "绑定失败次数过多，请稍后再试。", (int)Math.Ceiling(wait.TotalSeconds))
            : null;
    }

    /// <summary>How long the account must wait before trying again; null when it may try now.</summary>
    public async Task<TimeSpan?> BlockedForAsync(string openId)
    {
        if (redis is not null)
        {
            var count = await redis.Database.StringGetAsync(Key(openId));
            if (!count.TryParse(out int failures) || failures < Options.MaxFailures)
            {
                return null;
            }

            return await redis.Database.KeyTimeToLiveAsync(Key(openId)) ?? Options.FailureWindow;
        }

        var now = time.GetUtcNow();
        return _local.TryGetValue(openId, out var entry) && entry.ResetAt > now && entry.Count >= Options.MaxFailures
            ? entry.ResetAt - now
            : null;
    }

    public async Task RecordFailureAsync(string openId)
    {
        if (redis is not null)
        {
            await redis.Database.ScriptEvaluateAsync(IncrementScript, [Key(openId)], [(long)Options.FailureWindow.TotalMilliseconds]);
            return;
        }

        var now = time.GetUtcNow();
        _local.AddOrUpdate(
            openId,
            _ => (1, now + Options.FailureWindow),
            (_, entry) => entry.ResetAt > now ? (entry.Count + 1, entry.ResetAt) : (1, now + Options.FailureWindow));
    }

    private static RedisKey Key(string openId) => $"sb:org:bind-failures:{openId}";
}

/// <summary>The gate both binding routes put after their validation.</summary>
internal static class BindAttemptGate
{
    /// <summary>Answers <see cref="BindFailureLimiter.RefuseAttemptAsync"/>'s refusal (409 already bound, 429 too many failures) before the handler runs.</summary>
    public static RouteHandlerBuilder RefusingBlockedAttempts(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limiter = http.RequestServices.GetRequiredService<BindFailureLimiter>();
            var current = http.RequestServices.GetRequiredService<CurrentMember>();
            return await limiter.RefuseAttemptAsync(current, http) is { } refusal ? refusal : await next(context);
        });
}
