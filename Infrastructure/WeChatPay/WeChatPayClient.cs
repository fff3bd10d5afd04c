using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Infrastructure.WeChatPay;

/// <summary>An error answer of WeChat Pay (<c>{"code", "message"}</c> with HTTP 4xx/5xx), or a transport/signature failure (status 0).</summary>
public sealed record WeChatPayError(int Status, string Code, string Message)
{
    /// <summary>Worth retrying later: WeChat Pay busy or unreachable.</summary>
    public bool IsTransient => Status is 0 or >= 500 || Code is "SYSTEM_ERROR" or "FREQUENCY_LIMITED";
}

/// <summary>A value or the error WeChat Pay answered.</summary>
public sealed record WeChatPayResult<T>(T? Value, WeChatPayError? Error)
{
    public bool Succeeded => Error is null;

    public static implicit operator WeChatPayResult<T>(WeChatPayError error) => new(default, error);
}

/// <summary>A JSAPI order: amount in fen, payer's openid, the order expires at <see cref="ExpiresAt"/>.</summary>
public sealed record JsapiOrder(string OutTradeNo, string Description, long AmountFen, string PayerOpenId, DateTimeOffset ExpiresAt, string? Attach = null);

/// <summary>What WeChat Pay knows of an order (query answer, or a TRANSACTION.* notification's resource). Amounts in fen.</summary>
public sealed record WeChatPayTransaction(
    string AppId,
    string MchId,
    string OutTradeNo,
    string? TransactionId,
    string TradeState,
    long? TotalFen,
    long? PayerTotalFen,
    string? PayerOpenId,
    DateTimeOffset? SuccessTime)
{
    public const string Success = "SUCCESS";
    public const string NotPay = "NOTPAY";
    public const string Closed = "CLOSED";
    public const string Refund = "REFUND";

    public static WeChatPayTransaction? FromJson(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || Str(e, "out_trade_no") is not { } outTradeNo || Str(e, "trade_state") is not { } state)
        {
            return null;
        }

        var amount = e.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        var payer = e.TryGetProperty("payer", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        return new WeChatPayTransaction(
            Str(e, "appid") ?? string.Empty,
            Str(e, "mchid") ?? string.Empty,
            outTradeNo,
            Str(e, "transaction_id"),
            state,
            Long(amount, "total"),
            Long(amount, "payer_total"),
            payer.ValueKind == JsonValueKind.Object ? Str(payer, "openid") : null,
            Str(e, "success_time") is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null);
    }

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static long? Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}

/// <summary>A refund's state (refund answer, or a REFUND.* notification's resource). Status: SUCCESS, CLOSED, PROCESSING, ABNORMAL.</summary>
public sealed record WeChatPayRefund(string OutTradeNo, string OutRefundNo, string? RefundId, string Status, long? RefundFen)
{
    public static WeChatPayRefund? FromJson(JsonElement e)
    {
        var status = WeChatPayTransaction.Str(e, "status") ?? WeChatPayTransaction.Str(e, "refund_status");
        if (WeChatPayTransaction.Str(e, "out_trade_no") is not { } outTradeNo || WeChatPayTransaction.Str(e, "out_refund_no") is not { } outRefundNo || status is null)
        {
            return null;
        }

        var amount = e.TryGetProperty("amount", out var a) ? a : default;
        return new WeChatPayRefund(outTradeNo, outRefundNo, WeChatPayTransaction.Str(e, "refund_id"), status, WeChatPayTransaction.Long(amount, "refund"));
    }
}

/// <summary>One line of a trade bill (交易账单). Amounts in fen.</summary>
public sealed record TradeBillRow(DateTimeOffset TradeTime, string TransactionId, string OutTradeNo, string OpenId, string TradeState, long TotalFen, string? OutRefundNo, long RefundFen);

