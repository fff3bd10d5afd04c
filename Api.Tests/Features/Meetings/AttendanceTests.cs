using System.Text.Json;
using SmartBranch.Api.Common.CheckIn;

namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>Check-in, the quorum of a general meeting and its resolutions (the issue's 12 full + 3 probationary branch).</summary>
public sealed class AttendanceTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task BecomesQuorateAtSevenVoters_WhenVotersCheckIn()
    {
        var (org, secretary, id) = await GeneralMeetingAsync();
        var voters = Voters(org);
        var probationary = org.A.Members.Where(m => m.Status == SmartBranch.Domain.Organization.MembershipStatus.Probationary).ToList();

        await MeetingApi.CheckInByHandAsync(secretary, id, voters.Take(6).Concat(probationary));
        var six = await (await secretary.GetAsync($"/api/meetings/{id}/attendance")).ReadAsync<JsonElement>();
        await MeetingApi.CheckInByHandAsync(secretary, id, voters.Skip(6).Take(1));
        var seven = await (await secretary.GetAsync($"/api/meetings/{id}/attendance")).ReadAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(six.GetProperty("expected").GetInt32(), Is.EqualTo(15));
            Assert.That(six.GetProperty("voters").GetInt32(), Is.EqualTo(12));
            Assert.That(six.GetProperty("present").GetInt32(), Is.EqualTo(9));
            Assert.That(six.GetProperty("quorum").GetProperty("present").GetInt32(), Is.EqualTo(6));
            Assert.That(six.GetProperty("quorum").GetProperty("isQuorate").GetBoolean(), Is.False);
            Assert.That(seven.GetProperty("quorum").GetProperty("isQuorate").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Returns409AndRecordsNothing_WhenResolutionAtInquorateMeeting()
    {
        var (org, secretary, id) = await GeneralMeetingAsync();
        await MeetingApi.CheckInByHandAsync(secretary, id, Voters(org).Take(6));

        var response = await secretary.PostAsJsonAsync($"/api/meetings/{id}/resolutions", new { title = "接收预备党员", yes = 6, no = 0, abstain = 0 });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "resolution.not_quorate");
        Assert.That(await App.WithDbAsync(db => db.Resolutions.CountAsync(r => r.MeetingId == id)), Is.Zero);
    }

    [TestCase(7, true)]
    [TestCase(6, false)]
    public async Task PassesOnlyWithMoreThanHalfOfAllTwelveVoters_WhenMeetingIsQuorate(int yes, bool passed)
    {
        var (org, secretary, id) = await GeneralMeetingAsync();
        await MeetingApi.CheckInByHandAsync(secretary, id, Voters(org).Take(10));

        var response = await secretary.PostAsJsonAsync($"/api/meetings/{id}/resolutions", new { title = "接收预备党员", yes, no = 10 - yes, abstain = 0 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var resolution = await response.ReadAsync<JsonElement>();
        Assert.That(resolution.GetProperty("passed").GetBoolean(), Is.EqualTo(passed));
        Assert.That(resolution.GetProperty("voters").GetInt32(), Is.EqualTo(12));
        var detail = await (await secretary.GetAsync($"/api/meetings/{id}")).ReadAsync<JsonElement>();
        Assert.That(detail.GetProperty("resolutions")[0].GetProperty("passed").GetBoolean(), Is.EqualTo(passed));
    }

    // The tester's requests: counts near int.MaxValue used to wrap to a small total (2, or 2147483645 in the message).
    [TestCase(int.MaxValue, int.MaxValue, 4, "4294967298")]
    [TestCase(int.MaxValue, 0, int.MaxValue, "4294967294")]
    [TestCase(int.MaxValue, int.MaxValue, int.MaxValue, "6442450941")]
    [TestCase(6, 1, 1, "8")]
    public async Task Returns400WithTheTrueTotalAndRecordsNothing_WhenVotesExceedVotersPresent(int yes, int no, int abstain, string total)
    {
        var (org, secretary, id) = await GeneralMeetingAsync();
        await MeetingApi.CheckInByHandAsync(secretary, id, Voters(org).Take(7));

        var response = await secretary.PostAsJsonAsync($"/api/meetings/{id}/resolutions", new { title = "溢出决议", yes, no, abstain });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "resolution.too_many_votes");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo($"票数合计 {total} 超过到会有表决权的党员人数 7。"));
        Assert.That(await App.WithDbAsync(db => db.Resolutions.CountAsync(r => r.MeetingId == id)), Is.Zero);
    }

    [TestCase(-1, 0, 0, "yes")]
    [TestCase(7, int.MinValue, 0, "no")]
    [TestCase(0, 0, -3, "abstain")]
    public async Task Returns400AndRecordsNothing_WhenACountIsNegative(int yes, int no, int abstain, string field)
    {
        var (org, secretary, id) = await GeneralMeetingAsync();
        await MeetingApi.CheckInByHandAsync(secretary, id, Voters(org).Take(7));

        var response = await secretary.PostAsJsonAsync($"/api/meetings/{id}/resolutions", new { title = "负数决议", yes, no, abstain });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Is.EqualTo("票数不能为负数。"));
        Assert.That(await App.WithDbAsync(db => db.Resolutions.CountAsync(r => r.MeetingId == id)), Is.Zero);
    }

    [Test]
    public async Task ChecksInWithRotatingCode_WhenMemberScansBeforeStart()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddMinutes(20))).GetProperty("id").GetInt32();

        var code = await (await secretary.GetAsync($"/api/meetings/{id}/check-in-code")).ReadAsync<JsonElement>();
        var response = await (await App.SignInAsync(org.A.Members[0])).PostAsJsonAsync($"/api/meetings/{id}/check-in", new { code = code.GetProperty("scene").GetString() });

        Assert.That(code.GetProperty("scene").GetString(), Does.StartWith($"m={id}&t="));
        Assert.That(code.GetProperty("page").GetString(), Is.EqualTo("pages/meeting-checkin/index"));
        Assert.That(code.GetProperty("imageBase64").GetString(), Is.Not.Empty);
        Assert.That(App.Emulator.CallCount("wxa/getwxacodeunlimit"), Is.GreaterThanOrEqualTo(1));
        var attendance = await response.ReadAsync<JsonElement>();
        Assert.That(attendance.GetProperty("status").GetString(), Is.EqualTo("Present"));
    }

    [Test]
    public async Task RecordsLate_WhenMemberChecksInWithNumericCodeAfterGrace()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddMinutes(-10))).GetProperty("id").GetInt32();
        var code = await (await secretary.GetAsync($"/api/meetings/{id}/check-in-code")).ReadAsync<JsonElement>();

        var response = await (await App.SignInAsync(org.A.Members[1])).PostAsJsonAsync($"/api/meetings/{id}/check-in", new { code = code.GetProperty("numericCode").GetString() });

        Assert.That((await response.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Late"));
    }

    [Test]
    public async Task Returns400AndRecordsNothing_WhenCodeBelongsToAnotherMeeting()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddMinutes(5))).GetProperty("id").GetInt32();
        var other = CheckInCodes.Issue("m", id + 1000, CheckInCodes.NewSecret(), Now);

        var response = await (await App.SignInAsync(org.A.Members[0])).PostAsJsonAsync($"/api/meetings/{id}/check-in", new { code = other.NumericCode });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var attendance = await (await secretary.GetAsync($"/api/meetings/{id}/attendance")).ReadAsync<JsonElement>();
        Assert.That(attendance.GetProperty("present").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Returns403_WhenPlainMemberChecksSomeoneElseIn()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddMinutes(5))).GetProperty("id").GetInt32();

        var response = await (await App.SignInAsync(org.A.Members[0])).PostAsJsonAsync($"/api/meetings/{id}/attendees/{org.A.Members[1].Id}/check-in", new { });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Returns409AndRecordsNothing_WhenTheOrganiserChecksSomeoneInDaysBeforeTheMeeting_ButTakesLeave()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 3);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(2))).GetProperty("id").GetInt32();
        var path = $"/api/meetings/{id}/attendees/{org.A.Members[0].Id}/check-in";

        var checkIn = await secretary.PostAsJsonAsync(path, new { });
        var present = await secretary.PostAsJsonAsync(path, new { status = "Present" });
        var absent = await secretary.PostAsJsonAsync($"/api/meetings/{id}/attendees/{org.A.Members[1].Id}/check-in", new { status = "Absent" });
        var leave = await secretary.PostAsJsonAsync($"/api/meetings/{id}/attendees/{org.A.Members[2].Id}/check-in", new { status = "OnLeave" });

        var problem = await checkIn.AssertProblemAsync(HttpStatusCode.Conflict, "meeting.check_in_not_open");
        await present.AssertProblemAsync(HttpStatusCode.Conflict, "meeting.check_in_not_open");
        await absent.AssertProblemAsync(HttpStatusCode.Conflict, "meeting.check_in_not_open");
        Assert.That(leave.StatusCode, Is.EqualTo(HttpStatusCode.OK), await leave.Content.ReadAsStringAsync());
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("签到在会议开始前1小时开放"));
        var attendance = await (await secretary.GetAsync($"/api/meetings/{id}/attendance")).ReadAsync<JsonElement>();
        Assert.That(attendance.GetProperty("present").GetInt32(), Is.Zero);

        App.Time!.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(30));
        var inTime = await secretary.PostAsJsonAsync(path, new { });
        Assert.That(inTime.StatusCode, Is.EqualTo(HttpStatusCode.OK), await inTime.Content.ReadAsStringAsync());
    }

    private async Task<(SeededOrg Org, HttpClient Secretary, int MeetingId)> GeneralMeetingAsync()
    {
        // Branch A: secretary + 10 full + 3 probationary + the admin = 12 full and 3 probationary.
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 13, probationary: 3);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, Now.AddMinutes(30));
        return (org, secretary, meeting.GetProperty("id").GetInt32());
    }

    private static List<SeededMember> Voters(SeededOrg org) =>
        org.A.Everyone.Append(org.Admin).Where(m => m.Status == SmartBranch.Domain.Organization.MembershipStatus.Full).ToList();
}
