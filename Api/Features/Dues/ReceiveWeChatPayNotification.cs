using SmartBranch.Infrastructure.WeChatPay;

namespace SmartBranch.Api.Features.Dues;

public static class ReceiveWeChatPayNotification
{
    /// <summary>The answer WeChat Pay reads on failure: <c>{"code": "FAIL", "message": …}</c>.</summary>
    public sealed record Failure(string Code, string Message);

    /// <summary>
    /// WeChat Pay's notification (TRANSACTION.SUCCESS, REFUND.*). The raw body's signature is verified with
    /// the platform key (Wechatpay-Serial must name it, Wechatpay-Timestamp within five minutes) and the
    /// resource decrypted with the APIv3 key before anything is read; a refused notification changes nothing,
    /// is logged, and is answered 401 (WeChat Pay would retry a real one). Repeats answer 204 and change nothing.
    /// </summary>
    public static async Task<Results<NoContent, JsonHttpResult<Failure>>> Handle(
        HttpRequest request,
        WeChatPayNotifications notifications,
        DuesSettlement settlement,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ReceiveWeChatPayNotification));
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        string? Header(string name) => request.Headers[name].FirstOrDefault();
        var check = notifications.Check(
            new WeChatPaySignatureHeaders(
                Header(WeChatPaySignatureHeaders.TimestampHeader),
                Header(WeChatPaySignatureHeaders.NonceHeader),
                Header(WeChatPaySignatureHeaders.SignatureHeader),
                Header(WeChatPaySignatureHeaders.SerialHeader)),
            body);
        if (check.Notification is not { } notification)
        {
            logger.LogWarning("Refused a WeChat Pay notification from {Address}: {Refusal}", RateLimits.ClientAddress(request.HttpContext), check.Refusal);
            return TypedResults.Json(new Failure("FAIL", "验签失败"), statusCode: StatusCodes.Status401Unauthorized);
        }

        if (notification.EventType.StartsWith("TRANSACTION.", StringComparison.Ordinal) && WeChatPayTransaction.FromJson(notification.Resource) is { } transaction)
        {
            await settlement.ApplyAsync(transaction, "notification", cancellationToken);
        }
        else if (notification.EventType.StartsWith("REFUND.", StringComparison.Ordinal) && WeChatPayRefund.FromJson(notification.Resource) is { } refund)
        {
            await settlement.ApplyRefundAsync(refund, cancellationToken);
        }
        else
        {
            logger.LogWarning("WeChat Pay notification {Id} of type {EventType} not understood; acknowledged and ignored", notification.Id, notification.EventType);
        }

        return TypedResults.NoContent();
    }
}
