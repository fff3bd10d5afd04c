using System.Text.Json;
using SmartBranch.Infrastructure.WeChat;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>The emulator's subscribeMessage.send, called over HTTP the way WeChat is called.</summary>
public sealed class EmulatorSubscribeSendTests : FunctionalTest
{
    private const string Template = "EMU_MEETING_REMINDER";
    private HttpClient _http = null!;
    private string _token = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _token = (await App.Services.GetRequiredService<WeChatClient>().GetAccessTokenAsync(CancellationToken.None)).Value!;
        _http = new HttpClient { BaseAddress = App.Emulator.BaseAddress };
    }

    [OneTimeTearDown]
    public void Stop() => _http.Dispose();

    [Test]
    public async Task SendsAndRecordsTheMessage_WhenTheUserAcceptedOnce()
    {
        var openId = NewOpenId();
        App.Emulator.AcceptSubscription(openId, Template);

        var first = await SendAsync(Body(openId));
        var second = await SendAsync(Body(openId));

        Assert.That(first.GetProperty("errcode").GetInt32(), Is.Zero);
        Assert.That(first.GetProperty("msgid").GetInt64(), Is.Positive);
        Assert.That(second.GetProperty("errcode").GetInt32(), Is.EqualTo(WeChatErrorCodes.SubscriptionRefused), "one accept, one send");
        var recorded = await _http.GetFromJsonAsync<JsonElement>($"__emulator/messages?touser={openId}");
        Assert.That(recorded.GetArrayLength(), Is.EqualTo(1));
        Assert.That(recorded[0].GetProperty("data").GetProperty("thing1").GetString(), Is.EqualTo("支部党员大会"));
    }

    [Test]
    public async Task Answers47003NamingTheField_WhenAThingIsTooLong()
    {
        var openId = NewOpenId();
        App.Emulator.AcceptSubscription(openId, Template);

        var answer = await SendAsync(Body(openId, thing1: new string('长', 21)));

        Assert.That(answer.GetProperty("errcode").GetInt32(), Is.EqualTo(WeChatErrorCodes.InvalidTemplateData));
        Assert.That(answer.GetProperty("errmsg").GetString(), Does.StartWith("argument invalid! data.thing1.value invalid"));
        Assert.That(App.Emulator.SubscriptionsOf(openId, Template), Is.EqualTo(1), "a refused send uses no quota");
    }

    [Test]
    public async Task Answers40003_WhenTheOpenIdIsMissing() =>
        Assert.That((await SendAsync(Body(string.Empty))).GetProperty("errcode").GetInt32(), Is.EqualTo(WeChatErrorCodes.InvalidOpenId));

    [Test]
    public async Task Answers40037_WhenTheTemplateIsMissing() =>
        Assert.That((await SendAsync(Body(NewOpenId(), template: string.Empty))).GetProperty("errcode").GetInt32(), Is.EqualTo(WeChatErrorCodes.InvalidTemplateId));

    [Test]
    public async Task Answers41030_WhenThePageIsNotAMiniProgramPage() =>
        Assert.That((await SendAsync(Body(NewOpenId(), page: "/index.html"))).GetProperty("errcode").GetInt32(), Is.EqualTo(WeChatErrorCodes.PageNotFound));

    [Test]
    public async Task Answers40001_WhenTheTokenIsWrong()
    {
        using var response = await _http.PostAsJsonAsync("cgi-bin/message/subscribe/send?access_token=forged", Body(NewOpenId()));

        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errcode").GetInt32(), Is.EqualTo(WeChatErrorCodes.InvalidCredential));
    }

    private static string NewOpenId() => WeChatEmulator.OpenIdFor(Guid.NewGuid().ToString("N"));

    private static Dictionary<string, object> Body(string openId, string thing1 = "支部党员大会", string template = Template, string page = "pages/meetings/detail?id=1") => new()
    {
        ["touser"] = openId,
        ["template_id"] = template,
        ["page"] = page,
        ["data"] = new Dictionary<string, object> { ["thing1"] = new { value = thing1 }, ["time2"] = new { value = "2026年3月3日 14:30" } },
        ["miniprogram_state"] = "formal",
        ["lang"] = "zh_CN",
    };

    private async Task<JsonElement> SendAsync(object body)
    {
        using var response = await _http.PostAsJsonAsync($"cgi-bin/message/subscribe/send?access_token={_token}", body);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
