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

        var session = await sessions.CreateAsync(new SessionData(openId, time.GetUtcNow()), cancellationToken);
        var memberId = await db.Members.Where(m => m.OpenId == openId).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        var profile = memberId is int id ? await MemberProfiles.LoadAsync(db, id, time.GetUtcNow(), cancellationToken) : null;
        return TypedResults.Ok(new Response(session.Token, session.ExpiresAt, profile is null, profile));
    }
}
