namespace SmartBranch.Api.Tests.Features.Auth;

/// <summary>
/// Login limits with the shipped defaults: a room of members behind one campus address all get in; what is
/// limited is one code, one account, or an address sending codes WeChat refuses.
/// </summary>
public sealed class LoginAbuseLimitTests : FunctionalTest
{
    // The defaults of RateLimitingOptions, in place of the factory's test-wide "unlimited".
    protected override AppFactory CreateApp() => new(new Dictionary<string, string?>
    {
        ["RateLimiting:LoginPermitsPerMinute"] = "600",
        ["RateLimiting:LoginAttemptsPerCode"] = "3",
        ["RateLimiting:LoginsPerAccountPerMinute"] = "10",
        ["RateLimiting:LoginFailuresPerAddressPerMinute"] = "30",
    });

    [Test]
    public async Task SignsEveryoneIn_When60MembersSignInFromOneAddressWithinAMinute()
    {
        var org = await App.SeedAsync(branches: 2, members: 29);
        var everyone = org.Branches.SelectMany(b => b.Everyone).ToList();
        Assert.That(everyone, Has.Count.EqualTo(60));

        var statuses = await Task.WhenAll(everyone.Select(async m =>
            (await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = $"{m.DevCode}~{Guid.NewGuid():N}" })).StatusCode));

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns429_WhenOneCodeIsHammered()
    {
        var code = $"dev-hammer-{Guid.NewGuid():N}";
        var before = App.Emulator.CallCount("sns/jscode2session");

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code }));
        }

        Assert.That(responses.Take(3).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        foreach (var limited in responses.Skip(3))
        {
            await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
        }

        Assert.That(App.Emulator.CallCount("sns/jscode2session") - before, Is.EqualTo(3), "WeChat is not asked again");
    }

    [Test]
    public async Task Returns429_WhenOneAccountSignsInTooOften()
    {
        var name = $"dev-busy-{Guid.NewGuid():N}";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = $"{name}~{i}" })).StatusCode);
        }

        Assert.That(statuses.Take(10), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses.Skip(10), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
    }
}

/// <summary>An address that keeps sending codes WeChat refuses is stopped, even for a good code (its own app, so the count is its own).</summary>
public sealed class LoginFailureLimitTests : FunctionalTest
{
    protected override AppFactory CreateApp() => new(new Dictionary<string, string?> { ["RateLimiting:LoginFailuresPerAddressPerMinute"] = "30" });

    [Test]
    public async Task Returns429_WhenOneAddressKeepsSendingRefusedCodes()
    {
        var client = App.CreateClient();
        for (var i = 0; i < 30; i++)
        {
            await (await client.PostAsJsonAsync("/api/auth/wechat-login", new { code = $"guess-{i}" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        var next = await client.PostAsJsonAsync("/api/auth/wechat-login", new { code = $"dev-{Guid.NewGuid():N}" });

        await next.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
