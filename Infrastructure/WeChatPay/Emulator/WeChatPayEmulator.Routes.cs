using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartBranch.Infrastructure.WeChatPay.Emulator;

/// <summary>The API v3 routes of the emulator, each checking the merchant's Authorization signature first.</summary>
public sealed partial class WeChatPayEmulator
{
    private void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v3/pay/transactions/jsapi", CreateOrder);
        routes.MapGet("/v3/pay/transactions/out-trade-no/{outTradeNo}", QueryOrder);
        routes.MapPost("/v3/pay/transactions/out-trade-no/{outTradeNo}/close", CloseOrder);
        routes.MapPost("/v3/refund/domestic/refunds", Refund);
        routes.MapGet("/v3/bill/tradebill", TradeBillAnswer);
        routes.MapGet("/v3/billdownload/file", DownloadBill);
        routes.MapPost("/__emulator/pay/{outTradeNo}", async (string outTradeNo) =>
            _orders.ContainsKey(outTradeNo) ? Results.Json(await PayAsync(outTradeNo)) : Results.NotFound());
    }

    private async Task<IResult> CreateOrder(HttpRequest request)
    {
        var (body, refusal) = await AuthenticateAsync(request);
        if (refusal is not null)
        {
            return refusal;
        }

        var root = body!.RootElement;
        var outTradeNo = Str(root, "out_trade_no");
        var total = root.TryGetProperty("amount", out var amount) && amount.TryGetProperty("total", out var t) && t.TryGetInt64(out var fen) ? fen : 0;
        var openId = root.TryGetProperty("payer", out var payer) ? Str(payer, "openid") : null;
        var description = Str(root, "description");
        var notifyUrl = Str(root, "notify_url");
        if (Str(root, "appid") != AppId || Str(root, "mchid") != WeChatPayEmulatorKeys.MchId)
        {
            return Fail(400, "PARAM_ERROR", "appid和mchid不匹配");
        }

        if (outTradeNo is null || !OutTradeNoPattern.IsMatch(outTradeNo) || total <= 0 || string.IsNullOrEmpty(openId)
            || string.IsNullOrEmpty(description) || description.Length > 127 || notifyUrl is null || notifyUrl.Contains('?', StringComparison.Ordinal))
        {
            return Fail(400, "PARAM_ERROR", "参数错误");
        }

        var order = _orders.GetOrAdd(outTradeNo, _ => new EmulatedOrder(outTradeNo, AppId, WeChatPayEmulatorKeys.MchId, description, notifyUrl, total, openId, "wx" + RandomNumberGenerator.GetString("0123456789abcdef", 30))
        {
            Attach = Str(root, "attach"),
        });
        if (order.Total != total || order.OpenId != openId)
        {
            return Fail(400, "INVALID_REQUEST", "201 商户订单号重复");
        }

        return order.State == WeChatPayTransaction.NotPay ? Signed(new { prepay_id = order.PrepayId }) : Fail(400, "ORDERPAID", "该订单已支付");
    }

    private async Task<IResult> QueryOrder(HttpRequest request, string outTradeNo)
    {
        var (_, refusal) = await AuthenticateAsync(request);
        if (refusal is not null)
        {
            return refusal;
        }

        if (request.Query["mchid"] != WeChatPayEmulatorKeys.MchId)
        {
            return Fail(400, "PARAM_ERROR", "mchid不匹配");
        }

        return _orders.TryGetValue(outTradeNo, out var order) ? SignedRaw(TransactionJson(order)) : Fail(404, "ORDER_NOT_EXIST", "订单不存在");
    }

    private async Task<IResult> CloseOrder(HttpRequest request, string outTradeNo)
    {
        var (_, refusal) = await AuthenticateAsync(request);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!_orders.TryGetValue(outTradeNo, out var order))
        {
            return Fail(404, "ORDER_NOT_EXIST", "订单不存在");
        }

        lock (order)
        {
            if (order.State == WeChatPayTransaction.Success || order.State == WeChatPayTransaction.Refund)
            {
                return Fail(400, "ORDERPAID", "订单已支付");
            }

            order.State = WeChatPayTransaction.Closed;
        }

        return Results.NoContent();
    }

    private async Task<IResult> Refund(HttpRequest request)
    {
        var (body, refusal) = await AuthenticateAsync(request);
        if (refusal is not null)
        {
            return refusal;
        }

        var root = body!.RootElement;
        var outTradeNo = Str(root, "out_trade_no");
        var outRefundNo = Str(root, "out_refund_no");
        var refund = root.TryGetProperty("amount", out var amount) && amount.TryGetProperty("refund", out var r) && r.TryGetInt64(out var fen) ? fen : 0;
        if (outTradeNo is null || outRefundNo is null || !_orders.TryGetValue(outTradeNo, out var order))
        {
            return Fail(404, "RESOURCE_NOT_EXISTS", "订单不存在");
        }

        EmulatedRefund record;
        lock (order)
        {
            if (order.State != WeChatPayTransaction.Success && order.State != WeChatPayTransaction.Refund)
            {
                return Fail(400, "INVALID_REQUEST", "订单未支付");
            }

            if (refund <= 0 || refund > order.Total - order.Refunds.Sum(x => x.Amount))
            {
                return Fail(400, "PARAM_ERROR", "退款金额超出可退金额");
            }

            record = order.Refunds.FirstOrDefault(x => x.OutRefundNo == outRefundNo)
                ?? new EmulatedRefund(outRefundNo, "5030" + RandomNumberGenerator.GetString("0123456789", 24), refund, time.GetUtcNow());
            if (!order.Refunds.Contains(record))
            {
                order.Refunds.Add(record);
                order.State = WeChatPayTransaction.Refund;
            }
        }

        var resource = JsonSerializer.Serialize(new
        {
            mchid = WeChatPayEmulatorKeys.MchId,
            out_trade_no = outTradeNo,
            transaction_id = order.TransactionId,
            out_refund_no = outRefundNo,
            refund_id = record.RefundId,
            refund_status = "SUCCESS",
            success_time = LocalText(record.At),
            user_received_account = "支付用户零钱",
            amount = new { total = order.Total, refund = record.Amount, payer_total = order.Total, payer_refund = record.Amount },
        });
        var notifyUrl = Str(root, "notify_url") ?? order.NotifyUrl;
        var notification = Notification("REFUND.SUCCESS", "refund", "退款成功", resource, notifyUrl, time.GetUtcNow());

        // WeChat Pay answers first and notifies later (tests await NotificationsDelivered).
        _deliveries.Add(Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            await DeliverAsync(notification);
        }));
        return Signed(new
        {
            refund_id = record.RefundId,
            out_refund_no = outRefundNo,
            transaction_id = order.TransactionId,
            out_trade_no = outTradeNo,
            channel = "ORIGINAL",
            user_received_account = "支付用户零钱",
            status = "PROCESSING",
            create_time = LocalText(record.At),
            amount = new { total = order.Total, refund = record.Amount, payer_total = order.Total, payer_refund = record.Amount, currency = "CNY" },
        });
    }

    private async Task<IResult> TradeBillAnswer(HttpRequest request)
    {
        var (_, refusal) = await AuthenticateAsync(request);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!DateOnly.TryParseExact(request.Query["bill_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Fail(400, "PARAM_ERROR", "bill_date格式错误");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        if (date >= today)
        {
            return Fail(400, "NO_STATEMENT_EXIST", "账单日期不能是今天及以后，次日才能下载");
        }

        var file = Encoding.UTF8.GetBytes(BillText(date));
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _bills[token] = file;
        return Signed(new
        {
            hash_type = "SHA1",
            hash_value = Convert.ToHexStringLower(SHA1.HashData(file)),
            download_url = new Uri(BaseAddress, $"v3/billdownload/file?token={token}").ToString(),
        });
    }

    private async Task<IResult> DownloadBill(HttpRequest request)
    {
        var (_, refusal) = await AuthenticateAsync(request);
        if (refusal is not null)
        {
            return refusal;
        }

        return request.Query["token"].FirstOrDefault() is { } token && _bills.TryGetValue(token, out var file)
            ? Results.File(file, "text/plain; charset=utf-8")
            : Fail(404, "RESOURCE_NOT_EXISTS", "账单不存在");
    }

    private string BillText(DateOnly date)
    {
        var text = new StringBuilder(string.Join(',', TradeBill.Columns)).Append('\n');
        var trades = 0;
        long total = 0;
        string Day(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        bool On(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime) == date;
        void Line(DateTimeOffset at, EmulatedOrder order, string state, string? refundId, string? outRefundNo, long refund)
        {
            string[] values =
            [
                Day(at), order.AppId, order.MchId, "0", string.Empty, order.TransactionId ?? string.Empty, order.OutTradeNo, order.OpenId, "JSAPI", state,
                "OTHERS", "CNY", TradeBill.Yuan(order.Total), "0.00", refundId ?? "0", outRefundNo ?? "0", TradeBill.Yuan(refund), "0.00", refund > 0 ? "ORIGINAL" : string.Empty, refund > 0 ? "SUCCESS" : string.Empty,
                order.Description, order.Attach ?? string.Empty, "0.00", "0.60%", TradeBill.Yuan(order.Total), TradeBill.Yuan(refund), string.Empty,
            ];
            text.Append(string.Join(',', values.Select(v => "`" + v))).Append('\n');
            trades++;
            total += refund > 0 ? 0 : order.Total;
        }

        foreach (var order in _orders.Values.OrderBy(o => o.SuccessTime))
        {
            lock (order)
            {
                if (order.SuccessTime is { } paid && On(paid))
                {
                    Line(paid, order, "SUCCESS", null, null, 0);
                }

                foreach (var refund in order.Refunds.Where(x => On(x.At)))
                {
                    Line(refund.At, order, "REFUND", refund.RefundId, refund.OutRefundNo, refund.Amount);
                }
            }
        }

        text.Append("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n");
        text.Append(CultureInfo.InvariantCulture, $"`{trades},`{TradeBill.Yuan(total)},`0.00,`0.00,`0.00,`{TradeBill.Yuan(total)},`0.00\n");
        return text.ToString();
    }

    /// <summary>Checks the merchant's Authorization header (mchid, serial, fresh timestamp, signature over the request) and reads the JSON body.</summary>
    private async Task<(JsonDocument? Body, IResult? Refusal)> AuthenticateAsync(HttpRequest request)
    {
        _calls.Enqueue(request.Path.Value ?? string.Empty);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var fields = WeChatPayCrypto.ParseAuthorization(request.Headers.Authorization.FirstOrDefault());
        if (fields is null || fields.GetValueOrDefault("mchid") != WeChatPayEmulatorKeys.MchId || fields.GetValueOrDefault("serial_no") != WeChatPayEmulatorKeys.MerchantSerialNo
            || !long.TryParse(fields.GetValueOrDefault("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > TimeSpan.FromMinutes(5)
            || fields.GetValueOrDefault("nonce_str") is not { } nonce || fields.GetValueOrDefault("signature") is not { } signature
            || !WeChatPayCrypto.Verify(keys.Merchant, WeChatPayCrypto.RequestMessage(request.Method, request.Path + request.QueryString, fields["timestamp"], nonce, body), signature))
        {
            return (null, Fail(401, "SIGN_ERROR", "签名错误"));
        }

        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (JsonDocument.Parse(body), null);
        }
        catch (JsonException)
        {
            return (null, Fail(400, "PARAM_ERROR", "请求体不是JSON"));
        }
    }

    private IResult Signed(object value) => SignedRaw(JsonSerializer.Serialize(value));

    /// <summary>A JSON answer signed with the platform key, as every WeChat Pay answer is.</summary>
    private IResult SignedRaw(string json) => new SignedJson(json, keys, time);

    private static IResult Fail(int status, string code, string message) =>
        Results.Json(new { code, message }, statusCode: status);

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed class SignedJson(string json, WeChatPayEmulatorKeys keys, TimeProvider time) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var ts = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = WeChatPayCrypto.Nonce();
            var headers = httpContext.Response.Headers;
            headers[WeChatPaySignatureHeaders.TimestampHeader] = ts;
            headers[WeChatPaySignatureHeaders.NonceHeader] = nonce;
            headers[WeChatPaySignatureHeaders.SerialHeader] = WeChatPayEmulatorKeys.PlatformPublicKeyId;
            headers[WeChatPaySignatureHeaders.SignatureHeader] = WeChatPayCrypto.Sign(keys.Platform, WeChatPayCrypto.ResponseMessage(ts, nonce, json));
            httpContext.Response.ContentType = "application/json";
            await httpContext.Response.WriteAsync(json, Encoding.UTF8);
        }
    }
}
