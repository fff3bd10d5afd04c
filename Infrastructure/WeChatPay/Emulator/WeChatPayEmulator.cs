using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using SmartBranch.Infrastructure.WeChat;

using SmartBranch.Infrastructure.Emulation;

namespace SmartBranch.Infrastructure.WeChatPay.Emulator;

/// <summary>What the emulator does when an order is paid (scripted failures for tests).</summary>
public enum PaymentScript
{
    /// <summary>One signed TRANSACTION.SUCCESS notification.</summary>
    Normal,

    /// <summary>Paid, but no notification is ever sent (only a query finds it).</summary>
    NeverNotify,

    /// <summary>The same notification twice (WeChat Pay repeats them).</summary>
    NotifyTwice,

    /// <summary>WeChat Pay records, and notifies, one fen more than the order.</summary>
    WrongAmount,

    /// <summary>The notification's signature does not verify (signed with a key that is not WeChat Pay's).</summary>
    BadSignature,
}

/// <summary>A notification as sent: the path of the notify URL, the Wechatpay-* headers and the raw body.</summary>
public sealed record EmulatedNotification(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A local stand-in for api.mch.weixin.qq.com (WeChat Pay API v3) on a loopback port: JSAPI orders, query,
/// close, refund, trade bill, and signed, encrypted notifications. It checks every request's merchant
/// signature and signs every answer with its own platform key. Tests pay orders with <see cref="PayAsync"/>
/// (the member's wx.requestPayment), script failures with <see cref="ScriptNext"/>; developers pay with
/// <c>POST /__emulator/pay/{out_trade_no}</c>. Production refuses to start with it.
/// </summary>
public sealed partial class WeChatPayEmulator(
    WeChatPayEmulatorKeys keys,
    IOptions<WeChatPayOptions> options,
    IOptions<WeChatOptions> weChat,
    TimeProvider time,
    ILogger<WeChatPayEmulator> logger,
    IServiceProvider services) : IAsyncDisposable
{
    private static readonly Regex OutTradeNoPattern = OutTradeNoRegex();
    private readonly ConcurrentDictionary<string, EmulatedOrder> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _bills = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PaymentScript> _scripts = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentBag<Task> _deliveries = [];
    private WebApplication? _app;
    private HttpClient? _deliveryClient;

    /// <summary>Where the emulator listens, e.g. http://127.0.0.1:5123/.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:0/");

    /// <summary>The last notification sent (to replay or tamper with in tests).</summary>
    public EmulatedNotification? LastNotification { get; private set; }

    /// <summary>Completes when every notification the emulator sent on its own (refunds) has been answered.</summary>
    public Task NotificationsDelivered => Task.WhenAll(_deliveries.ToArray());

    /// <summary>Every API path called so far (without query), oldest first.</summary>
    public IReadOnlyList<string> Calls => _calls.ToArray();

    /// <summary>Sends notifications through <paramref name="client"/> (its base address is the app), as tests need with an in-memory server.</summary>
    public void DeliverNotificationsTo(HttpClient client) => _deliveryClient = client;

    /// <summary>What happens at the next payment(s), in order; unscripted payments are <see cref="PaymentScript.Normal"/>.</summary>
    public void ScriptNext(PaymentScript script) => _scripts.Enqueue(script);

    /// <summary>The trade_state WeChat Pay holds for an order, or null when it has none.</summary>
    public string? StateOf(string outTradeNo) => _orders.TryGetValue(outTradeNo, out var order) ? order.State : null;

    public IReadOnlyCollection<string> OrderNumbers => _orders.Keys.ToList();

    /// <summary>
    /// The member pays the order in wx.requestPayment: WeChat Pay records SUCCESS and notifies as scripted.
    /// Returns the HTTP status the app answered to each notification sent.
    /// </summary>
    public async Task<IReadOnlyList<int>> PayAsync(string outTradeNo)
    {
        if (!_orders.TryGetValue(outTradeNo, out var order))
        {
            throw new InvalidOperationException($"The emulator has no order {outTradeNo}.");
        }

        var script = _scripts.TryDequeue(out var next) ? next : PaymentScript.Normal;
        lock (order)
        {
            if (order.State != WeChatPayTransaction.NotPay)
            {
                throw new InvalidOperationException($"Order {outTradeNo} is {order.State}, it cannot be paid.");
            }

            order.State = WeChatPayTransaction.Success;
            order.TransactionId = "4200" + RandomNumberGenerator.GetString("0123456789", 24);
            order.SuccessTime = time.GetUtcNow();
            if (script == PaymentScript.WrongAmount)
            {
                order.Total += 1;
            }
        }

        if (script == PaymentScript.NeverNotify)
        {
            return [];
        }

        var notification = Notification(
            "TRANSACTION.SUCCESS",
            "transaction",
            "支付成功",
            TransactionJson(order),
            order.NotifyUrl,
            time.GetUtcNow(),
            script == PaymentScript.BadSignature);
        var statuses = new List<int> { await DeliverAsync(notification) };
        if (script == PaymentScript.NotifyTwice)
        {
            statuses.Add(await DeliverAsync(notification));
        }

        return statuses;
    }

    /// <summary>
    /// A transaction the emulator holds that the app never ordered (e.g. paid through another channel), to show up
    /// in the trade bill for reconciliation.
    /// </summary>
    public void AddForeignTransaction(string outTradeNo, long totalFen, string openId, DateTimeOffset paidAt)
    {
        _orders[outTradeNo] = new EmulatedOrder(outTradeNo, AppId, WeChatPayEmulatorKeys.MchId, "外部交易", options.Value.NotifyUrl ?? string.Empty, totalFen, openId, "wx_prepay_foreign")
        {
            State = WeChatPayTransaction.Success,
            TransactionId = "4200" + RandomNumberGenerator.GetString("0123456789", 24),
            SuccessTime = paidAt,
        };
    }

    /// <summary>
    /// A notification of <paramref name="eventType"/> with the resource encrypted by the APIv3 key and signed at
    /// <paramref name="timestamp"/> by the platform key (by a stranger's key when <paramref name="forge"/>).
    /// </summary>
    public EmulatedNotification Notification(string eventType, string originalType, string summary, string resourceJson, string notifyUrl, DateTimeOffset timestamp, bool forge = false)
    {
        var nonce = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 12);
        var body = JsonSerializer.Serialize(new
        {
            id = Guid.NewGuid().ToString(),
            create_time = LocalText(timestamp),
            resource_type = "encrypt-resource",
            event_type = eventType,
            summary,
            resource = new
            {
                original_type = originalType,
                algorithm = "AEAD_AES_256_GCM",
                ciphertext = WeChatPayCrypto.Encrypt(keys.ApiV3Key, nonce, originalType, resourceJson),
                associated_data = originalType,
                nonce,
            },
        });
        var ts = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headerNonce = WeChatPayCrypto.Nonce();
        string signature;
        if (forge)
        {
            using var stranger = RSA.Create(2048);
            signature = WeChatPayCrypto.Sign(stranger, WeChatPayCrypto.ResponseMessage(ts, headerNonce, body));
        }
        else
        {
            signature = WeChatPayCrypto.Sign(keys.Platform, WeChatPayCrypto.ResponseMessage(ts, headerNonce, body));
        }

        var notification = new EmulatedNotification(
            Uri.TryCreate(notifyUrl, UriKind.Absolute, out var uri) ? uri.PathAndQuery : notifyUrl,
            new Dictionary<string, string>
            {
                [WeChatPaySignatureHeaders.TimestampHeader] = ts,
                [WeChatPaySignatureHeaders.NonceHeader] = headerNonce,
                [WeChatPaySignatureHeaders.SignatureHeader] = signature,
                [WeChatPaySignatureHeaders.SerialHeader] = WeChatPayEmulatorKeys.PlatformPublicKeyId,
                ["Wechatpay-Signature-Type"] = WeChatPayCrypto.SchemaName,
            },
            body);
        LastNotification = notification;
        return notification;
    }

    /// <summary>The signed TRANSACTION.SUCCESS notification of a paid order, as of <paramref name="timestamp"/> (for replay tests).</summary>
    public EmulatedNotification TransactionNotification(string outTradeNo, DateTimeOffset timestamp)
    {
        var order = _orders[outTradeNo];
        return Notification("TRANSACTION.SUCCESS", "transaction", "支付成功", TransactionJson(order), order.NotifyUrl, timestamp);
    }

    /// <summary>Posts a notification to the app; returns the status it answered (0 when it could not be reached).</summary>
    public async Task<int> DeliverAsync(EmulatedNotification notification)
    {
        var client = _deliveryClient ??= LoopbackHost.AppClient(services);
        if (client is null)
        {
            logger.LogWarning("WeChat Pay emulator: no app address to send the notification to");
            return 0;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, notification.Path.TrimStart('/'))
        {
            Content = new StringContent(notification.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in notification.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "WeChat Pay emulator: the notification could not be delivered");
            return 0;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        (_app, BaseAddress) = await LoopbackHost.StartAsync(options.Value.EmulatorPort, MapRoutes, cancellationToken);
        logger.LogWarning("WeChat Pay emulator listening on {Address}; no real payments are made", BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private string AppId => weChat.Value.AppId ?? string.Empty;

    private static string LocalText(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string TransactionJson(EmulatedOrder order)
    {
        lock (order)
        {
            return JsonSerializer.Serialize(new
            {
                appid = order.AppId,
                mchid = order.MchId,
                out_trade_no = order.OutTradeNo,
                transaction_id = order.TransactionId,
                trade_type = "JSAPI",
                trade_state = order.State,
                trade_state_desc = order.State == WeChatPayTransaction.Success ? "支付成功" : order.State,
                bank_type = "OTHERS",
                attach = order.Attach ?? string.Empty,
                success_time = order.SuccessTime is { } at ? LocalText(at) : null,
                payer = new { openid = order.OpenId },
                amount = new { total = order.Total, payer_total = order.State == WeChatPayTransaction.NotPay ? 0 : order.Total, currency = "CNY", payer_currency = "CNY" },
            });
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_\\-|*]{6,32}$")]
    private static partial Regex OutTradeNoRegex();

    /// <summary>An order as WeChat Pay holds it.</summary>
    private sealed class EmulatedOrder(string outTradeNo, string appId, string mchId, string description, string notifyUrl, long total, string openId, string prepayId)
    {
        public string OutTradeNo { get; } = outTradeNo;

        public string AppId { get; } = appId;

        public string MchId { get; } = mchId;

        public string Description { get; } = description;

        public string NotifyUrl { get; } = notifyUrl;

        public long Total { get; set; } = total;

        public string OpenId { get; } = openId;

        public string PrepayId { get; } = prepayId;

        public string? Attach { get; init; }

        public string State { get; set; } = WeChatPayTransaction.NotPay;

        public string? TransactionId { get; set; }

        public DateTimeOffset? SuccessTime { get; set; }

        public List<EmulatedRefund> Refunds { get; } = [];
    }

    private sealed record EmulatedRefund(string OutRefundNo, string RefundId, long Amount, DateTimeOffset At);
}

/// <summary>Starts the WeChat Pay emulator with the host.</summary>
internal sealed class WeChatPayEmulatorHost(WeChatPayEmulator emulator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => emulator.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await emulator.DisposeAsync();
}
