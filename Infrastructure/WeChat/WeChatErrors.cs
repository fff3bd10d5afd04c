using System.Collections.Frozen;

namespace SmartBranch.Infrastructure.WeChat;

/// <summary>What a WeChat errcode means for the caller (see ERRORS.md beside this file).</summary>
public enum WeChatErrorKind
{
    /// <summary>WeChat could not answer now; the same call can succeed later. Busy answers are retried at once, then 503 (or 429) with Retry-After.</summary>
    Transient,

    /// <summary>The mini-program or its user must do something different (e.g. call wx.login again); never retried; 4xx with what to do.</summary>
    Client,

    /// <summary>Our configuration or our request is wrong: only an operator or a developer can fix it. Never retried; logged as an error; 502.</summary>
    Configuration,
}

/// <summary>One row of the error table.</summary>
/// <param name="Code">WeChat's errcode (−2 is ours: WeChat could not be reached).</param>
/// <param name="Kind">Who can make the call succeed: nobody right now (transient), the caller, or an operator.</param>
/// <param name="Meaning">English, for logs and ERRORS.md.</param>
/// <param name="Detail">Simplified Chinese, what the mini-program shows: for client errors, what to do.</param>
/// <param name="HttpStatus">Status the API answers when this error ends a request.</param>
/// <param name="RetryAfterSeconds">Retry-After sent with a transient answer.</param>
/// <param name="RetryAtOnce">Retried in-process with the busy back-off (WeChatOptions.BusyRetries).</param>
/// <param name="RefreshesToken">The access token is dropped, fetched again and the call repeated once; if it persists it is configuration.</param>
/// <param name="Title">Simplified Chinese title for the caller; null takes the status's default title.</param>
/// <param name="Action">What the mini-program must do before trying again, for its code to act on: <c>wx.login</c> = get a new login code.</param>
public sealed record WeChatError(
    int Code,
    WeChatErrorKind Kind,
    string Meaning,
    string Detail,
    int HttpStatus,
    int RetryAfterSeconds = 0,
    bool RetryAtOnce = false,
    bool RefreshesToken = false,
    string? Title = null,
    string? Action = null);

/// <summary>
/// The one table of every WeChat errcode the application can receive from code2Session, stable_token,
/// getwxacodeunlimit, subscribeMessage.send, msg_sec_check, media_check_async and getuserphonenumber
/// (README.md §1–§10). The WeChat client decides retries from it and the API turns it into ProblemDetails.
/// A code missing from the table is treated as configuration and logged so it can be added.
/// </summary>
public static class WeChatErrors
{
    private const string Busy = "微信服务暂时繁忙，请稍后再试。";
    private const string Misconfigured = "小程序服务配置有误，暂时无法完成此操作，请联系管理员。";
    /// <summary><see cref="WeChatError.Action"/> of a login code WeChat will not take: call wx.login for a new one.</summary>
    public const string NewLoginCode = "wx.login";

    private static WeChatError Transient(int code, string meaning, int retryAfter, bool retryAtOnce, int status = 503, string detail = Busy) =>
        new(code, WeChatErrorKind.Transient, meaning, detail, status, retryAfter, retryAtOnce);

    private static WeChatError Client(int code, string meaning, string detail, int status = 400, string? title = null, string? action = null) =>
        new(code, WeChatErrorKind.Client, meaning, detail, status, Title: title, Action: action);

    private static WeChatError Configuration(int code, string meaning, bool refreshesToken = false) =>
        new(code, WeChatErrorKind.Configuration, meaning, Misconfigured, 502, RefreshesToken: refreshesToken);