/// <summary>
/// Typed client of WeChat Pay API v3 (api.mch.weixin.qq.com, or the emulator): every request is signed with
/// the merchant key, every JSON answer's signature is verified with the platform key before it is read.
/// Reference: Infrastructure/WeChatPay/README.md.
/// </summary>
public sealed class WeChatPayClient(
    HttpClient http,
    IOptions<WeChatPayOptions> options,
    IOptions<WeChatOptions> weChat,
    WeChatPayKeys keys,
    TimeProvider time,
    ILogger<WeChatPayClient> logger)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private WeChatPayOptions Options => options.Value;

    private string AppId => weChat.Value.AppId ?? string.Empty;

    /// <summary>The parameters the mini-program passes to wx.requestPayment for <paramref name="prepayId"/>.</summary>
    public RequestPaymentParameters RequestPayment(string prepayId) =>
        WeChatPayCrypto.RequestPayment(AppId, prepayId, keys.Merchant, time.GetUtcNow().ToUnixTimeSeconds(), WeChatPayCrypto.Nonce());

    /// <summary>POST /v3/pay/transactions/jsapi → prepay_id.</summary>
    public async Task<WeChatPayResult<string>> CreateJsapiOrderAsync(JsapiOrder order, CancellationToken cancellationToken)
    {
        var body = new
        {
            appid = AppId,
            mchid = Options.MchId,
            description = order.Description.Length > 127 ? order.Description[..127] : order.Description,
            out_trade_no = order.OutTradeNo,
            time_expire = order.ExpiresAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            attach = order.Attach,
            notify_url = Options.NotifyUrl,
            amount = new { total = order.AmountFen, currency = "CNY" },
            payer = new { openid = order.PayerOpenId },
        };
        var result = await SendAsync(HttpMethod.Post, "/v3/pay/transactions/jsapi", body, cancellationToken);
        return result.Error is { } error ? error
            : WeChatPayTransaction.Str(result.Value, "prepay_id") is { } prepayId ? new WeChatPayResult<string>(prepayId, null)
            : new WeChatPayError(0, "BAD_ANSWER", "no prepay_id in the answer");
    }

    /// <summary>GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=… → the order's state.</summary>
    public async Task<WeChatPayResult<WeChatPayTransaction>> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var path = $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(Options.MchId ?? string.Empty)}";
        var result = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return result.Error is { } error ? error
            : WeChatPayTransaction.FromJson(result.Value) is { } transaction ? new WeChatPayResult<WeChatPayTransaction>(transaction, null)
            : new WeChatPayError(0, "BAD_ANSWER", "the query answer is not a transaction");
    }

    /// <summary>POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close → 204.</summary>
    public async Task<WeChatPayResult<bool>> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close", new { mchid = Options.MchId }, cancellationToken);
        return result.Error is { } error ? error : new WeChatPayResult<bool>(true, null);
    }

    /// <summary>POST /v3/refund/domestic/refunds: refunds <paramref name="refundFen"/> of an order of <paramref name="totalFen"/>.</summary>
    public async Task<WeChatPayResult<WeChatPayRefund>> RefundAsync(string outTradeNo, string outRefundNo, string reason, long refundFen, long totalFen, CancellationToken cancellationToken)
    {
        var body = new
        {
            out_trade_no = outTradeNo,
            out_refund_no = outRefundNo,
            reason = reason.Length > 80 ? reason[..80] : reason,
            notify_url = Options.RefundNotifyUrl ?? Options.NotifyUrl,
            amount = new { refund = refundFen, total = totalFen, currency = "CNY" },
        };
        var result = await SendAsync(HttpMethod.Post, "/v3/refund/domestic/refunds", body, cancellationToken);
        return result.Error is { } error ? error
            : WeChatPayRefund.FromJson(result.Value) is { } refund ? new WeChatPayResult<WeChatPayRefund>(refund, null)
            : new WeChatPayError(0, "BAD_ANSWER", "the refund answer is not a refund");
    }

    /// <summary>
    /// GET /v3/bill/tradebill?bill_date=…&amp;bill_type=ALL, then the file at download_url (checked against its
    /// SHA1 hash_value), parsed: comma-separated, every value starting with a backtick, amounts in yuan.
    /// </summary>
    public async Task<WeChatPayResult<IReadOnlyList<TradeBillRow>>> GetTradeBillAsync(DateOnly billDate, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Get, $"/v3/bill/tradebill?bill_date={billDate:yyyy-MM-dd}&bill_type=ALL", null, cancellationToken);
        if (result.Error is { } error)
        {
            return error;
        }

        if (WeChatPayTransaction.Str(result.Value, "download_url") is not { } url || WeChatPayTransaction.Str(result.Value, "hash_value") is not { } hash)
        {
            return new WeChatPayError(0, "BAD_ANSWER", "no download_url in the trade bill answer");
        }

        var file = await SendRawAsync(HttpMethod.Get, new Uri(url).PathAndQuery, null, cancellationToken);
        if (file.Error is { } fileError)
        {
            return fileError;
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA1.HashData(file.Value!)), hash, StringComparison.OrdinalIgnoreCase))
        {
            return new WeChatPayError(0, "HASH_MISMATCH", "the downloaded trade bill does not match its hash_value");
        }

        return new WeChatPayResult<IReadOnlyList<TradeBillRow>>(TradeBill.Parse(Encoding.UTF8.GetString(file.Value!)), null);
    }

    private async Task<WeChatPayResult<JsonElement>> SendAsync(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken)
    {
        var raw = await SendRawAsync(method, pathAndQuery, body, cancellationToken, verify: true);
        if (raw.Error is { } error)
        {
            return error;
        }

        if (raw.Value!.Length == 0)
        {
            return new WeChatPayResult<JsonElement>(default, null);
        }

        try
        {
            return new WeChatPayResult<JsonElement>(JsonDocument.Parse(raw.Value).RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return new WeChatPayError(0, "BAD_ANSWER", "the answer is not JSON");
        }
    }

    private async Task<WeChatPayResult<byte[]>> SendRawAsync(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken, bool verify = false)
    {
        var json = body is null ? string.Empty : JsonSerializer.Serialize(body, Json);
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var authorization = WeChatPayCrypto.Authorization(Options.MchId!, Options.MerchantSerialNo!, keys.Merchant, method.Method, pathAndQuery, json, time.GetUtcNow().ToUnixTimeSeconds(), WeChatPayCrypto.Nonce());
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("SmartBranch", "1.0"));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "WeChat Pay {Method} {Path} unreachable", method.Method, PathOnly(pathAndQuery));
            return new WeChatPayError(0, "UNREACHABLE", ex.Message);
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var text = Encoding.UTF8.GetString(bytes);
            if (!response.IsSuccessStatusCode)
            {
                var (code, message) = ErrorOf(text);
                logger.LogWarning("WeChat Pay {Method} {Path} answered {Status} {Code}: {Message}", method.Method, PathOnly(pathAndQuery), (int)response.StatusCode, code, message);
                return new WeChatPayError((int)response.StatusCode, code, message);
            }

            if (verify && response.StatusCode != HttpStatusCode.NoContent)
            {
                var headers = new WeChatPaySignatureHeaders(
                    Header(response, WeChatPaySignatureHeaders.TimestampHeader),
                    Header(response, WeChatPaySignatureHeaders.NonceHeader),
                    Header(response, WeChatPaySignatureHeaders.SignatureHeader),
                    Header(response, WeChatPaySignatureHeaders.SerialHeader));
                if (headers.Refusal(Options, keys, time, text) is { } refusal)
                {
                    logger.LogError("WeChat Pay {Method} {Path}: the answer's signature is refused: {Refusal}", method.Method, PathOnly(pathAndQuery), refusal);
                    return new WeChatPayError(0, "BAD_SIGNATURE", refusal);
                }
            }

            return new WeChatPayResult<byte[]>(bytes, null);
        }
    }

    private static string PathOnly(string pathAndQuery) => pathAndQuery.Split('?')[0];

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static (string Code, string Message) ErrorOf(string text)
    {
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            return (WeChatPayTransaction.Str(root, "code") ?? "UNKNOWN", WeChatPayTransaction.Str(root, "message") ?? string.Empty);
        }
        catch (JsonException)
        {
            return ("UNKNOWN", text.Length > 200 ? text[..200] : text);
        }
    }
}

