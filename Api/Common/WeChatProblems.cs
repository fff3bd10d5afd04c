using System.Globalization;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Common;

/// <summary>
/// The one mapping of a WeChat error (a row of <see cref="WeChatErrors"/>) to what the caller sees:
/// client errors 4xx with what to do, configuration errors 502 (only an operator can fix them, so no
/// Retry-After), transient errors 503 or 429 with Retry-After. The body carries WeChat's <c>errcode</c>, and for a
/// client error that needs a new login code <c>"action": "wx.login"</c>.
/// </summary>
public static class WeChatProblems
{
    public static ProblemHttpResult For(HttpContext context, WeChatError error, string? transientDetail = null)
    {
        var extensions = new Dictionary<string, object?> { ["errcode"] = error.Code };
        if (error.Action is not null)
        {
            extensions["action"] = error.Action;
        }

        switch (error.Kind)
        {
            case WeChatErrorKind.Transient:
                context.Response.Headers.RetryAfter = error.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    error.HttpStatus == StatusCodes.Status429TooManyRequests ? error.Detail : transientDetail ?? error.Detail,
                    statusCode: error.HttpStatus,
                    title: Problems.Titles[error.HttpStatus],
                    extensions: extensions);
            case WeChatErrorKind.Client:
                return TypedResults.Problem(error.Detail, statusCode: error.HttpStatus, title: error.Title ?? Problems.Titles.GetValueOrDefault(error.HttpStatus, "请求有误"), extensions: extensions);
            default:
                return TypedResults.Problem(
                    $"{error.Detail}（微信错误码 {error.Code.ToString(CultureInfo.InvariantCulture)}）",
                    statusCode: error.HttpStatus,
                    title: "微信接口配置有误",
                    extensions: extensions);
        }
    }
}