    /// <summary>Every classified errcode, in ERRORS.md order.</summary>
    public static readonly IReadOnlyList<WeChatError> All =
    [
        // Transient: the same call can succeed later.
        Transient(WeChatErrorCodes.Busy, "system busy", 5, retryAtOnce: true),
        Transient(WeChatErrorCodes.Unreachable, "WeChat not reachable: network failure, timeout or an HTTP error status (our pseudo-code)", 5, retryAtOnce: true),
        Transient(WeChatErrorCodes.DailyQuotaReached, "API quota reached (daily; per minute for getwxacodeunlimit)", 60, retryAtOnce: false),
        Transient(WeChatErrorCodes.MinuteQuotaReached, "per-minute frequency limit (code2Session: 100 per user per minute)", 60, retryAtOnce: false, status: 429, detail: "操作过于频繁，请一分钟后再试。"),

        // Client: the mini-program or its user must act.
        // Reopening the mini-program is what a member can do; it calls wx.login, which the action names for the client code.
        Client(WeChatErrorCodes.InvalidCode, "code invalid: expired, already used, or issued for another appid", "登录凭证已过期或已被使用，请重新打开小程序登录。", title: "登录凭证无效", action: NewLoginCode),
        Client(WeChatErrorCodes.CodeUsed, "code already used", "登录凭证已过期或已被使用，请重新打开小程序登录。", title: "登录凭证无效", action: NewLoginCode),
        Client(WeChatErrorCodes.HighRiskUser, "login blocked: WeChat rates the user high-risk", "微信判定该账号存在风险，暂时无法登录。", 403),
        Client(WeChatErrorCodes.SubscriptionRefused, "user never subscribed, unsubscribed, or used up the one-time quota", "您尚未订阅此消息或订阅次数已用完，请在小程序中重新订阅。", 409),
        Client(WeChatErrorCodes.UserVisitTimedOut, "content check: the author has not opened the mini-program within 2 hours", "请先在微信中打开小程序，再提交内容。", 409),

        // Configuration: only an operator or a developer can fix it.
        Configuration(WeChatErrorCodes.InvalidCredential, "access token invalid or not latest; on stable_token: wrong AppSecret", refreshesToken: true),
        Configuration(WeChatErrorCodes.InvalidAccessToken, "access token invalid", refreshesToken: true),
        Configuration(WeChatErrorCodes.AccessTokenExpired, "access token expired", refreshesToken: true),
        Configuration(40002, "grant_type invalid"),
        Configuration(WeChatErrorCodes.InvalidOpenId, "openid empty or not of this appid"),
        Configuration(40013, "AppID invalid (WeChat:AppId)"),
        Configuration(WeChatErrorCodes.InvalidTemplateId, "template_id empty or invalid (Reminders:Templates)"),
        Configuration(40097, "invalid arguments"),
        Configuration(40125, "AppSecret invalid (WeChat:AppSecret)"),
        Configuration(WeChatErrorCodes.InvalidScene, "scene invalid (illegal characters; msg_sec_check: scene out of range)"),
        Configuration(40164, "server IP not in the API IP whitelist of the mini-program console"),
        Configuration(WeChatErrorCodes.InvalidSceneLength, "scene empty or longer than 32, or the body is not JSON"),
        Configuration(40243, "AppSecret frozen in the mini-program console"),
        Configuration(41002, "appid missing"),
        Configuration(41004, "secret missing"),
        Configuration(41008, "code missing"),
        Configuration(WeChatErrorCodes.PageNotFound, "page not in the released mini-program (publish it, or set WeChat:MiniProgramState to trial/developer)"),
        Configuration(43104, "appid and openid do not match"),
        Configuration(43302, "the API must be called with POST"),
        Configuration(44002, "empty post data"),
        Configuration(45109, "API withdrawn by WeChat"),
        Configuration(47001, "body is not the JSON WeChat expects"),
        Configuration(WeChatErrorCodes.InvalidTemplateData, "template data invalid (errmsg names the field)"),
        Configuration(48001, "API not authorised for this mini-program (capability not enabled)"),
        Configuration(61004, "server IP not allowed"),
        Configuration(89503, "call from this IP needs an administrator's confirmation (risk control)"),
    ];

    private static readonly FrozenDictionary<int, WeChatError> ByCode = All.ToFrozenDictionary(e => e.Code);

    /// <summary>The row for <paramref name="code"/>; an unknown code is configuration (logged, never retried).</summary>
    public static WeChatError Of(int code) =>
        ByCode.TryGetValue(code, out var error) ? error : Configuration(code, "errcode not in the table: look it up and classify it in WeChatErrors");

    /// <summary>True when the table has a row for <paramref name="code"/>.</summary>
    public static bool IsKnown(int code) => ByCode.ContainsKey(code);
}
