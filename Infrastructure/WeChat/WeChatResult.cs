namespace SmartBranch.Infrastructure.WeChat;

/// <summary>Names for WeChat error codes the application reacts to; what each means for the caller is in <see cref="WeChatErrors"/>.</summary>
public static class WeChatErrorCodes
{
    public const int Ok = 0;
    public const int Busy = -1;
    public const int InvalidCredential = 40001;
    public const int InvalidOpenId = 40003;
    public const int InvalidAccessToken = 40014;
    public const int InvalidCode = 40029;
    public const int InvalidTemplateId = 40037;
    public const int CodeUsed = 40163;
    public const int InvalidScene = 40129;
    public const int InvalidSceneLength = 40169;
    public const int HighRiskUser = 40226;
    public const int PageNotFound = 41030;
    public const int AccessTokenExpired = 42001;
    public const int SubscriptionRefused = 43101;
    public const int DailyQuotaReached = 45009;
    public const int MinuteQuotaReached = 45011;
    public const int InvalidTemplateData = 47003;
    public const int UserVisitTimedOut = 61010;

    /// <summary>Codes that mean "drop the cached access token, fetch it again and retry once".</summary>
    public static bool IsTokenProblem(int code) => WeChatErrors.Of(code).RefreshesToken;

    /// <summary>Pseudo-code for "WeChat could not be reached" (network failure or an HTTP error status).</summary>
    public const int Unreachable = -2;
}

/// <summary>The answer of one WeChat call: a value, or the errcode and errmsg WeChat gave.</summary>
public sealed record WeChatResult<T>(T? Value, int ErrCode, string? ErrMsg)
{
    public bool Succeeded => ErrCode == WeChatErrorCodes.Ok;

    public static WeChatResult<T> Ok(T value) => new(value, WeChatErrorCodes.Ok, null);

    public static WeChatResult<T> Fail(int errCode, string? errMsg) => new(default, errCode, errMsg);

    /// <summary>The error table's row for this result's errcode (meaningless when it succeeded).</summary>
    public WeChatError Error => WeChatErrors.Of(ErrCode);

    public WeChatResult<TOther> CastError<TOther>() => WeChatResult<TOther>.Fail(ErrCode, ErrMsg);
}
