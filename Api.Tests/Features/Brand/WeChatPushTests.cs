using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Tests.Features.Brand;

public sealed class WeChatPushTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new AppFactory(new Dictionary<string, string?> { ["WeChat:PushToken"] = "AAAAA" });

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public void SignatureMatchesTheOfficialVectors()
    {
        Assert.That(WeChatMessagePush.Signature("AAAAA", "1714036504", "1514711492"), Is.EqualTo("f464b24fc39322e44b38aa78f5edd27bd1441696"));
        Assert.That(WeChatMessagePush.Signature("AAAAA", "1714037059", "486452656"), Is.EqualTo("899cf89e464efb63f54ddac96b0a0a235f53aa78"));
    }

    [Test]
    public async Task EchoesEchostr_WhenWeChatVerifiesTheUrl()
    {
        var response = await _app.CreateClient().GetAsync("/api/wechat/push?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("4375120948345356249"));
    }

    [Test]
    public async Task Returns401_WhenTheSignatureIsWrong()
    {
        var get = await _app.CreateClient().GetAsync("/api/wechat/push?signature=0000000000000000000000000000000000000000&timestamp=1714036504&nonce=1514711492&echostr=x");
        var post = await _app.CreateClient().PostAsJsonAsync("/api/wechat/push?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714037059&nonce=486452656",
            new { Event = "wxa_media_check", trace_id = "t", result = new { suggest = "pass" } });

        await get.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await post.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AnswersSuccess_ForAnEventItDoesNotHandle()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/wechat/push?signature=899cf89e464efb63f54ddac96b0a0a235f53aa78&timestamp=1714037059&nonce=486452656",
            new { ToUserName = "gh_x", MsgType = "event", Event = "user_enter_tempsession" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("success"));
    }
}
