using System.Text.Json;
using StackExchange.Redis;

namespace SmartBranch.Api.Tests.Features.Auth;

public sealed class WeChatLoginTests() : SeededTest(branches: 1, members: 2)
{
    [Test]
    public async Task ReturnsTokenAndProfile_WhenBoundMemberSignsInFirstTime()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = Org.A.Secretary.DevCode });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.ReadAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "="), Has.Length.EqualTo(32), "256-bit token");
            Assert.That(body.GetProperty("needsBinding").GetBoolean(), Is.False);
            Assert.That(body.GetProperty("member").GetProperty("name").GetString(), Is.EqualTo(Org.A.Secretary.Name));
            Assert.That(body.GetProperty("member").GetProperty("branch").GetProperty("id").GetInt32(), Is.EqualTo(Org.A.Id));
            Assert.That(body.GetProperty("member").GetProperty("roles")[0].GetProperty("role").GetString(), Is.EqualTo("Secretary"));
            Assert.That(body.GetProperty("member").GetProperty("roles")[0].GetProperty("roleName").GetString(), Is.EqualTo("书记"));
            Assert.That(body.GetProperty("expiresAt").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.UtcNow.AddDays(7)).Within(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public async Task IssuesASecondIndependentSession_WhenMemberSignsInAgain()
    {
        var first = await App.SignInAsync(Org.A.Members[0]);
        var second = await App.SignInAsync(Org.A.Members[0]);

        Assert.That(second.DefaultRequestHeaders.Authorization!.Parameter, Is.Not.EqualTo(first.DefaultRequestHeaders.Authorization!.Parameter));
        foreach (var client in new[] { first, second })
        {
            var me = await (await client.GetAsync("/api/me")).ReadAsync<JsonElement>();
            Assert.That(me.GetProperty("member").GetProperty("id").GetInt32(), Is.EqualTo(Org.A.Members[0].Id));
        }
    }

    [Test]
    public async Task ReturnsNeedsBinding_WhenWeChatAccountIsNotOnTheRoster()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = $"dev-newcomer-{Guid.NewGuid():N}" });

        var body = await response.ReadAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("needsBinding").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("member").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Returns400Problem_WhenCodeIsRejectedByWeChat()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = "abc" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("重新"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(" at "), "no stack trace");
    }

    [Test]
    public async Task Returns400WithCamelCaseField_WhenCodeIsMissing()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("code", out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task SignsIn_WhenWeChatIsBusyOnceThenAnswers()
    {
        App.Emulator.FailNext("sns/jscode2session", -1);

        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = Org.A.Members[1].DevCode });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns503WithRetryAfter_WhenWeChatStaysBusy()
    {
        var before = App.Emulator.CallCount("sns/jscode2session");
        App.Emulator.FailNext("sns/jscode2session", -1, times: 3);

        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = Org.A.Members[1].DevCode });

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(App.Emulator.CallCount("sns/jscode2session") - before, Is.EqualTo(3), "the first call and two retries");
    }

    [Test]
    public async Task StoresOnlyTheTokenHash_WithTheConfiguredLifetime()
    {
        var client = await App.SignInAsync(Org.A.Members[0]);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;

        await using var redis = await ConnectionMultiplexer.ConnectAsync(SharedRedis.ConnectionString);
        var server = redis.GetServers()[0];
        var keys = server.Keys(pattern: "*sb:session:*").ToList();
        Assert.That(keys, Is.Not.Empty);
        foreach (var key in keys)
        {
            Assert.That(key.ToString(), Does.Not.Contain(token));
            if (redis.GetDatabase().KeyType(key) == RedisType.String)
            {
                Assert.That(redis.GetDatabase().StringGet(key).ToString(), Does.Not.Contain(token));
            }
        }

        var sessionKey = keys.Single(k => k.ToString().EndsWith(Hash(token), StringComparison.Ordinal));
        Assert.That(redis.GetDatabase().KeyTimeToLive(sessionKey), Is.EqualTo(TimeSpan.FromDays(7)).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task SlidesTheSessionLifetime_WhenTheTokenIsUsed()
    {
        var client = await App.SignInAsync(Org.A.Members[0]);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(SharedRedis.ConnectionString);
        var key = redis.GetServers()[0].Keys(pattern: $"*sb:session:{Hash(token)}").Single();
        await redis.GetDatabase().KeyExpireAsync(key, TimeSpan.FromMinutes(5));

        Assert.That((await client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await redis.GetDatabase().KeyTimeToLiveAsync(key), Is.GreaterThan(TimeSpan.FromDays(6)));
    }

    [Test]
    public async Task NeverLogsTheAppSecretOrSessionKey()
    {
        await App.SignInAsync(Org.A.Members[0]);
        App.Emulator.FailNext("sns/jscode2session", 40125);
        await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = Org.A.Members[0].DevCode });

        var all = string.Join('\n', App.Logs.Lines);
        Assert.That(all, Does.Not.Contain(SmartBranch.Infrastructure.WeChat.Emulator.WeChatEmulator.DefaultAppSecret));
        Assert.That(all, Does.Not.Contain("session_key"));
    }

    private static string Hash(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
