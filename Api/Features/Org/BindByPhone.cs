using SmartBranch.Api.Common.Privacy;
using SmartBranch.Api.Features.Me;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Features.Org;

public static class BindByPhone
{
    /// <summary>The code of the mini-program's getPhoneNumber button (<c>e.detail.code</c>, not the wx.login code).</summary>
    public sealed record Request(string Code);

    public sealed record Response(MemberProfile Member);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Code).NotEmpty().WithMessage("缺少手机号授权凭证，请重新点击按钮。").MaximumLength(128);
    }

    private const string NoMatch = "未能通过手机号匹配到唯一的、尚未绑定的党员信息，请使用支部邀请码绑定。";

    /// <summary>
    /// Binds the signed-in account to the one roster entry whose phone equals the number WeChat verified
    /// (getuserphonenumber, Infrastructure/WeChat/README.md §6a). Only mainland numbers (countryCode 86) can match the roster.
    /// 200 with the member; 400 when the code is invalid (tap again) or no single unbound active entry has that
    /// number (fall back to the invitation; failures count against the account like invitation binding);
    /// 409 when already bound; 429 after too many failures; 503 when WeChat is unavailable.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request,
        AccessCache cache,
        WeChatClient weChat,
        PhoneNumbers phones,
        BindFailureLimiter limiter,
        HttpContext http,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var openId = current.OpenId;

        var answer = await weChat.GetUserPhoneNumberAsync(request.Code.Trim(), cancellationToken);
        if (!answer.Succeeded)
        {
            // The phone button's code, not wx.login's: the general advice of the error table does not fit 40029 here.
            return answer.ErrCode == WeChatErrorCodes.InvalidCode
                ? Problems.BadRequest("授权已失效", "手机号授权已过期或已被使用，请重新点击按钮。")
                : WeChatProblems.For(http, answer.Error, "微信服务暂时繁忙，请稍后再试，或使用支部邀请码绑定。");
        }

        var info = answer.Value!;
        var pure = PhoneNumbers.Normalize(info.PurePhoneNumber);
        if (info.CountryCode != "86" || !PhoneNumbers.IsValid(pure))
        {
            await limiter.RecordFailureAsync(openId);
            return Problems.BadRequest("绑定失败", NoMatch);
        }

        // Phones are encrypted with a random IV, so they cannot be looked up: reveal the unbound, active entries that have one.
        var candidates = await db.Members.Where(m => m.OpenId == null && m.ArchivedOn == null && m.Phone != null).ToListAsync(cancellationToken);
        var matches = candidates.Where(m => phones.Reveal(m.Phone) == pure).Take(2).ToList();
        if (matches.Count != 1)
        {
            await limiter.RecordFailureAsync(openId);
            return Problems.BadRequest("绑定失败", NoMatch);
        }

        var member = matches[0];
        var now = time.GetUtcNow();
        var (profile, error) = await RosterBinding.BindAsync(
            db, cache, member, openId, "通过微信验证的手机号绑定微信", "该党员信息刚刚已被绑定，请刷新后重试。", now, cancellationToken);
        return profile is null ? Problems.From(error!) : TypedResults.Ok(new Response(profile));
    }
}
