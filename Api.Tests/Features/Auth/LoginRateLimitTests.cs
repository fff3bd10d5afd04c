namespace SmartBranch.Api.Tests.Features.Auth;

public sealed class LoginRateLimitTests
{
    [Test]
    public async Task Returns429WithRetryAfter_WhenOneAddressLogsInTooOften()
    {
        using var app = new AppFactory(new Dictionary<string, string?> { ["RateLimiting:LoginPermitsPerMinute"] = "3" });
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/wechat-login", new { code = $"dev-r{i}" })).StatusCode);
        }

        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.OK));
        var limited = await client.PostAsJsonAsync("/api/auth/wechat-login", new { code = "dev-r9" });
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task Returns429_WhenOneAddressCallsTheAnonymousScreenTooOften()
    {
        using var app = new AppFactory(new Dictionary<string, string?> { ["RateLimiting:AnonymousPermitsPerMinute"] = "2" });
        var client = app.CreateClient();

        var first = await client.GetAsync("/screen/no-such-link/data");
        var second = await client.GetAsync("/screen/no-such-link/data");
        var third = await client.GetAsync("/screen/no-such-link/data");

        Assert.That(new[] { first.StatusCode, second.StatusCode }, Is.All.EqualTo(HttpStatusCode.NotFound));
        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
