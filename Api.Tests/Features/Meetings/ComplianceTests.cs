using System.Globalization;
using System.Text.Json;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Notices;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Tests.Features.Meetings;

public sealed class ComplianceTests() : FunctionalTest(fakeTime: true)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Test]
    public async Task ListsMissingMonth_WhenQuarterHadTwoCommitteeMeetings()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        await MeetingApi.ScheduleAsync(secretary, "CommitteeMeeting", org.A.Id, new DateTimeOffset(2025, 10, 15, 14, 0, 0, China));
        await MeetingApi.ScheduleAsync(secretary, "CommitteeMeeting", org.A.Id, new DateTimeOffset(2025, 11, 20, 14, 0, 0, China));
        var cancelled = await MeetingApi.ScheduleAsync(secretary, "CommitteeMeeting", org.A.Id, new DateTimeOffset(2025, 12, 10, 14, 0, 0, China));
        await secretary.PostAsJsonAsync($"/api/meetings/{cancelled.GetProperty("id").GetInt32()}/cancel", new { });

        var report = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/compliance?from=2025-10-01&to=2025-12-31")).ReadAsync<JsonElement>();

        var branch = report.GetProperty("branches").EnumerateArray().Single();
        var committee = Row(branch, "CommitteeMeeting");
        Assert.That(committee.GetProperty("required").GetInt32(), Is.EqualTo(3));
        Assert.That(committee.GetProperty("held").GetInt32(), Is.EqualTo(2));
        Assert.That(committee.GetProperty("missing").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "2025-12" }));
        var general = Row(branch, "BranchGeneralMeeting");
        Assert.That(general.GetProperty("missing").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "2025-Q4" }));
        var group = Row(branch, "PartyGroupMeeting");
        Assert.That(group.GetProperty("unitId").GetInt32(), Is.EqualTo(org.A.PartyGroupId));
        Assert.That(group.GetProperty("required").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task UsesBranchCadence_WhenSecretaryOverridesIt()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var set = await secretary.PutAsJsonAsync($"/api/org/units/{org.A.Id}/meeting-cadences/PartyLesson", new { cadence = "Monthly" });
        var report = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/compliance?from=2025-10-01&to=2025-12-31")).ReadAsync<JsonElement>();

        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());
        var lesson = Row(report.GetProperty("branches")[0], "PartyLesson");
        Assert.That(lesson.GetProperty("cadence").GetString(), Is.EqualTo("Monthly"));
        Assert.That(lesson.GetProperty("missing").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public async Task ShowsEveryBranchAndFlagsInactive_WhenAdminAsksForGeneralBranch()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 1);
        await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(-10));
        await MeetingApi.ScheduleAsync(await App.SignInAsync(org.B.Secretary), "PartyLesson", org.B.Id, Now.AddDays(-40));

        var report = await (await (await App.SignInAsync(org.Admin)).GetAsync($"/api/org/units/{org.GeneralBranchId}/compliance")).ReadAsync<JsonElement>();

        var branches = report.GetProperty("branches").EnumerateArray().ToDictionary(b => b.GetProperty("branchId").GetInt32());
        Assert.That(branches.Keys, Is.EquivalentTo(new[] { org.A.Id, org.B.Id }));
        Assert.That(branches[org.A.Id].GetProperty("inactive").GetBoolean(), Is.False);
        Assert.That(branches[org.B.Id].GetProperty("inactive").GetBoolean(), Is.True);
        Assert.That(branches[org.B.Id].GetProperty("inactiveAfterDays").GetInt32(), Is.EqualTo(30));
    }

    [Test]
    public async Task KeepsBranchActive_WhenItPostedANoticeOrHeldAnActivityRecently()
    {
        var org = await App.SeedAsync(branches: 3, members: 1);
        await (await App.SignInAsync(org.Branches[0].Secretary)).PostNoticeAsync(NoticeTestApi.Request([org.Branches[0].Id]));
        var activity = await ActivityApi.CreateAsync(await App.SignInAsync(org.Branches[1].Secretary), org.Branches[1].PartyGroupId, Now, startsAt: Now.AddHours(1));
        App.Time!.Advance(TimeSpan.FromHours(3));

        var report = await (await (await App.SignInAsync(org.Admin)).GetAsync($"/api/org/units/{org.GeneralBranchId}/compliance")).ReadAsync<JsonElement>();

        var inactive = report.GetProperty("branches").EnumerateArray()
            .ToDictionary(b => b.GetProperty("branchId").GetInt32(), b => b.GetProperty("inactive").GetBoolean());
        Assert.That(activity, Is.Positive);
        Assert.That(inactive[org.Branches[0].Id], Is.False, "a notice counts");
        Assert.That(inactive[org.Branches[1].Id], Is.False, "an activity of one of its groups counts");
        Assert.That(inactive[org.Branches[2].Id], Is.True, "nothing at all");
    }

    [Test]
    public async Task ReportsHandComputedFigures_ForEveryBranchAndGroupOfAGeneralBranch()
    {
        // Now is Monday 2026-03-02 09:00 China time; the report is read on 2026-04-30 12:00 for March and April.
        var org = await App.SeedAsync(branches: 2, members: 1);
        var a = org.Branches[0];
        var b = org.Branches[1];
        var secretaryA = await App.SignInAsync(a.Secretary);
        var secretaryB = await App.SignInAsync(b.Secretary);
        var admin = await App.SignInAsync(org.Admin);
        Assert.That((await admin.GetAsync($"/api/org/units/{org.GeneralBranchId}/compliance")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // A second party group in branch A, added once the access cache holds the unit tree: the report reads its groups from the new tree.
        var secondGroup = await App.WithDbAsync(async db =>
        {
            var group = new OrganizationUnit("第二党小组", UnitKind.PartyGroup, await db.Units.SingleAsync(u => u.Id == a.Id));
            db.Units.Add(group);
            await db.SaveChangesAsync();
            return group.Id;
        });

        await MeetingApi.ScheduleAsync(secretaryA, "CommitteeMeeting", a.Id, At(3, 10, 14));
        await MeetingApi.ScheduleAsync(secretaryA, "PartyGroupMeeting", a.PartyGroupId, At(3, 12, 19));
        await MeetingApi.ScheduleAsync(secretaryA, "BranchGeneralMeeting", a.Id, At(4, 8, 14));
        var themed = JsonSerializer.SerializeToNode(ActivityApi.Body(secondGroup, Now, startsAt: At(4, 15, 9)), ApiClients.Json)!.AsObject();
        themed["themedPartyDay"] = true;
        Assert.That((await secretaryA.PostAsJsonAsync("/api/activities", themed)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        await secretaryB.PostNoticeAsync(NoticeTestApi.Request([b.Id]));
        var posted = Now;
        var cancelled = await MeetingApi.ScheduleAsync(secretaryB, "PartyLesson", b.Id, At(3, 20, 14));
        Assert.That((await secretaryB.PostAsJsonAsync($"/api/meetings/{cancelled.GetProperty("id").GetInt32()}/cancel", new { })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await MeetingApi.ScheduleAsync(secretaryB, "CommitteeMeeting", b.Id, At(4, 30, 20));
        App.Time!.SetUtcNow(At(4, 30, 12));

        var report = await (await admin.GetAsync($"/api/org/units/{org.GeneralBranchId}/compliance?from=2026-03-01&to=2026-04-30")).ReadAsync<JsonElement>();

        var branches = report.GetProperty("branches").EnumerateArray().ToList();
        Assert.That(branches.Select(x => x.GetProperty("branchId").GetInt32()), Is.EqualTo(new[] { a.Id, b.Id }));
        Assert.That(Figures(branches[0]), Is.EqualTo(new[]
        {
            $"BranchGeneralMeeting {a.Id} 2/1 2026-Q1",
            $"CommitteeMeeting {a.Id} 2/1 2026-04",
            $"PartyGroupMeeting {a.PartyGroupId} 2/1 2026-04",
            $"PartyGroupMeeting {secondGroup} 2/0 2026-03,2026-04",
            $"PartyLesson {a.Id} 2/0 2026-Q1,2026-Q2",
            $"ThemedPartyDay {a.Id} 2/1 2026-03",
            $"OrganizationalLifeMeeting {a.Id} 1/0 2026",
            $"MemberAppraisal {a.Id} 1/0 2026",
        }), "the group's themed activity counts for its branch in April");
        Assert.That(Figures(branches[1]), Is.EqualTo(new[]
        {
            $"BranchGeneralMeeting {b.Id} 2/0 2026-Q1,2026-Q2",
            $"CommitteeMeeting {b.Id} 2/0 2026-03,2026-04",
            $"PartyGroupMeeting {b.PartyGroupId} 2/0 2026-03,2026-04",
            $"PartyLesson {b.Id} 2/0 2026-Q1,2026-Q2",
            $"ThemedPartyDay {b.Id} 2/0 2026-03,2026-04",
            $"OrganizationalLifeMeeting {b.Id} 1/0 2026",
            $"MemberAppraisal {b.Id} 1/0 2026",
        }), "neither the cancelled lesson nor tonight's committee meeting counts");
        Assert.That(branches[0].GetProperty("lastActivityAt").GetDateTimeOffset(), Is.EqualTo(At(4, 15, 9)), "the themed activity is A's latest sign of life");
        Assert.That(branches[0].GetProperty("inactive").GetBoolean(), Is.False);
        Assert.That(branches[1].GetProperty("lastActivityAt").GetDateTimeOffset(), Is.EqualTo(posted), "only the notice");
        Assert.That(branches[1].GetProperty("inactive").GetBoolean(), Is.True, "59 days since the notice");
    }

    [Test]
    public async Task Returns404_WhenSecretaryAsksForGeneralBranchOrPlainMemberForBranch()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);

        var secretary = await (await App.SignInAsync(org.A.Secretary)).GetAsync($"/api/org/units/{org.GeneralBranchId}/compliance");
        var member = await (await App.SignInAsync(org.A.Members[0])).GetAsync($"/api/org/units/{org.A.Id}/compliance");

        await secretary.AssertProblemAsync(HttpStatusCode.NotFound);
        await member.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns400_WhenPeriodEndsBeforeItStarts()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var response = await secretary.GetAsync($"/api/org/units/{org.A.Id}/compliance?from=2025-12-01&to=2025-10-01");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, China);

    private static string[] Figures(JsonElement branch) => branch.GetProperty("rows").EnumerateArray()
        .Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.GetProperty("type").GetString()} {r.GetProperty("unitId").GetInt32()} {r.GetProperty("required").GetInt32()}/{r.GetProperty("held").GetInt32()} {string.Join(',', r.GetProperty("missing").EnumerateArray().Select(m => m.GetString()))}"))
        .ToArray();

    private static JsonElement Row(JsonElement branch, string type) =>
        branch.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("type").GetString() == type);
}
