using System.Text.Json;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Tests.Features.Meetings;

public sealed class ScheduleMeetingTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task ExpectsWholeBranchWithVotes_WhenGeneralMeetingForTwelveFullAndThreeProbationary()
    {
        // Branch A: secretary + 10 full + 3 probationary + the admin = 12 full and 3 probationary.
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 13, probationary: 3);

        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, Now.AddDays(3));

        Assert.Multiple(() =>
        {
            Assert.That(meeting.GetProperty("expectedCount").GetInt32(), Is.EqualTo(15));
            Assert.That(meeting.GetProperty("voterCount").GetInt32(), Is.EqualTo(12));
            Assert.That(meeting.GetProperty("quorum").GetProperty("required").GetInt32(), Is.EqualTo(7));
            Assert.That(meeting.GetProperty("quorum").GetProperty("isQuorate").GetBoolean(), Is.False);
            Assert.That(meeting.GetProperty("convener").GetProperty("id").GetInt32(), Is.EqualTo(org.A.Secretary.Id));
            Assert.That(meeting.GetProperty("visibility").GetString(), Is.EqualTo("Internal"));
        });
    }

    [Test]
    public async Task ExpectsOnlyActiveCommittee_WhenCommitteeMeeting()
    {
        var org = await App.SeedAsync(branches: 1, members: 4);
        var organizer = org.A.Members[0];
        await App.AppointAsync(organizer.Id, org.A.Id, CommitteeRole.OrganizationCommissioner, new DateOnly(2025, 1, 1));
        await App.AppointAsync(org.A.Members[1].Id, org.A.Id, CommitteeRole.PublicityCommissioner, new DateOnly(2020, 1, 1), new DateOnly(2023, 1, 1));
        var secretary = await App.SignInAsync(org.A.Secretary);

        var meeting = await MeetingApi.ScheduleAsync(secretary, "CommitteeMeeting", org.A.Id, Now.AddDays(3));
        var attendance = await (await secretary.GetAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}/attendance")).ReadAsync<JsonElement>();

        var ids = attendance.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("memberId").GetInt32());
        Assert.That(ids, Is.EquivalentTo(new[] { org.A.Secretary.Id, organizer.Id }));
        Assert.That(meeting.GetProperty("visibility").GetString(), Is.EqualTo("Committee"));
    }

    [Test]
    public async Task AdjustsAttendees_WhenOrganizerAddsAndRemovesMembers()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 3);

        var meeting = await MeetingApi.ScheduleAsync(secretary, "CommitteeMeeting", org.A.Id, Now.AddDays(3), extra: new { addMemberIds = new[] { org.A.Members[0].Id, org.A.Members[1].Id } });
        var id = meeting.GetProperty("id").GetInt32();
        var update = await secretary.PutAsJsonAsync($"/api/meetings/{id}", new
        {
            topic = "调整后",
            startsAt = Now.AddDays(3),
            endsAt = Now.AddDays(3).AddHours(2),
            place = "党员活动室",
            removeMemberIds = new[] { org.A.Members[1].Id },
        });

        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.OK), await update.Content.ReadAsStringAsync());
        var attendance = await (await secretary.GetAsync($"/api/meetings/{id}/attendance")).ReadAsync<JsonElement>();
        var ids = attendance.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("memberId").GetInt32());
        Assert.That(ids, Is.EquivalentTo(new[] { org.A.Secretary.Id, org.A.Members[0].Id }));
    }

    [Test]
    public async Task ExpectsTheGroup_WhenGroupLeaderSchedulesGroupMeeting()
    {
        var org = await App.SeedAsync(branches: 1, members: 3);
        var leader = org.A.Members[0];
        await App.AppointAsync(leader.Id, org.A.PartyGroupId, CommitteeRole.GroupLeader, new DateOnly(2025, 1, 1));

        var meeting = await MeetingApi.ScheduleAsync(await App.SignInAsync(leader), "PartyGroupMeeting", org.A.PartyGroupId, Now.AddDays(2));

        Assert.That(meeting.GetProperty("unitId").GetInt32(), Is.EqualTo(org.A.PartyGroupId));
        Assert.That(meeting.GetProperty("branchId").GetInt32(), Is.EqualTo(org.A.Id));
        Assert.That(meeting.GetProperty("expectedCount").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task Returns403_WhenPlainMemberSchedules()
    {
        var (org, member) = await App.SeedSignedInAsync(branches: 1, members: 2, who: o => o.A.Members[0]);

        var response = await member.PostAsJsonAsync("/api/meetings", MeetingApi.Body("BranchGeneralMeeting", org.A.Id, Now.AddDays(1)));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.BranchId == org.A.Id)), Is.Zero);
    }

    [Test]
    public async Task Returns404_WhenSecretarySchedulesForAnotherBranch()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 2);

        var response = await secretary.PostAsJsonAsync("/api/meetings", MeetingApi.Body("BranchGeneralMeeting", org.B.Id, Now.AddDays(1)));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // The tester's topics: control and zero-width characters only.
    [TestCase("\u0000\u200b\u0007")]
    [TestCase("\u200b\u200b")]
    [TestCase("\ufeff\t\u2060")]
    public async Task Returns400AndSchedulesNothing_WhenTheTopicHasNoVisibleCharacter(string topic)
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);

        var response = await secretary.PostAsJsonAsync("/api/meetings", MeetingApi.Body("PartyLesson", org.A.Id, Now.AddDays(1), topic));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("topic")[0].GetString(), Is.EqualTo("请填写会议主题。"));
        Assert.That(await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.BranchId == org.A.Id)), Is.Zero);
    }

    [Test]
    public async Task Returns400AndKeepsTheTopic_WhenAnEditLeavesOnlyInvisibleCharacters()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(1), "党课")).GetProperty("id").GetInt32();

        var response = await secretary.PutAsJsonAsync($"/api/meetings/{id}", new { topic = "\u200b\u0000", startsAt = Now.AddDays(1), endsAt = Now.AddDays(1).AddHours(2), place = "党员活动室" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("topic")[0].GetString(), Is.EqualTo("请填写会议主题。"));
        Assert.That(await App.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Topic).SingleAsync()), Is.EqualTo("党课"));
    }

    [Test]
    public async Task Returns400AskingToChooseFromTheBranch_WhenAnAdminOfAnotherBranchNamesNoConvener_ThenSchedulesWithThem()
    {
        // The admin is a member of branch A; branch B's meeting cannot default its convener to them.
        var (org, _) = await App.SeedSignedInAsync(branches: 2, members: 2);
        var admin = await App.SignInAsync(org.Admin);

        var unnamed = await admin.PostAsJsonAsync("/api/meetings", MeetingApi.Body("PartyLesson", org.B.Id, Now.AddDays(1), "党课"));
        var stored = await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.BranchId == org.B.Id));
        var named = await admin.PostAsJsonAsync("/api/meetings", MeetingApi.Body("PartyLesson", org.B.Id, Now.AddDays(1), "党课", new { convenerId = org.B.Secretary.Id, recorderId = org.B.Members[0].Id }));

        var problem = await unnamed.AssertProblemAsync(HttpStatusCode.BadRequest, "meeting.people_outside_branch");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("您不是该支部的党员，不能默认担任召集人和记录人，请从该支部的党员中选择召集人和记录人。"));
        Assert.That(stored, Is.Zero);
        Assert.That(named.StatusCode, Is.EqualTo(HttpStatusCode.Created), await named.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Returns400_WhenTheNamedRecorderBelongsToAnotherBranch()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 2);

        var response = await secretary.PostAsJsonAsync("/api/meetings", MeetingApi.Body("PartyLesson", org.A.Id, Now.AddDays(1), "党课", new { recorderId = org.B.Members[0].Id }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "meeting.people_outside_branch");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("召集人和记录人必须是本支部的党员。"));
    }

    [Test]
    public async Task Returns400WithChineseMessages_WhenTimesAndPlaceAreMissing()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);

        var response = await secretary.PostAsJsonAsync("/api/meetings", new
        {
            type = "PartyLesson",
            unitId = org.A.Id,
            topic = "",
            startsAt = Now.AddDays(1),
            endsAt = Now.AddDays(1).AddHours(-1),
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.GetProperty("topic")[0].GetString(), Is.EqualTo("请填写会议主题。"));
        Assert.That(errors.GetProperty("endsAt")[0].GetString(), Is.EqualTo("结束时间必须晚于开始时间。"));
        Assert.That(errors.GetProperty("place")[0].GetString(), Is.EqualTo("请填写会议地点或线上会议链接。"));
    }

    [Test]
    public async Task Returns400_WhenGroupMeetingIsScheduledForBranch()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);

        var response = await secretary.PostAsJsonAsync("/api/meetings", MeetingApi.Body("PartyGroupMeeting", org.A.Id, Now.AddDays(1)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ListsUpcomingAndHistory_WhenMemberIsExpected()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 2);
        var upcoming = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(5), "即将召开");
        var past = await MeetingApi.ScheduleAsync(secretary, "ThemedPartyDay", org.A.Id, Now.AddDays(-5), "已经召开");
        await MeetingApi.ScheduleAsync(await App.SignInAsync(org.B.Secretary), "PartyLesson", org.B.Id, Now.AddDays(5), "别的支部");
        var member = await App.SignInAsync(org.A.Members[0]);

        var upcomingList = await (await member.GetAsync("/api/meetings?scope=upcoming")).ReadAsync<JsonElement>();
        var mine = await (await member.GetAsync("/api/meetings?scope=mine")).ReadAsync<JsonElement>();

        Assert.That(upcomingList.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("topic").GetString()), Is.EqualTo(new[] { "即将召开" }));
        var history = mine.GetProperty("items").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetInt32(), m => m.GetProperty("myAttendance"));
        Assert.That(history.Keys, Is.EquivalentTo(new[] { upcoming.GetProperty("id").GetInt32(), past.GetProperty("id").GetInt32() }));
        Assert.That(history[past.GetProperty("id").GetInt32()].GetString(), Is.EqualTo("Absent"));
        Assert.That(history[upcoming.GetProperty("id").GetInt32()].ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Returns404_WhenMemberOfAnotherBranchOpensInternalMeeting()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 2);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(5));

        var response = await (await App.SignInAsync(org.B.Members[0])).GetAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task RecordsAuditEntry_WhenMeetingIsScheduled()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(5));
        var id = meeting.GetProperty("id").GetInt32();

        var entry = await App.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.TargetType == "meeting" && a.TargetId == id));

        Assert.That(entry.Action, Is.EqualTo("meeting.scheduled"));
        Assert.That(entry.ActorMemberId, Is.EqualTo(org.A.Secretary.Id));
        Assert.That(entry.UnitId, Is.EqualTo(org.A.Id));
    }
}
