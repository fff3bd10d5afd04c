using System.Text.Json;

namespace SmartBranch.Api.Tests.Common;

/// <summary>
/// Members, appointments and the unit tree are cached per access generation (<c>AccessCache</c>); every
/// change must show on the very next request, on this instance and on any other sharing the Redis.
/// </summary>
public sealed class AccessCacheTests : FunctionalTest
{
    protected override AppFactory CreateApp() => new(fakeTime: true);

    [Test]
    public async Task UnboundAccountIsNobody_OnTheNextSignIn()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var member = org.A.Members[0];
        var before = await (await App.SignInAsync(member)).GetAsync("/api/me");
        Assert.That((await before.ReadAsync<JsonElement>()).GetProperty("needsBinding").GetBoolean(), Is.False);
        var secretary = await App.SignInAsync(org.A.Secretary);

        Assert.That((await secretary.PostAsync($"/api/members/{member.Id}/unbind", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var login = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = member.DevCode });
        var body = await login.ReadAsync<JsonElement>();
        Assert.That(body.GetProperty("needsBinding").GetBoolean(), Is.True);
        var again = App.CreateClient();
        again.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("token").GetString());
        await (await again.GetAsync($"/api/org/units/{org.A.Id}/members")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await (await again.GetAsync("/api/me")).ReadAsync<JsonElement>()).GetProperty("needsBinding").GetBoolean(), Is.True);
    }

    [Test]
    public async Task RevokedCommitteeMemberLosesRights_OnTheNextRequest()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var appointee = await App.SignInAsync(org.A.Members[0]);
        var appointment = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new
        {
            memberId = org.A.Members[0].Id,
            role = "OrganizationCommissioner",
            startsOn = "2025-01-01",
        })).ReadAsync<JsonElement>();
        Assert.That((await InviteAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await InviteAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the second request is served from the cache");

        Assert.That((await secretary.DeleteAsync($"/api/appointments/{appointment.GetProperty("id").GetInt32()}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await (await InviteAsync(appointee, org.A.Id)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var me = await (await appointee.GetAsync("/api/me")).ReadAsync<JsonElement>();
        Assert.That(me.GetProperty("member").GetProperty("roles").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task TermEndingTodayGivesNoRights_FromMidnightChinaTime()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var appointee = await App.SignInAsync(org.A.Members[0]);
        var local = App.Time!.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var today = DateOnly.FromDateTime(local.DateTime);
        await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new
        {
            memberId = org.A.Members[0].Id,
            role = "PublicityCommissioner",
            startsOn = today.AddDays(-10),
            endsOn = today,
        });
        Assert.That((await InviteAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // Nothing changes in the database: one minute after midnight the cached term has simply run out.
        App.Time.Advance(local.Date.AddDays(1).AddMinutes(1) - local.DateTime);

        await (await InviteAsync(appointee, org.A.Id)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RenamedUnitShowsItsNewName_OnTheNextRequest()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var member = await App.SignInAsync(org.A.Members[0]);
        var before = await (await member.GetAsync("/api/me")).ReadAsync<JsonElement>();
        Assert.That(before.GetProperty("member").GetProperty("branch").GetProperty("name").GetString(), Is.EqualTo(org.A.Name));

        await App.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == org.A.Id);
            unit.Rename("更名后的支部");
            await db.SaveChangesAsync();
        });

        var after = await (await member.GetAsync("/api/me")).ReadAsync<JsonElement>();
        Assert.That(after.GetProperty("member").GetProperty("branch").GetProperty("name").GetString(), Is.EqualTo("更名后的支部"));
    }

    [Test]
    public async Task OtherInstanceDropsRevokedRights_OnItsNextRequest()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"smartbranch-cache-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Redis:InstanceName"] = $"t{Guid.NewGuid():N}:" };
        using var first = new AppFactory(settings, databasePath: databasePath);
        using var second = new AppFactory(settings, databasePath: databasePath);
        var org = await first.SeedAsync(branches: 1, members: 1);
        var secretary = await first.SignInAsync(org.A.Secretary);
        var appointment = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new
        {
            memberId = org.A.Members[0].Id,
            role = "DisciplineCommissioner",
            startsOn = "2025-01-01",
        })).ReadAsync<JsonElement>();

        // Signed in on the first instance, served by the second (one session store, one Redis).
        var token = (await (await first.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = org.A.Members[0].DevCode })).ReadAsync<JsonElement>())
            .GetProperty("token").GetString();
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.That((await InviteAsync(onSecond, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That((await secretary.DeleteAsync($"/api/appointments/{appointment.GetProperty("id").GetInt32()}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await (await InviteAsync(onSecond, org.A.Id)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient client, int branchId) =>
        client.PostAsJsonAsync($"/api/org/units/{branchId}/invitations", new { singleUse = true });
}
