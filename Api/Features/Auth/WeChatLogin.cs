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

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request,
        WeChatClient weChat,
        ISessionStore sessions,
        AccessCache cache,
        AppMetrics metrics,
        AppDbContext db,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
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
            return login.ErrCode switch
            {
                WeChatErrorCodes.InvalidCode => Problems.BadRequest("登录凭证无效", "登录凭证已过期或已被使用，请重新打开小程序登录。"),
                WeChatErrorCodes.HighRiskUser => Problems.Forbidden("微信判定该账号存在风险，暂时无法登录。"),
                WeChatErrorCodes.MinuteQuotaReached => Problems.TooManyRequests(http, "登录过于频繁，请一分钟后再试。", 60),
                _ => Problems.Unavailable(http, "微信登录服务暂时繁忙，请稍后再试。", 5),
            };
        }

        var openId = login.Value!.OpenId;
        var session = await sessions.CreateAsync(new SessionData(openId, time.GetUtcNow()), cancellationToken);
        var profile = await MemberProfiles.LoadAsync(cache, db, openId, time.GetUtcNow(), cancellationToken);
        metrics.Login(profile is null ? "unbound" : "member");
        return TypedResults.Ok(new Response(session.Token, session.ExpiresAt, profile is null, profile));
    }
}
