using System.Text.Json;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Features.Meetings;

public sealed class LeaveRequestTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task MarksOnLeaveTellsMemberAndStopsReminders_WhenSecretaryApproves()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var member = org.A.Members[0];
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(3))).GetProperty("id").GetInt32();
        var asked = await (await App.SignInAsync(member)).PostAsJsonAsync($"/api/meetings/{id}/leave-requests", new { reason = "出差" });
        Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await asked.Content.ReadAsStringAsync());
        var leaveId = (await asked.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();

        var approved = await secretary.PostAsJsonAsync($"/api/leave-requests/{leaveId}/approve", new { note = "注意补学" });

        Assert.That((await approved.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Approved"));
        var attendance = await (await secretary.GetAsync($"/api/meetings/{id}/attendance")).ReadAsync<JsonElement>();
        var row = attendance.GetProperty("attendees").EnumerateArray().Single(a => a.GetProperty("memberId").GetInt32() == member.Id);
        Assert.That(row.GetProperty("status").GetString(), Is.EqualTo("OnLeave"));
        Assert.That(row.GetProperty("leave").GetProperty("reason").GetString(), Is.EqualTo("出差"));
        Assert.That(attendance.GetProperty("onLeave").GetInt32(), Is.EqualTo(1));

        var told = await App.WithDbAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.SubjectType == "leave" && r.SubjectId == leaveId && r.Slot == "decision"));
        Assert.That((told.Kind, told.MemberId, told.DueAt, told.Title), Is.EqualTo((ReminderKind.LeaveDecision, member.Id, Now, "请假已批准")));
        var memberReminders = (await MeetingApi.RemindersAsync(App, id)).Where(r => r.MemberId == member.Id).ToList();
        Assert.That(memberReminders.Select(r => r.Status).Distinct(), Is.EqualTo(new[] { ReminderStatus.Cancelled }));
        var convenerTold = await App.WithDbAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.SubjectType == "leave" && r.SubjectId == leaveId && r.Slot == "requested"));
        Assert.That(convenerTold.MemberId, Is.EqualTo(org.A.Secretary.Id));
    }

    [Test]
    public async Task KeepsMemberExpectedAndTellsThem_WhenSecretaryRejects()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var member = org.A.Members[1];
        var id = (await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, Now.AddDays(3))).GetProperty("id").GetInt32();
        var leaveId = (await (await (await App.SignInAsync(member)).PostAsJsonAsync($"/api/meetings/{id}/leave-requests", new { reason = "有课" })).ReadAsync<JsonElement>()).GetProperty("id").GetInt32();

        var rejected = await secretary.PostAsJsonAsync($"/api/leave-requests/{leaveId}/reject", new { });
        var again = await secretary.PostAsJsonAsync($"/api/leave-requests/{leaveId}/approve", new { });

        Assert.That((await rejected.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Rejected"));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        var told = await App.WithDbAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.SubjectType == "leave" && r.SubjectId == leaveId && r.Slot == "decision"));
        Assert.That(told.Title, Is.EqualTo("请假未获批准"));
        var memberReminders = (await MeetingApi.RemindersAsync(App, id)).Where(r => r.MemberId == member.Id).ToList();
        Assert.That(memberReminders.Select(r => r.Status).Distinct(), Is.EqualTo(new[] { ReminderStatus.Scheduled }));
    }

    [Test]
    public async Task Returns409_WhenLeaveIsAskedAfterTheStart()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddMinutes(-10))).GetProperty("id").GetInt32();

        var response = await (await App.SignInAsync(org.A.Members[0])).PostAsJsonAsync($"/api/meetings/{id}/leave-requests", new { reason = "迟了" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(await App.WithDbAsync(db => db.LeaveRequests.CountAsync(l => l.MeetingId == id)), Is.Zero);
    }

    [Test]
    public async Task Returns409_WhenMemberAsksTwice()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(1))).GetProperty("id").GetInt32();
        var member = await App.SignInAsync(org.A.Members[0]);
        await member.PostAsJsonAsync($"/api/meetings/{id}/leave-requests", new { reason = "出差" });

        var second = await member.PostAsJsonAsync($"/api/meetings/{id}/leave-requests", new { reason = "出差" });

        await second.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Returns403_WhenMemberApprovesOwnLeave()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(1))).GetProperty("id").GetInt32();
        var member = await App.SignInAsync(org.A.Members[0]);
        var leaveId = (await (await member.PostAsJsonAsync($"/api/meetings/{id}/leave-requests", new { reason = "出差" })).ReadAsync<JsonElement>()).GetProperty("id").GetInt32();

        var response = await member.PostAsJsonAsync($"/api/leave-requests/{leaveId}/approve", new { });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Returns400_WhenReasonIsEmpty()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(1))).GetProperty("id").GetInt32();

        var response = await (await App.SignInAsync(org.A.Members[0])).PostAsJsonAsync($"/api/meetings/{id}/leave-requests", new { reason = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("reason")[0].GetString(), Is.EqualTo("请填写请假事由。"));
    }
}
