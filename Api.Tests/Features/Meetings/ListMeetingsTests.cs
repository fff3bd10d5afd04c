using SmartBranch.Api.Common;
using SmartBranch.Api.Common.Auth;
using SmartBranch.Api.Features.Meetings;

namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>GET /api/meetings: keyset pages of 20 in each scope, visibility on every page, the unit filter, the bad-cursor and bad-unit refusals.</summary>
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
    public async Task FiltersByUnit_OnTheServer_OnEveryPage_InEveryScope()
    {
        var now = App.Time!.GetUtcNow();
        var (org, secretaryA) = await App.SeedSignedInAsync(branches: 2, members: 2);
        var secretaryB = await App.SignInAsync(org.B.Secretary);

        // Branch A's lessons and its party group's meetings interleaved in time with branch B's lessons, so a page of
        // everything the admin sees holds only about half of either branch's.
        var lessonsA = new List<(DateTimeOffset StartsAt, int Id)>();
        var groupA = new List<(DateTimeOffset StartsAt, int Id)>();
        var lessonsB = new List<(DateTimeOffset StartsAt, int Id)>();
        for (var i = 0; i < ListMeetings.PageSize + 2; i++)
        {
            var startsAt = now.AddDays(1).AddHours(i * 3);
            lessonsA.Add((startsAt, await IdOfAsync(secretaryA, "PartyLesson", org.A.Id, startsAt)));
            lessonsB.Add((startsAt.AddHours(1), await IdOfAsync(secretaryB, "PartyLesson", org.B.Id, startsAt.AddHours(1))));
            if (i % 7 == 0)
            {
                groupA.Add((startsAt.AddHours(2), await IdOfAsync(secretaryA, "PartyGroupMeeting", org.A.PartyGroupId, startsAt.AddHours(2))));
            }
        }

        static int[] Soonest(IEnumerable<(DateTimeOffset StartsAt, int Id)> meetings) =>
            meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Select(m => m.Id).ToArray();
        var branchA = Soonest(lessonsA.Concat(groupA));
        var everything = Soonest(lessonsA.Concat(groupA).Concat(lessonsB));

        var admin = await App.SignInAsync(org.Admin);
        var member = await App.SignInAsync(org.A.Members[0]);
        Task<List<int[]>> Pages(HttpClient client, string scope, int unitId) => PagesAsync(client, $"{scope}&unitId={unitId}");

        var adminA = await Pages(admin, "upcoming", org.A.Id);
        var adminGroupA = await Pages(admin, "upcoming", org.A.PartyGroupId);
        var adminB = await Pages(admin, "upcoming", org.B.Id);
        var adminGeneral = await Pages(admin, "upcoming", org.GeneralBranchId);
        var secretaryOwn = await Pages(secretaryA, "upcoming", org.A.Id);
        var secretaryGroup = await Pages(secretaryA, "upcoming", org.A.PartyGroupId);
        var memberGeneral = await Pages(member, "upcoming", org.GeneralBranchId);
        var memberMineGroup = await Pages(member, "mine", org.A.PartyGroupId);
        App.Time.Advance(TimeSpan.FromDays(30));
        var adminPastA = await Pages(admin, "past", org.A.Id);
        var adminPastB = await Pages(admin, "past", org.B.Id);
        var memberMineA = await Pages(member, "mine", org.A.Id);

        Assert.Multiple(() =>
        {
            Assert.That(adminA.Select(p => p.Length), Is.EqualTo(new[] { ListMeetings.PageSize, branchA.Length - ListMeetings.PageSize }), "full pages of the branch's own");
            Assert.That(adminA.SelectMany(p => p), Is.EqualTo(branchA), "a branch: its own meetings and its party group's, each once, soonest first");
            Assert.That(adminGroupA.SelectMany(p => p), Is.EqualTo(Soonest(groupA)), "a party group: only its 党小组会");
            Assert.That(adminB.Select(p => p.Length), Is.EqualTo(new[] { ListMeetings.PageSize, 2 }));
            Assert.That(adminB.SelectMany(p => p), Is.EqualTo(Soonest(lessonsB)));
            Assert.That(adminGeneral.SelectMany(p => p), Is.EqualTo(everything), "a general branch: every branch below it");
            Assert.That(secretaryOwn.SelectMany(p => p), Is.EqualTo(branchA));
            Assert.That(secretaryGroup.SelectMany(p => p), Is.EqualTo(Soonest(groupA)));
            Assert.That(memberGeneral.SelectMany(p => p), Is.EqualTo(branchA), "the filter narrows what the caller sees; it never widens it");
            Assert.That(memberMineGroup.SelectMany(p => p), Is.EqualTo(Soonest(groupA).Reverse()));
            Assert.That(adminPastA.SelectMany(p => p), Is.EqualTo(branchA.Reverse()), "latest first");
            Assert.That(adminPastB.SelectMany(p => p), Is.EqualTo(Soonest(lessonsB).Reverse()));
            Assert.That(memberMineA.Select(p => p.Length), Is.EqualTo(new[] { ListMeetings.PageSize, branchA.Length - ListMeetings.PageSize }));
            Assert.That(memberMineA.SelectMany(p => p), Is.EqualTo(branchA.Reverse()));
        });
    }

    [Test]
    public async Task Returns404_ListingNothing_WhenTheUnitIsAStrangersOrUnknown()
    {
        var (org, member) = await App.SeedSignedInAsync(branches: 2, members: 1, who: o => o.A.Members[0]);
        var secretary = await App.SignInAsync(org.A.Secretary);
        await IdOfAsync(secretary, "PartyLesson", org.A.Id, App.Time!.GetUtcNow().AddDays(1));
        var otherOrg = await App.SeedAsync(branches: 1, members: 1);
        var otherSecretary = await App.SignInAsync(otherOrg.A.Secretary);
        await IdOfAsync(otherSecretary, "PartyLesson", otherOrg.A.Id, App.Time.GetUtcNow().AddDays(1));
        var admin = await App.SignInAsync(org.Admin);

        var refused = new (HttpClient Caller, int UnitId)[]
        {
            (member, org.B.Id), (member, org.B.PartyGroupId), (member, otherOrg.A.Id), (member, int.MaxValue), (member, 0), (member, -1),
            (admin, otherOrg.GeneralBranchId), (admin, otherOrg.A.Id), (admin, otherOrg.A.PartyGroupId),
        };
        foreach (var (caller, unitId) in refused)
        {
            foreach (var scope in new[] { "upcoming", "past", "mine" })
            {
                var problem = await (await caller.GetAsync($"/api/meetings?scope={scope}&unitId={unitId}")).AssertProblemAsync(HttpStatusCode.NotFound);
                Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(UnitAccess.UnitNotFound));
                Assert.That(problem.TryGetProperty("items", out _), Is.False, "nothing listed");
            }
        }
    }

    [Test]
    public async Task Returns400InChinese_WhenTheUnitIdIsNotAWholeNumber()
    {
        var (_, member) = await App.SeedSignedInAsync(branches: 1, members: 1, who: o => o.A.Members[0]);

        foreach (var unitId in new[] { "abc", "1.5", "99999999999", "1e3", "%E6%94%AF%E9%83%A8" })
        {
            var problem = await (await member.GetAsync($"/api/meetings?unitId={unitId}")).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("title").GetString(), Does.Match(@"\p{IsCJKUnifiedIdeographs}"), unitId);
            Assert.That(problem.GetProperty("detail").GetString(), Does.Match(@"\p{IsCJKUnifiedIdeographs}"), unitId);
            Assert.That(problem.TryGetProperty("items", out _), Is.False);
        }
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
