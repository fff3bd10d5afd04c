using System.Security.Cryptography;
using System.Text;
using SmartBranch.Infrastructure.Sessions;
using StackExchange.Redis;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// A request's session lookup no longer extends the account's session index every time (RedisSessionStore): the index
/// must still outlive every session it lists, or unbinding would leave a session alive.
/// </summary>
public sealed class SessionIndexTests : FunctionalTest
{
    [Test]
    public async Task TheAccountIndexOutlivesASlidSession_AndUnbindingStillEndsIt()
    {
        var (org, client) = await App.SeedSignedInAsync(members: 2, who: o => o.A.Members[0]);
        var member = org.A.Members[0];
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(SharedRedis.ConnectionString);
        var server = redis.GetServers()[0];
        var sessionKey = server.Keys(pattern: $"*sb:session:{Hash(token)}").Single();
        var indexKey = server.Keys(pattern: $"{sessionKey.ToString()[..sessionKey.ToString().IndexOf("sb:session:", StringComparison.Ordinal)]}sb:session:account:*").Single();

        // The session was about to lapse; the request slides it back to the full lifetime, and the index is longer still.
        await redis.GetDatabase().KeyExpireAsync(sessionKey, TimeSpan.FromMinutes(5));
        Assert.That((await client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var session = await redis.GetDatabase().KeyTimeToLiveAsync(sessionKey);
        var index = await redis.GetDatabase().KeyTimeToLiveAsync(indexKey);
        Assert.That(session, Is.GreaterThan(TimeSpan.FromDays(6)));
        Assert.That(index, Is.GreaterThanOrEqualTo(session!.Value + RedisSessionStore.IndexSlack - TimeSpan.FromMinutes(2)));

        var secretary = await App.SignInAsync(org.A.Secretary);
        var unbind = await secretary.PostAsync($"/api/members/{member.Id}/unbind", null);
        Assert.That(unbind.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await unbind.Content.ReadAsStringAsync());
        Assert.That((await client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
