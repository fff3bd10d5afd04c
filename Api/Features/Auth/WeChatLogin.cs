using SmartBranch.Api.Common.Telemetry;
using SmartBranch.Api.Features.Me;
using SmartBranch.Infrastructure.Sessions;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Features.Auth;

public static class WeChatLogin
{
    /// <summary>The code from wx.login().</summary>
    public sealed record Request(string Code);

    /// <summary>A session token (send it as <c>Authorization: Bearer …</c>) and who signed in.</summary>
    public sealed record Response(string Token, DateTimeOffset ExpiresAt, bool NeedsBinding, MemberProfile? Member);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(128);
    }

    /// <summary>
    /// Exchanges the code at WeChat (auth.code2Session) and opens a session. Errors follow
    /// Infrastructure/WeChat/ERRORS.md: 400 when the code is invalid, expired or already used (call wx.login
    /// again; never retried), 403 for an account WeChat rates high-risk, 429 when one code, one account or one
    /// address is abusing the login, 502 when our WeChat configuration is wrong, 503 with Retry-After only when
    /// WeChat (or Redis) is temporarily unavailable.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request,
        WeChatClient weChat,
        ISessionStore sessions,
        AccessCache cache,
        AppMetrics metrics,
        LoginAbuseLimiter limiter,
        AppDbContext db,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var address = RateLimits.ClientAddress(http);
        if (!limiter.MayTry(request.Code, address))
        {
            return Problems.TooManyRequests(http, "登录尝试过于频繁，请重新打开小程序后再试。", 60);
        }

        var login = await weChat.Code2SessionAsync(request.Code, cancellationToken);
        if (!login.Succeeded)
        {
            metrics.Login(login.ErrCode switch
            {
                WeChatErrorCodes.InvalidCode => "invalid_code",
                WeChatErrorCodes.HighRiskUser => "risky_user",
                WeChatErrorCodes.MinuteQuotaReached => "rate_limited",
                _ => "unavailable",
            });
            if (login.Error.Kind == WeChatErrorKind.Client)
            {
                limiter.RecordFailure(address);
            }

            // A used, invalid or expired code is the mini-program's to replace (400, never retried); only a busy WeChat is 503.
            return WeChatProblems.For(http, login.Error, "微信登录服务暂时繁忙，请稍后再试。");
        }

        var openId = login.Value!.OpenId;
        if (!limiter.MaySignIn(openId))
        {
            return Problems.TooManyRequests(http, "该微信账号登录过于频繁，请一分钟后再试。", 60);
        }

        // The access generation and the session write leave together: one Redis round trip, not two.
        var now = time.GetUtcNow();
        var generation = cache.GenerationAsync(cancellationToken);
        var created = sessions.CreateAsync(new SessionData(openId, now), cancellationToken);
        await Task.WhenAll(generation, created);
        var session = await created;
        var profile = await MemberProfiles.LoadAsync(cache, db, openId, await generation, now, cancellationToken);
        metrics.Login(profile is null ? "unbound" : "member");
        return TypedResults.Ok(new Response(session.Token, session.ExpiresAt, profile is null, profile));
    }
}
