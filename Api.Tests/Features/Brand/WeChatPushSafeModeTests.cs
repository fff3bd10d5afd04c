using System.Security.Cryptography;
using System.Text.Json;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Infrastructure.WeChat;
using SmartBranch.Infrastructure.WeChat.Emulator;
using Vector = SmartBranch.Api.Tests.Features.Brand.WeChatMessageCryptoTests;

namespace SmartBranch.Api.Tests.Features.Brand;

/// <summary>The push endpoint with an EncodingAESKey configured: events arrive encrypted (安全模式, Infrastructure/WeChat/README.md §9).</summary>
public sealed class WeChatPushSafeModeTests
{
    private const string Timestamp = "1714037059";
    private const string Nonce = "486452656";

    private AppFactory _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new AppFactory(new Dictionary<string, string?>
    {
        ["WeChat:PushToken"] = Vector.Token,
        ["WeChat:PushEncodingAesKey"] = Vector.Key,
    });

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task AppliesTheVerdict_WhenTheEventIsEncrypted()
    {
        var (id, traceId) = await SeedPendingImageAsync();
        var encrypt = WeChatMessageCrypto.Encrypt(Vector.Key, WeChatEmulator.DefaultAppId, MediaCheckEvent(traceId, "risky"));

        var response = await PostAsync(encrypt, WeChatMessageCrypto.MsgSignature(Vector.Token, Timestamp, Nonce, encrypt));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("success"));
        var stored = await _app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id));
        Assert.That(stored.Status, Is.EqualTo(MediaStatus.Rejected));
        Assert.That(stored.CheckSuggest, Is.EqualTo("risky"));
    }

    [Test]
    public async Task Returns401AndChangesNothing_WhenTheMsgSignatureIsWrong()
    {
        var (id, traceId) = await SeedPendingImageAsync();
        var encrypt = WeChatMessageCrypto.Encrypt(Vector.Key, WeChatEmulator.DefaultAppId, MediaCheckEvent(traceId, "pass"));
        var otherEncrypt = WeChatMessageCrypto.Encrypt(Vector.Key, WeChatEmulator.DefaultAppId, MediaCheckEvent(traceId, "pass"));

        var response = await PostAsync(encrypt, WeChatMessageCrypto.MsgSignature(Vector.Token, Timestamp, Nonce, otherEncrypt));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That((await _app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id))).Status, Is.EqualTo(MediaStatus.Pending));
    }

    [Test]
    public async Task Returns401AndChangesNothing_WhenAPlaintextEventArrives()
    {
        var (id, traceId) = await SeedPendingImageAsync();

        var response = await _app.CreateClient().PostAsync($"/api/wechat/push?signature={Signature}&timestamp={Timestamp}&nonce={Nonce}",
            new StringContent(MediaCheckEvent(traceId, "pass"), System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That((await _app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id))).Status, Is.EqualTo(MediaStatus.Pending));
    }

    [Test]
    public async Task Returns400AndChangesNothing_WhenTheEventIsForAnotherAppId()
    {
        var (id, traceId) = await SeedPendingImageAsync();
        var encrypt = WeChatMessageCrypto.Encrypt(Vector.Key, Vector.AppId, MediaCheckEvent(traceId, "pass"));

        var response = await PostAsync(encrypt, WeChatMessageCrypto.MsgSignature(Vector.Token, Timestamp, Nonce, encrypt));
        var vector = await _app.CreateClient().PostAsync(
            $"/api/wechat/push?signature={WeChatMessagePush.Signature(Vector.Token, Vector.Timestamp, Vector.Nonce)}&timestamp={Vector.Timestamp}&nonce={Vector.Nonce}&encrypt_type=aes&msg_signature={Vector.MsgSignature}",
            Envelope(Vector.Encrypt));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("不是发给本小程序的"));
        await vector.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That((await _app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id))).Status, Is.EqualTo(MediaStatus.Pending));
    }

    [Test]
    public async Task Returns400_WhenThePaddingIsBad()
    {
        var key = Convert.FromBase64String(Vector.Key + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        var encrypt = Convert.ToBase64String(aes.EncryptCbc(new byte[64], key.AsSpan(0, 16), PaddingMode.None)); // pad byte 0

        var response = await PostAsync(encrypt, WeChatMessageCrypto.MsgSignature(Vector.Token, Timestamp, Nonce, encrypt));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("消息解密失败"));
    }

    [Test]
    public async Task StillEchoesEchostr_WhenWeChatVerifiesTheUrl()
    {
        var response = await _app.CreateClient().GetAsync($"/api/wechat/push?signature={Signature}&timestamp={Timestamp}&nonce={Nonce}&echostr=4375120948345356249");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("4375120948345356249"));
    }

    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2")]
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C=")]
    public void RefusesToStart_WhenTheEncodingAesKeyHasTheWrongShape(string key)
    {
        using var app = new AppFactory(new Dictionary<string, string?> { ["WeChat:PushEncodingAesKey"] = key });

        // Program.cs prints the refusal to standard error and the host never starts.
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.That(() => app.CreateClient(), Throws.Exception);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.That(stderr.ToString(), Does.Contain("WeChat:PushEncodingAesKey must be the 43-character EncodingAESKey"));
    }

    private static string Signature => WeChatMessagePush.Signature(Vector.Token, Timestamp, Nonce);

    private static string MediaCheckEvent(string traceId, string suggest) => JsonSerializer.Serialize(new
    {
        ToUserName = "gh_test",
        FromUserName = "oEMU-test",
        CreateTime = 1714037059,
        MsgType = "event",
        Event = "wxa_media_check",
        appid = WeChatEmulator.DefaultAppId,
        trace_id = traceId,
        version = 2,
        result = new { suggest, label = suggest == "pass" ? 100 : 20002 },
    });

    private static StringContent Envelope(string encrypt) =>
        new(JsonSerializer.Serialize(new { ToUserName = "gh_test", Encrypt = encrypt }), System.Text.Encoding.UTF8, "application/json");

    private Task<HttpResponseMessage> PostAsync(string encrypt, string msgSignature) =>
        _app.CreateClient().PostAsync($"/api/wechat/push?signature={Signature}&timestamp={Timestamp}&nonce={Nonce}&encrypt_type=aes&msg_signature={msgSignature}", Envelope(encrypt));

    private async Task<(Guid Id, string TraceId)> SeedPendingImageAsync()
    {
        var org = await _app.SeedAsync(members: 1);
        var id = Guid.NewGuid();
        var traceId = $"test-{id:N}";
        await _app.WithDbAsync(async db =>
        {
            var item = new MediaItem(id, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), org.A.Id, org.A.Members[0].Id, "image/png", 67, $"{id:N}.png", Visibility.Public, awaitCheck: true, DateTimeOffset.UtcNow);
            item.CheckSubmitted(traceId);
            db.Media.Add(item);
            await db.SaveChangesAsync();
        });

        return (id, traceId);
    }
}
