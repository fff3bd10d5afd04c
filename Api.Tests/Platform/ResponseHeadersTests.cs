namespace SmartBranch.Api.Tests.Platform;

/// <summary>Security and caching headers on what the app answers, over real Kestrel so the Server header is the real one.</summary>
public sealed class ResponseHeadersTests
{
    private AppFactory _app = null!;
    private SeededOrg _org = null!;
    private HttpClient _secretary = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new AppFactory();
        _app.UseKestrel(0);
        _app.StartServer();
        _org = await _app.SeedAsync(branches: 1, members: 1);
        _secretary = await _app.SignInAsync(_org.A.Secretary);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [TestCase("/api/me")]
    [TestCase("/api/org/units/{unit}/members")]
    [TestCase("/api/no-such-thing")]
    public async Task ApiAnswers_AreNotSniffedNotCachedAndDoNotNameTheServer(string path)
    {
        var response = await _secretary.GetAsync(path.Replace("{unit}", _org.A.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        AssertSecurityHeaders(response);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"{(int)response.StatusCode} {path}");
    }

    [Test]
    public async Task ErrorsAndAnonymousAnswers_CarryTheHeadersToo()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = "not-a-code" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        AssertSecurityHeaders(response);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task CacheableEndpoint_KeepsItsOwnCaching()
    {
        var created = await (await _secretary.PostAsJsonAsync($"/api/org/units/{_org.A.Id}/invitations", new { singleUse = true })).ReadAsync<System.Text.Json.JsonElement>();

        var response = await _secretary.GetAsync($"/api/invitations/{created.GetProperty("id").GetInt32()}/qrcode");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSecurityHeaders(response);
        Assert.That(response.Headers.CacheControl?.Private, Is.True);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.False);
    }

    [TestCase("/health/live")]
    [TestCase("/screen/no-such-link")]
    [TestCase("/screen/assets/screen.js")]
    public async Task PagesOutsideTheApi_AreNotSniffedAndDoNotNameTheServer(string path)
    {
        var response = await _app.CreateClient().GetAsync(path);

        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) ? sniff : [], Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.TryGetValues("Referrer-Policy", out var referrer) ? referrer.Single() : null, Is.Not.Null.And.Not.Empty);
            Assert.That(response.Headers.Contains("Server"), Is.False, "no Server header");
        });
    }
}
