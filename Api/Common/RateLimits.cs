using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SmartBranch.Api.Common;

/// <summary>Section "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>
    /// WeChat logins allowed per client address per minute: a ceiling, high because a campus network puts
    /// hundreds of students behind one address. Abuse is limited by the three settings below.
    /// </summary>
    [Range(1, 10_000_000)]
    public int LoginPermitsPerMinute { get; set; } = 600;

    /// <summary>
    /// Tries of one wx.login code within five minutes (WeChat accepts it once; a double tap sends it twice).
    /// Development raises this and the next limit: the emulator's <c>dev-&lt;name&gt;</c> codes are reusable and the
    /// develop build of the mini-program signs in with the same one every time.
    /// </summary>
    [Range(1, 10_000_000)]
    public int LoginAttemptsPerCode { get; set; } = 3;

    /// <summary>Sign-ins of one WeChat account (openid) per minute.</summary>
    [Range(1, 10_000_000)]
    public int LoginsPerAccountPerMinute { get; set; } = 10;

    /// <summary>Codes WeChat refused (invalid, used, expired) from one address per minute before that address gets 429.</summary>
    [Range(1, 100_000)]
    public int LoginFailuresPerAddressPerMinute { get; set; } = 30;

    /// <summary>Requests to the anonymous endpoints (share opens, the big screen) per client address per minute.</summary>
    [Range(1, 100_000)]
    public int AnonymousPermitsPerMinute { get; set; } = 120;
}

/// <summary>Named rate-limit policies; limits are per client address.</summary>
public static class RateLimits
{
    public const string Login = "login";

    /// <summary>Endpoints anyone may call without signing in.</summary>
    public const string Anonymous = "anonymous";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                var problem = Problems.TooManyRequests(context.HttpContext, "操作过于频繁，请稍后再试。", retryAfter);
                await problem.ExecuteAsync(context.HttpContext);
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, limits) =>
        {
            options.AddPolicy(Login, new PerAddressPolicy(limits.Value.LoginPermitsPerMinute));
            options.AddPolicy(Anonymous, new PerAddressPolicy(limits.Value.AnonymousPermitsPerMinute));
        });
        return services;
    }

    /// <summary>
    /// A partitioner that gives each key its own fixed window of <paramref name="permits"/> per <paramref name="window"/>,
    /// no queue. The same as <see cref="RateLimitPartition.GetFixedWindowLimiter{TKey}"/> (replenished by the partitioned
    /// limiter's own timer, not one timer per key) without its two delegates per lookup: one options object and one
    /// factory serve every key.
    /// </summary>
    public static Func<string, RateLimitPartition<string>> FixedWindowPartitions(int permits, TimeSpan window)
    {
        var options = new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = false,
        };
        Func<string, RateLimiter> create = _ => new FixedWindowRateLimiter(options);
        return key => RateLimitPartition.Get(key, create);
    }

    /// <summary>A per-address ceiling, built once (options and partition factory) rather than on every request.</summary>
    private sealed class PerAddressPolicy(int permitsPerMinute) : IRateLimiterPolicy<string>
    {
        private readonly Func<string, RateLimitPartition<string>> _partition = FixedWindowPartitions(permitsPerMinute, TimeSpan.FromMinutes(1));

        // Null: the limiter's OnRejected above answers.
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) => _partition(ClientAddress(httpContext));
    }

    /// <summary>The caller's address (after forwarded headers are applied).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
