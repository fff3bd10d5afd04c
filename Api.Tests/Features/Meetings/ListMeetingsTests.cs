using SmartBranch.Api.Common;
using SmartBranch.Api.Features.Meetings;

namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>GET /api/meetings: keyset pages of 20 in each scope, visibility on every page, the bad-cursor refusal.</summary>
public sealed class ListMeetingsTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task WalksEveryPage_GettingEachVisibleMeetingOnceInOrder_InEveryScope()
    {
        var now = App.Time!.GetUtcNow();
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 2);

        // More committee meetings than one candidate read takes, all before the lessons: a member sees none of them,
        // so their pages must be filled from further reads.
        var committee = new List<(DateTimeOffset StartsAt, int Id)>();
        for (var i = 0; i < 52; i++)
        {
            var startsAt = now.AddHours(1).AddMinutes(i * 10);
            committee.Add((startsAt, await IdOfAsync(secretary, "CommitteeMeeting", org.A.Id, startsAt)));
        }

        var lessons = new List<(DateTimeOffset StartsAt, int Id)>();
        for (var i = 0; i < ListMeetings.PageSize + 2; i++)
        {
            // Pairs share a start time, so the pages break ties by id.
            var startsAt = now.AddDays(2).AddHours(i / 2);
            lessons.Add((startsAt, await IdOfAsync(secretary, "PartyLesson", org.A.Id, startsAt)));
        }

        var member = await App.SignInAsync(org.A.Members[0]);
        var stranger = await App.SignInAsync(org.B.Members[0]);
        var otherSecretary = await App.SignInAsync(org.B.Secretary);
        var lessonsSoonest = lessons.OrderBy(l => l.StartsAt).ThenBy(l => l.Id).Select(l => l.Id).ToArray();
        var allSoonest = committee.Concat(lessons).OrderBy(l => l.StartsAt).ThenBy(l => l.Id).Select(l => l.Id).ToArray();

        var memberUpcoming = await PagesAsync(member, "upcoming");
        var memberMine = await PagesAsync(member, "mine");
        var secretaryUpcoming = await PagesAsync(secretary, "upcoming");
        var strangerUpcoming = await PagesAsync(stranger, "upcoming");
        var otherSecretaryUpcoming = await PagesAsync(otherSecretary, "upcoming");
        App.Time.Advance(TimeSpan.FromDays(30));
        var memberPast = await PagesAsync(member, "past");
        var strangerPast = await PagesAsync(stranger, "past");
        var otherSecretaryMine = await PagesAsync(otherSecretary, "mine");

        Assert.Multiple(() =>
        {
            Assert.That(memberUpcoming.Select(p => p.Length), Is.EqualTo(new[] { ListMeetings.PageSize, 2 }));
            Assert.That(memberUpcoming.SelectMany(p => p), Is.EqualTo(lessonsSoonest), "soonest first, ties by id, each once, no committee meeting");
            Assert.That(memberMine.SelectMany(p => p), Is.EqualTo(lessonsSoonest.Reverse()), "the member's own meetings, latest first");
            Assert.That(secretaryUpcoming.Select(p => p.Length), Is.EqualTo(new[] { 20, 20, 20, 14 }));
            Assert.That(secretaryUpcoming.SelectMany(p => p), Is.EqualTo(allSoonest), "the committee sees every meeting once");
            Assert.That(memberPast.Select(p => p.Length), Is.EqualTo(new[] { ListMeetings.PageSize, 2 }));
            Assert.That(memberPast.SelectMany(p => p), Is.EqualTo(lessonsSoonest.Reverse()), "latest first, ties by id descending");
            Assert.That(strangerUpcoming, Is.EqualTo(new[] { Array.Empty<int>() }), "another branch's member sees none, on a single empty page");
            Assert.That(strangerPast, Is.EqualTo(new[] { Array.Empty<int>() }));
            Assert.That(otherSecretaryUpcoming, Is.EqualTo(new[] { Array.Empty<int>() }), "another branch's secretary sees none");
            Assert.That(otherSecretaryMine, Is.EqualTo(new[] { Array.Empty<int>() }));
        });
    }

    [Test]
    public async Task KeepsTheScopeFilters_AcrossPages()
    {
        var now = App.Time!.GetUtcNow();
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var held = new List<int>();
        for (var i = 0; i < ListMeetings.PageSize + 1; i++)
        {
            held.Add(await IdOfAsync(secretary, "ThemedPartyDay", org.A.Id, now.AddDays(-30).AddHours(i)));
        }

        var coming = new List<int>();
        for (var i = 0; i < ListMeetings.PageSize + 1; i++)
        {
            coming.Add(await IdOfAsync(secretary, "PartyLesson", org.A.Id, now.AddDays(1).AddHours(i)));
        }

        var cancelled = await IdOfAsync(secretary, "PartyLesson", org.A.Id, now.AddDays(1).AddMinutes(30));
        var cancel = await secretary.PostAsJsonAsync($"/api/meetings/{cancelled}/cancel", new { reason = "改期" });
        Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.OK), await cancel.Content.ReadAsStringAsync());
        var member = await App.SignInAsync(org.A.Members[0]);

        var upcoming = (await PagesAsync(member, "upcoming")).SelectMany(p => p).ToArray();
        var past = (await PagesAsync(member, "past")).SelectMany(p => p).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(upcoming, Is.EqualTo(coming), "not yet ended, not cancelled, soonest first");
            Assert.That(past, Is.EqualTo(Enumerable.Reverse(held)), "already started, latest first");
        });
    }

    [Test]
    public async Task Returns400InvalidCursor_WhenTheCursorIsNotANextCursor()
    {
        var (_, member) = await App.SeedSignedInAsync(branches: 1, members: 1, who: o => o.A.Members[0]);

        foreach (var scope in new[] { "upcoming", "past", "mine" })
        {
            foreach (var cursor in new[] { "abc", "5", "1.0", "99999999999999999999.3", "-1.2", "3155378976000000001.4" })
            {
                await (await member.GetAsync($"/api/meetings?scope={scope}&cursor={cursor}")).AssertProblemAsync(HttpStatusCode.BadRequest, ListCursor.InvalidCode);
            }
        }
    }

    private static async Task<int> IdOfAsync(HttpClient client, string type, int unitId, DateTimeOffset startsAt) =>
        (await MeetingApi.ScheduleAsync(client, type, unitId, startsAt)).GetProperty("id").GetInt32();

    /// <summary>Every page of a scope, following nextCursor until it is null.</summary>
    private static Task<List<int[]>> PagesAsync(HttpClient client, string scope) => client.PageIdsAsync($"/api/meetings?scope={scope}");
}