/// <summary>The trade bill's text format: a header line, one line per trade, then summary lines; values start with a backtick.</summary>
public static class TradeBill
{
    public static readonly string[] Columns =
    [
        "交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识", "交易类型", "交易状态",
        "付款银行", "货币种类", "应结订单金额", "代金券金额", "微信退款单号", "商户退款单号", "退款金额", "充值券退款金额", "退款类型", "退款状态",
        "商品名称", "商户数据包", "手续费", "费率", "订单金额", "申请退款金额", "费率备注",
    ];

    public static IReadOnlyList<TradeBillRow> Parse(string text)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return [];
        }

        var header = lines[0].Split(',').Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        int Col(string name) => header.IndexOf(name);
        var rows = new List<TradeBillRow>();
        foreach (var line in lines.Skip(1))
        {
            if (!line.StartsWith('`'))
            {
                break; // the summary block (总交易单数 …) follows the trades
            }

            var values = line.Split(',').Select(v => v.TrimStart('`')).ToList();
            string Value(string name) => Col(name) is var i && i >= 0 && i < values.Count ? values[i] : string.Empty;
            rows.Add(new TradeBillRow(
                new DateTimeOffset(DateTime.ParseExact(Value("交易时间"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8)),
                Value("微信订单号"),
                Value("商户订单号"),
                Value("用户标识"),
                Value("交易状态"),
                Fen(Value("应结订单金额")),
                string.IsNullOrEmpty(Value("商户退款单号")) ? null : Value("商户退款单号"),
                Fen(Value("退款金额"))));
        }

        return rows;
    }

    /// <summary>"0.60" yuan → 60 fen.</summary>
    public static long Fen(string yuan) =>
        decimal.TryParse(yuan, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? (long)decimal.Round(value * 100, MidpointRounding.AwayFromZero) : 0;

    /// <summary>60 fen → "0.60".</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
