using System.Text.Json;
using SmartBranch.Api.Tests.Features.Org;

namespace SmartBranch.Api.Tests.Common;

/// <summary>
/// Members, appointments and the unit tree are cached per access generation (<c>AccessCache</c>); every
/// change must show on the very next request, on this instance and on any other sharing the Redis.
/// </summary>
public sealed class AccessCacheTests() : FunctionalTest(fakeTime: true)
{
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
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var appointee = await App.SignInAsync(org.A.Members[0]);
        var appointment = await secretary.AppointOverHttpAsync(org.A.Id, org.A.Members[0].Id, "OrganizationCommissioner", new DateOnly(2025, 1, 1));
        Assert.That((await InviteAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await InviteAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the second request is served from the cache");

        Assert.That((await secretary.DeleteAsync($"/api/appointments/{appointment}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await (await InviteAsync(appointee, org.A.Id)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var me = await (await appointee.GetAsync("/api/me")).ReadAsync<JsonElement>();
        Assert.That(me.GetProperty("member").GetProperty("roles").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task TermEndingTodayGivesNoRights_FromMidnightChinaTime()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var appointee = await App.SignInAsync(org.A.Members[0]);
        var local = App.Time!.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var today = DateOnly.FromDateTime(local.DateTime);
        await secretary.AppointOverHttpAsync(org.A.Id, org.A.Members[0].Id, "PublicityCommissioner", today.AddDays(-10), today);
        Assert.That((await InviteAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // Nothing changes in the database: one minute after midnight the cached term has simply run out.
        App.Time.Advance(local.Date.AddDays(1).AddMinutes(1) - local.DateTime);

        await (await InviteAsync(appointee, org.A.Id)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RenamedUnitShowsItsNewName_OnTheNextRequest()
    {
        var (org, member) = await App.SeedSignedInAsync(branches: 1, members: 1, who: o => o.A.Members[0]);
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
        using var apps = new TwoInstances();
        var (org, secretary) = await apps.First.SeedSignedInAsync(branches: 1, members: 1);
        var appointment = await secretary.AppointOverHttpAsync(org.A.Id, org.A.Members[0].Id, "DisciplineCommissioner", new DateOnly(2025, 1, 1));

        // Signed in on the first instance, served by the second (one session store, one Redis).
        var onSecond = (await apps.First.SignInAsync(org.A.Members[0])).SameSessionOn(apps.Second);
        Assert.That((await InviteAsync(onSecond, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That((await secretary.DeleteAsync($"/api/appointments/{appointment}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await (await InviteAsync(onSecond, org.A.Id)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient client, int branchId) =>
        client.PostAsJsonAsync($"/api/org/units/{branchId}/invitations", new { singleUse = true });
}
