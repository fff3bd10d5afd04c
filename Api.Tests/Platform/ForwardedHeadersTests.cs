namespace SmartBranch.Api.Tests.Platform;

/// <summary>Behind nginx every request comes from the proxy; per-client limits must see the client address instead.</summary>
public sealed class ForwardedHeadersTests
{
    [Test]
    public async Task LimitsEachForwardedClientSeparately_WhenForwardedHeadersAreEnabled()
    {
        using var app = LoginLimitedApp(forwardedHeaders: true);

        var first = await LoginFromAsync(app, "203.0.113.10");
        var again = await LoginFromAsync(app, "203.0.113.10");
        var otherClient = await LoginFromAsync(app, "203.0.113.11");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(otherClient, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task IgnoresForwardedFor_WhenForwardedHeadersAreOff()
    {
        using var app = LoginLimitedApp(forwardedHeaders: false);

        var first = await LoginFromAsync(app, "203.0.113.10");
        var spoofed = await LoginFromAsync(app, "203.0.113.11");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(spoofed, Is.EqualTo(HttpStatusCode.TooManyRequests));
        });
    }

    [Test]
    public void RefusesToStart_WhenAKnownNetworkIsNotCidr()
    {
        using var app = new AppFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/99" });

        Assert.That(() => app.CreateClient(), Throws.InvalidOperationException.With.Message.Contains("ForwardedHeaders:KnownNetworks"));
    }

    private static AppFactory LoginLimitedApp(bool forwardedHeaders) => new(new Dictionary<string, string?>
    {
        ["RateLimiting:LoginPermitsPerMinute"] = "1",
        ["ForwardedHeaders:Enabled"] = forwardedHeaders ? "true" : "false",
    });

    private static async Task<HttpStatusCode> LoginFromAsync(AppFactory app, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/wechat-login") { Content = JsonContent.Create(new { code = "dev-forwarded" }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return (await app.CreateClient().SendAsync(request)).StatusCode;
    }
}
