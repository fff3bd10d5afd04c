using System.Text.Json;
using SmartBranch.Domain.Activities;

namespace SmartBranch.Api.Tests.Features.Activities;

/// <summary>
/// A sign-up decides from the activity's sign-up facts kept in process (<c>SignUpGate</c>, one generation per
/// activity in Redis) and from the caller's cached access. These tests warm both first and then change what the
/// decision depends on: who may sign up must follow on the very next request, and a place taken on another instance
/// must count as taken here.
/// </summary>
public sealed class SignUpCacheTests : FunctionalTest
{
    [Test]
    public async Task RefusesAMemberOutsideTheAudience_WhenTheActivityIsCached()
    {
        var org = await App.SeedAsync(branches: 2, members: 2);
        var id = await ActivityApi.CreateAsync(await App.SignInAsync(org.A.Secretary), org.A.Id, DateTimeOffset.UtcNow, capacity: 5, visibility: "Public");
        Assert.That((await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var outsider = await App.SignInAsync(org.B.Members[0]);

        var first = await (await ActivityApi.SignUpAsync(outsider, id)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var second = await (await ActivityApi.SignUpAsync(outsider, id)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.That(new[] { first, second }.Select(p => p.GetProperty("code").GetString()), Is.All.EqualTo("enrollment.not_in_audience"));
        Assert.That(await App.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ActivityId == id && e.MemberId == org.B.Members[0].Id)), Is.Zero);
    }

    [Test]
    public async Task RefusesAMemberUnboundAfterTheCacheWarmed_OnTheNextRequest()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 5);
        var unbound = await App.SignInAsync(org.A.Members[1]);
        Assert.That((await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await unbound.GetAsync($"/api/activities/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "in the audience before");

        Assert.That((await secretary.PostAsync($"/api/members/{org.A.Members[1].Id}/unbind", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        // Unbinding ends the account's sessions; signing in again gives an unbound account, which may not sign up.
        await (await ActivityApi.SignUpAsync(unbound, id)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var login = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = org.A.Members[1].DevCode });
        var again = App.CreateClient();
        again.DefaultRequestHeaders.Authorization = new("Bearer", (await login.ReadAsync<JsonElement>()).GetProperty("token").GetString());
        await (await ActivityApi.SignUpAsync(again, id)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await App.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ActivityId == id && e.MemberId == org.A.Members[1].Id)), Is.Zero);
    }

    [Test]
    public async Task RefusesACommitteeMemberWhoseAppointmentWasRevoked_OnTheNextRequest()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 5, visibility: "Committee");
        Assert.That((await ActivityApi.SignUpAsync(secretary, id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var appointee = await App.SignInAsync(org.A.Members[0]);
        var appointment = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new
        {
            memberId = org.A.Members[0].Id,
            role = "OrganizationCommissioner",
            startsOn = "2025-01-01",
        })).ReadAsync<JsonElement>();
        Assert.That((await appointee.GetAsync($"/api/activities/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "in the audience while appointed");

        Assert.That((await secretary.DeleteAsync($"/api/appointments/{appointment.GetProperty("id").GetInt32()}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await (await ActivityApi.SignUpAsync(appointee, id)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(await App.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ActivityId == id && e.MemberId == org.A.Members[0].Id)), Is.Zero);
    }

    [Test]
    public async Task RefusesAMemberDroppedFromTheAudience_AfterTheActivityWasCached()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var now = DateTimeOffset.UtcNow;
        int[] both = [org.A.Members[0].Id, org.A.Members[1].Id];
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, now, capacity: 5, visibility: "Public", audienceUnits: [], audienceMembers: both);
        Assert.That((await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var narrowed = await secretary.PutAsJsonAsync($"/api/activities/{id}", ActivityApi.Body(org.A.Id, now, capacity: 5, visibility: "Public", audienceUnits: [], audienceMembers: [org.A.Members[0].Id]));
        Assert.That(narrowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await narrowed.Content.ReadAsStringAsync());

        var problem = await (await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[1]), id)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("enrollment.not_in_audience"));
    }

    [Test]
    public async Task RefusesSignUps_OnceTheCachedActivityIsCancelled()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 5);
        Assert.That((await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That((await secretary.PostAsJsonAsync($"/api/activities/{id}/cancel", new { reason = "场地临时维修" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var problem = await (await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[1]), id)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("activity.cancelled"));
    }

    [Test]
    public async Task ConfirmsExactlyThePlaces_WhenTwoInstancesTakeTheStormTogether_AndEachKnowsWhoHoldsOne()
    {
        // Two instances of one deployment: one database, one Redis.
        var databasePath = Path.Combine(Path.GetTempPath(), $"smartbranch-storm-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Redis:InstanceName"] = $"t{Guid.NewGuid():N}:" };
        using var first = new AppFactory(settings, databasePath: databasePath);
        using var second = new AppFactory(settings, databasePath: databasePath);
        var org = await first.SeedAsync(branches: 1, members: 40);
        var secretary = await first.SignInAsync(org.A.Secretary);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 5);
        var half = org.A.Members.Count / 2;
        var here = await ActivityApi.SignInAllAsync(first, org.A.Members.Take(half));
        var there = await ActivityApi.SignInAllAsync(second, org.A.Members.Skip(half));
        var both = here.Concat(there).ToArray();

        var responses = await Task.WhenAll(both.Select(m => ActivityApi.SignUpAsync(m, id)));

        var confirmed = Enumerable.Range(0, both.Length).Where(i => responses[i].StatusCode == HttpStatusCode.Created).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(confirmed, Has.Length.EqualTo(5), "confirmed in the storm");
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(both.Length - 5), "refused in the storm");
        });
        var (counter, rows) = await first.WithDbAsync(async db => (
            await db.Activities.Where(a => a.Id == id).Select(a => a.ConfirmedCount).SingleAsync(),
            await db.Enrollments.CountAsync(e => e.ActivityId == id && e.Status == EnrollmentStatus.Confirmed)));
        Assert.That((counter, rows), Is.EqualTo((5, 5)));

        // Each holder asks again on the other instance, which knows the activity full: their place, not "full".
        foreach (var index in confirmed)
        {
            var member = org.A.Members[index];
            var again = await ActivityApi.SignUpAsync(index < half ? await second.SignInAsync(member) : await first.SignInAsync(member), id);
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
            Assert.That((await again.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Confirmed"));
        }

        var late = Enumerable.Range(0, both.Length).First(i => !confirmed.Contains(i));
        var refused = await (await ActivityApi.SignUpAsync(both[late], id)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("enrollment.full"));
    }

    [Test]
    public async Task KeepsNothingInRedis_ForASignUpToAnIdThatNamesNoActivity()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(await App.SignInAsync(org.A.Secretary), org.A.Id, DateTimeOffset.UtcNow, capacity: 5);
        var member = await App.SignInAsync(org.A.Members[0]);
        var redis = App.Services.GetRequiredService<SmartBranch.Infrastructure.Redis.RedisConnection>().Database;
        Assert.That((await ActivityApi.SignUpAsync(member, id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var missing = await ActivityApi.SignUpAsync(member, id + 1000);

        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Multiple(async () =>
        {
            Assert.That(await redis.KeyExistsAsync($"sb:activities:{id}:sign-ups"), Is.True, "the real activity's generation");
            Assert.That(await redis.KeyExistsAsync($"sb:activities:{id + 1000}:sign-ups"), Is.False, "nothing for the missing id");
        });
    }
}
