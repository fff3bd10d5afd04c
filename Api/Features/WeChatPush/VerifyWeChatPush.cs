using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Features.WeChatPush;

/// <summary>
/// GET of the message-push endpoint (Infrastructure/WeChat/README.md §9): WeChat's URL verification echoes <c>echostr</c>
/// when the signature over the configured token is right; 401 otherwise.
/// </summary>
public static class VerifyWeChatPush
{
    public static IResult Handle(string? signature, string? timestamp, string? nonce, string? echostr, IOptions<WeChatOptions> options) =>
        WeChatMessagePush.IsValid(options.Value.PushToken, signature, timestamp, nonce) && echostr is not null
            ? Results.Text(echostr, "text/plain")
            : SignatureRefused();

    /// <summary>The answer to a push whose signature does not match: 401, nothing changed.</summary>
    internal static IResult SignatureRefused() =>
        TypedResults.Problem("消息推送签名校验失败。", statusCode: StatusCodes.Status401Unauthorized, title: "签名无效");
}
