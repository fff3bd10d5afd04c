using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>The WeChat client against the emulator over real HTTP, with the token cached in the real Redis.</summary>
public sealed class WeChatClientTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Test]
    public async Task RefetchesTokenAndRetriesOnce_WhenWeChatSays40001()
    {
        using var app = new AppFactory();
        var client = app.Services.GetRequiredService<WeChatClient>();
        Assert.That((await client.GetMiniProgramCodeAsync("a=1", "pages/bind/index", CancellationToken.None)).Succeeded, Is.True);
        app.Emulator.ExpireTokens();

        var result = await app.Services.GetRequiredService<WeChatClient>().GetMiniProgramCodeAsync("a=2", "pages/bind/index", CancellationToken.None);

        Assert.That(result.Succeeded, Is.True, result.ErrMsg);
        Assert.That(result.Value![..8], Is.EqualTo(PngSignature));
        Assert.That(app.Emulator.CallCount("cgi-bin/stable_token"), Is.EqualTo(2), "one fetch, one refetch after 40001");
        Assert.That(app.Emulator.Calls.Count(c => c.Api == "wxa/getwxacodeunlimit" && c.ErrCode == 40001), Is.EqualTo(1));
    }

    [Test]
    public async Task FetchesTheTokenOnce_WhenManyCallsNeedItAtTheSameTime()
    {
        using var app = new AppFactory();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            app.Services.GetRequiredService<WeChatClient>().GetMiniProgramCodeAsync($"a={i}", "pages/bind/index", CancellationToken.None)));

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(app.Emulator.CallCount("cgi-bin/stable_token"), Is.EqualTo(1));
    }

    [Test]
    public async Task ReturnsTheErrorWithoutRetrying_WhenTheSceneIsInvalid()
    {
        using var app = new AppFactory();

        var result = await app.Services.GetRequiredService<WeChatClient>().GetMiniProgramCodeAsync("中文", "pages/bind/index", CancellationToken.None);

        Assert.That(result.ErrCode, Is.EqualTo(WeChatErrorCodes.InvalidScene));
        Assert.That(app.Emulator.CallCount("wxa/getwxacodeunlimit"), Is.EqualTo(1));
    }

    [Test]
    public async Task IsOneClientOverOneConnectionPool_ForEveryRequestAndScope()
    {
        using var app = new AppFactory();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();

        Assert.Multiple(() =>
        {
            Assert.That(first.ServiceProvider.GetRequiredService<WeChatClient>(), Is.SameAs(second.ServiceProvider.GetRequiredService<WeChatClient>()));
            Assert.That(first.ServiceProvider.GetRequiredService<WeChatConnection>(), Is.SameAs(app.Services.GetRequiredService<WeChatConnection>()));
            Assert.That(app.Services.GetRequiredService<WeChatConnection>().Http.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        });
    }

    [Test]
    public async Task SendsNoTraceContextToWeChat_WhenCalledWithinATracedRequest()
    {
        using var app = new AppFactory();
        using var traced = new System.Diagnostics.Activity("a traced request").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();

        var result = await app.Services.GetRequiredService<WeChatClient>().Code2SessionAsync("dev-traced", CancellationToken.None);

        Assert.That(result.Succeeded, Is.True, result.ErrMsg);
        var call = app.Emulator.Requests.Last(r => r.Path == "/sns/jscode2session");
        Assert.That(call.TraceContext, Is.False, "our trace ids stay ours: no traceparent to WeChat");
    }

    [Test]
    public async Task SignsInThroughTheEmulatorAgain_AfterTheEmulatorRestartsOnANewAddress()
    {
        using var app = new AppFactory();
        var http = app.CreateClient();
        var client = app.Services.GetRequiredService<WeChatClient>();
        var firstAddress = app.Emulator.BaseAddress;
        (await http.PostAsJsonAsync("/api/auth/wechat-login", new { code = "dev-restart" })).EnsureSuccessStatusCode();

        // The emulator's port is picked when it starts: the long-lived client must follow it, not keep the first one.
        await app.Emulator.DisposeAsync();
        await app.Emulator.StartAsync(CancellationToken.None);
        var response = await http.PostAsJsonAsync("/api/auth/wechat-login", new { code = "dev-restart" });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(app.Services.GetRequiredService<WeChatConnection>().BaseAddress, Is.EqualTo(app.Emulator.BaseAddress));
            Assert.That(app.Services.GetRequiredService<WeChatClient>(), Is.SameAs(client), "still the one client");
            Assert.That(app.Emulator.CallCount("sns/jscode2session"), Is.EqualTo(2));
        });
        TestContext.Out.WriteLine($"emulator moved from {firstAddress} to {app.Emulator.BaseAddress}");
    }

    [Test]
    public async Task Answers503_WhileTheEmulatorIsDown_AndSignsInOnceItIsBack()
    {
        using var app = new AppFactory();
        var http = app.CreateClient();
        (await http.PostAsJsonAsync("/api/auth/wechat-login", new { code = "dev-down" })).EnsureSuccessStatusCode();

        await app.Emulator.DisposeAsync();
        var whileDown = await http.PostAsJsonAsync("/api/auth/wechat-login", new { code = "dev-down" });
        await app.Emulator.StartAsync(CancellationToken.None);
        var back = await http.PostAsJsonAsync("/api/auth/wechat-login", new { code = "dev-down" });

        var problem = await whileDown.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Multiple(() =>
        {
            Assert.That(whileDown.Headers.RetryAfter, Is.Not.Null);
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("微信"));
            Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
