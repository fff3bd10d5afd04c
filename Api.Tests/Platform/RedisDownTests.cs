namespace SmartBranch.Api.Tests.Platform;

/// <summary>redis-server stops under authenticated requests: 503 ProblemDetails with Retry-After, then recovery.</summary>
public sealed class RedisDownTests
{
    [Test]
    public async Task Answers503WithRetryAfter_WhileRedisIsDown_AndRecoversWhenItIsBack()
    {
        await using var redis = await RedisServer.StartNewAsync();
        using var app = new AppFactory(redisConnectionString: redis.ConnectionString);
        var (org, member) = await app.SeedSignedInAsync(branches: 1, members: 1, who: o => o.A.Members[0]);
        Assert.That((await member.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await redis.StopAsync();
        var during = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => member.GetAsync("/api/me")));

        foreach (var response in during)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("稍后"));
        }

        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = org.A.Members[0].DevCode });
        await login.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.That(app.Logs.Lines.Any(l => l.Contains("Unhandled exception", StringComparison.Ordinal)), Is.False, "an outage is not logged as a bug");

        await redis.StartAsync();
        await app.WaitUntilRedisConnectedAsync();

        // The server kept nothing (no persistence), so the old session is gone: signing in again works.
        var again = await app.SignInAsync(org.A.Members[0]);
        Assert.That((await again.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
