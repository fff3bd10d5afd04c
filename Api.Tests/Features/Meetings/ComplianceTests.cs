using System.Text.Json;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Features.Meetings;

public sealed class ComplianceTests : FunctionalTest
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    protected override AppFactory CreateApp() => new(fakeTime: true);

    [Test]
    public async Task ListsMissingMonth_WhenQuarterHadTwoCommitteeMeetings()
    {
        var org = await App.SeedAsync(branches: 1, members: 2);
        var secretary = await App.SignInAsync(org.A.Secretary);
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
        var org = await App.SeedAsync(branches: 1, members: 1);
        var secretary = await App.SignInAsync(org.A.Secretary);

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
        var org = await App.SeedAsync(branches: 2, members: 1);
        await MeetingApi.ScheduleAsync(await App.SignInAsync(org.A.Secretary), "PartyLesson", org.A.Id, Now.AddDays(-10));
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
        var org = await App.SeedAsync(branches: 1, members: 1);

        var response = await (await App.SignInAsync(org.A.Secretary)).GetAsync($"/api/org/units/{org.A.Id}/compliance?from=2025-12-01&to=2025-10-01");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static JsonElement Row(JsonElement branch, string type) =>
        branch.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("type").GetString() == type);
}
