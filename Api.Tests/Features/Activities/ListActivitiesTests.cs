using System.Text.Json;
using SmartBranch.Api.Common;
using SmartBranch.Api.Features.Activities;

namespace SmartBranch.Api.Tests.Features.Activities;

public sealed class ListActivitiesTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task ListsOpenUpcomingFirst_MineAndPast_ForTheCaller()
    {
        var now = App.Time!.GetUtcNow();
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 1);
        var later = await ActivityApi.CreateAsync(secretary, org.A.Id, now, startsAt: now.AddDays(5));
        var soon = await ActivityApi.CreateAsync(secretary, org.A.Id, now, startsAt: now.AddHours(3));
        var today = await ActivityApi.CreateAsync(secretary, org.A.Id, now, startsAt: now.AddHours(1));
        var otherBranch = await ActivityApi.CreateAsync(await App.SignInAsync(org.B.Secretary), org.B.Id, now, visibility: "Public");
        var cancelled = await ActivityApi.CreateAsync(secretary, org.A.Id, now);
        await secretary.PostAsJsonAsync($"/api/activities/{cancelled}/cancel", new { reason = "改期" });
        var member = await App.SignInAsync(org.A.Members[0]);
        await ActivityApi.SignUpAsync(member, soon);
        await ActivityApi.SignUpAsync(member, today);

        var open = await IdsAsync(member, "open");
        var mine = await IdsAsync(member, "mine");
        App.Time.Advance(TimeSpan.FromHours(4));
        var past = await IdsAsync(member, "past");
        var openLater = await IdsAsync(member, "open");

        Assert.Multiple(() =>
        {
            Assert.That(open, Is.EqualTo(new[] { today, soon, later }), "upcoming first; not other branches' or cancelled ones");
            Assert.That(open, Does.Not.Contain(otherBranch));
            Assert.That(mine, Is.EqualTo(new[] { today, soon }));
            Assert.That(past, Is.EqualTo(new[] { today }));
            Assert.That(openLater, Is.EqualTo(new[] { soon, later }));
        });
    }

    [Test]
    public async Task ShowsMyStatusAndPosition_InTheList()
    {
        var now = App.Time!.GetUtcNow();
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, now, capacity: 1, waitingList: true, startsAt: now.AddDays(3));
        await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id);
        var waiting = await App.SignInAsync(org.A.Members[1]);
        await ActivityApi.SignUpAsync(waiting, id);

        var item = (await (await waiting.GetAsync("/api/activities?scope=mine")).ReadAsync<JsonElement>()).GetProperty("items")[0];

        Assert.That(item.GetProperty("myStatus").GetString(), Is.EqualTo("Waitlisted"));
        Assert.That(item.GetProperty("myWaitlistPosition").GetInt32(), Is.EqualTo(1));
        Assert.That(item.GetProperty("confirmedCount").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task PagesEveryScope_ThroughNextCursor_WithNothingLostOrRepeated()
    {
        var now = App.Time!.GetUtcNow();
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var member = await App.SignInAsync(org.A.Members[0]);
        var created = new List<(DateTimeOffset StartsAt, int Id)>();
        for (var i = 0; i < ListActivities.PageSize + 3; i++)
        {
            // Pairs share a start time, so the pages break ties by id.
            var startsAt = now.AddHours(2 + (i / 2));
            var id = await ActivityApi.CreateAsync(secretary, org.A.Id, now, startsAt: startsAt);
            Assert.That((await ActivityApi.SignUpAsync(member, id)).IsSuccessStatusCode, Is.True);
            created.Add((startsAt, id));
        }

        var soonest = created.OrderBy(c => c.StartsAt).ThenBy(c => c.Id).Select(c => c.Id).ToArray();
        var open = await PagesAsync(member, "open");
        var mine = await PagesAsync(member, "mine");
        App.Time.Advance(TimeSpan.FromDays(2));
        var past = await PagesAsync(member, "past");

        Assert.Multiple(() =>
        {
            Assert.That(open.Select(p => p.Length), Is.EqualTo(new[] { ListActivities.PageSize, 3 }));
            Assert.That(open.SelectMany(p => p), Is.EqualTo(soonest), "soonest first, ties by id, each once");
            Assert.That(mine.SelectMany(p => p), Is.EqualTo(soonest));
            Assert.That(past.Select(p => p.Length), Is.EqualTo(new[] { ListActivities.PageSize, 3 }));
            Assert.That(past.SelectMany(p => p), Is.EqualTo(soonest.Reverse()), "newest first, ties by id descending, each once");
        });
    }

    [Test]
    public async Task Returns400InvalidCursor_WhenTheCursorIsNotANextCursor()
    {
        var (_, member) = await App.SeedSignedInAsync(branches: 1, members: 1, who: o => o.A.Members[0]);

        foreach (var cursor in new[] { "abc", "5", "1.0", "99999999999999999999.3", "-1.2" })
        {
            await (await member.GetAsync($"/api/activities?scope=open&cursor={cursor}")).AssertProblemAsync(HttpStatusCode.BadRequest, ListCursor.InvalidCode);
        }
    }

    [Test]
    public async Task Returns400_WhenScopeIsUnknown()
    {
        var (_, member) = await App.SeedSignedInAsync(branches: 1, members: 1, who: o => o.A.Members[0]);

        await (await member.GetAsync("/api/activities?scope=all")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Every page of a scope, following nextCursor until it is null.</summary>
    private static Task<List<int[]>> PagesAsync(HttpClient client, string scope) => client.PageIdsAsync($"/api/activities?scope={scope}");

    private static async Task<int[]> IdsAsync(HttpClient client, string scope)
    {
        var response = await client.GetAsync($"/api/activities?scope={scope}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();
    }
}
