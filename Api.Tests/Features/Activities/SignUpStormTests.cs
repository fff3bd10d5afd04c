using System.Text.Json;
using SmartBranch.Domain.Activities;

namespace SmartBranch.Api.Tests.Features.Activities;

/// <summary>
/// After a storm has filled an activity without a waiting list, the process answers the late sign-ups 409 without
/// a write (SignUpGate keeps the activity's sign-up facts per generation and knows it full). These tests hold it to
/// the rules: never more than the places, and whatever frees a place afterwards (a cancellation, here or on another
/// instance of the same deployment, or more places) lets the next sign-up in.
/// </summary>
public sealed class SignUpStormTests : FunctionalTest
{
    [Test]
    public async Task GivesAPlaceFreedAfterTheStormToTheNextSignUp()
    {
        var (_, _, id, members, confirmed, refused) = await FiveTakenByStormAsync();

        Assert.That((await members[confirmed[0]].DeleteAsync($"/api/activities/{id}/enrollment")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var next = await ActivityApi.SignUpAsync(members[refused[0]], id);
        var after = await ActivityApi.SignUpAsync(members[refused[1]], id);

        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Created), await next.Content.ReadAsStringAsync());
        Assert.That((await next.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Confirmed"));
        await after.AssertProblemAsync(HttpStatusCode.Conflict, "enrollment.full");
        await AssertConfirmedAsync(id, 5);
    }

    [Test]
    public async Task AdmitsAsManyMoreAsThePlacesWereRaised_AfterTheStorm()
    {
        var (org, secretary, id, members, _, refused) = await FiveTakenByStormAsync();

        var raised = await secretary.PutAsJsonAsync($"/api/activities/{id}", ActivityApi.Body(org.A.Id, DateTimeOffset.UtcNow, capacity: 8));
        Assert.That(raised.StatusCode, Is.EqualTo(HttpStatusCode.OK), await raised.Content.ReadAsStringAsync());
        var late = new List<HttpStatusCode>();
        foreach (var index in refused.Take(4))
        {
            late.Add((await ActivityApi.SignUpAsync(members[index], id)).StatusCode);
        }

        Assert.That(late, Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict }));
        await AssertConfirmedAsync(id, 8);
    }

    [Test]
    public async Task GivesAPlaceFreedOnAnotherInstanceToTheNextSignUpHere()
    {
        // Two instances of one deployment: one database, one Redis (sessions and generations shared).
        var databasePath = Path.Combine(Path.GetTempPath(), $"smartbranch-storm-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Redis:InstanceName"] = $"t{Guid.NewGuid():N}:" };
        using var first = new AppFactory(settings, databasePath: databasePath);
        using var second = new AppFactory(settings, databasePath: databasePath);
        var (org, _, id, members, confirmed, refused) = await FiveTakenByStormAsync(first);
        var leaving = await second.SignInAsync(org.A.Members[confirmed[0]]);

        Assert.That((await leaving.DeleteAsync($"/api/activities/{id}/enrollment")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var next = await ActivityApi.SignUpAsync(members[refused[0]], id);

        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Created), await next.Content.ReadAsStringAsync());
        Assert.That((await next.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Confirmed"));
        await AssertConfirmedAsync(first, id, 5);
    }

    /// <summary>
    /// Forty members of one branch storm an activity of five places without a waiting list: returns the branch, the
    /// secretary's client, the activity, the members' clients and the indexes of those confirmed and refused. All on
    /// <paramref name="app"/> (the fixture's app unless said).
    /// </summary>
    private async Task<(SeededOrg Org, HttpClient Secretary, int Id, HttpClient[] Members, int[] Confirmed, int[] Refused)> FiveTakenByStormAsync(AppFactory? app = null)
    {
        app ??= App;
        var org = await app.SeedAsync(branches: 1, members: 40);
        var secretary = await app.SignInAsync(org.A.Secretary);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 5);
        var members = await ActivityApi.SignInAllAsync(app, org.A.Members);
        var (confirmed, refused) = await StormAsync(app, members, id, places: 5);
        return (org, secretary, id, members, confirmed, refused);
    }

    /// <summary>Everyone signs up at once; exactly <paramref name="places"/> get a place, the rest 409 full. Returns the indexes of each.</summary>
    private static async Task<(int[] Confirmed, int[] Refused)> StormAsync(AppFactory app, HttpClient[] members, int id, int places)
    {
        var responses = await Task.WhenAll(members.Select(m => ActivityApi.SignUpAsync(m, id)));
        var confirmed = Enumerable.Range(0, members.Length).Where(i => responses[i].StatusCode == HttpStatusCode.Created).ToArray();
        var refused = Enumerable.Range(0, members.Length).Where(i => responses[i].StatusCode == HttpStatusCode.Conflict).ToArray();
        var codes = await Task.WhenAll(refused.Select(async i => (await responses[i].AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString()));
        Assert.Multiple(() =>
        {
            Assert.That(confirmed, Has.Length.EqualTo(places), "confirmed in the storm");
            Assert.That(refused, Has.Length.EqualTo(members.Length - places), "refused in the storm");
            Assert.That(codes, Is.All.EqualTo("enrollment.full"));
        });
        await AssertConfirmedAsync(app, id, places);
        return (confirmed, refused);
    }

    private Task AssertConfirmedAsync(int id, int places) => AssertConfirmedAsync(App, id, places);

    private static async Task AssertConfirmedAsync(AppFactory app, int id, int places)
    {
        var (counter, rows) = await app.WithDbAsync(async db => (
            await db.Activities.Where(a => a.Id == id).Select(a => a.ConfirmedCount).SingleAsync(),
            await db.Enrollments.CountAsync(e => e.ActivityId == id && e.Status == EnrollmentStatus.Confirmed)));
        Assert.Multiple(() =>
        {
            Assert.That(counter, Is.EqualTo(places), "ConfirmedCount");
            Assert.That(rows, Is.EqualTo(places), "confirmed rows");
        });
    }
}
