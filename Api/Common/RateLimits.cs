using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace SmartBranch.Api.Common;

/// <summary>Section "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>
    /// WeChat logins allowed per client address per minute: a ceiling, high because a campus network puts
    /// hundreds of students behind one address. Abuse is limited by the three settings below.
    /// </summary>
    [Range(1, 100_000)]
    public int LoginPermitsPerMinute { get; set; } = 600;

    /// <summary>
    /// Tries of one wx.login code within five minutes (WeChat accepts it once; a double tap sends it twice).
    /// Development raises this and the next limit: the emulator's <c>dev-&lt;name&gt;</c> codes are reusable and the
    /// develop build of the mini-program signs in with the same one every time.
    /// </summary>
    [Range(1, 100_000)]
    public int LoginAttemptsPerCode { get; set; } = 3;

    /// <summary>Sign-ins of one WeChat account (openid) per minute.</summary>
    [Range(1, 100_000)]
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
            options.AddPolicy(Login, context => PerAddress(context, o => o.LoginPermitsPerMinute));
            options.AddPolicy(Anonymous, context => PerAddress(context, o => o.AnonymousPermitsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, Func<RateLimitingOptions, int> permits)
    {
        var limit = permits(context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>The caller's address (after forwarded headers are applied).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
