using System.Text.Json;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Tests.Features.Transfers;

/// <summary>A transfer between two branches of the installation, over HTTP, with the reminders it sends.</summary>
public sealed class InsideTransferTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task MovesMemberWithHistory_WhenSendingApprovesAndReceivingAccepts()
    {
        var (org, secretaryA) = await App.SeedSignedInAsync(branches: 2, members: 3);
        var mover = org.A.Members[0];
        var secretaryB = await App.SignInAsync(org.B.Secretary);
        var member = await App.SignInAsync(mover);

        // History before the move: a meeting of branch A the member attended.
        var past = await MeetingApi.ScheduleAsync(secretaryA, "BranchGeneralMeeting", org.A.Id, Now.AddHours(1));
        App.Time!.Advance(TimeSpan.FromHours(1));
        await MeetingApi.CheckInByHandAsync(secretaryA, past.GetProperty("id").GetInt32(), [mover]);

        var requested = await member.PostAsJsonAsync("/api/transfers", new { kind = "Inside", toBranchId = org.B.Id, reason = "工作调动" });
        Assert.That(requested.StatusCode, Is.EqualTo(HttpStatusCode.Created), await requested.Content.ReadAsStringAsync());
        var transfer = await requested.ReadAsync<JsonElement>();
        var id = transfer.GetProperty("id").GetInt32();

        var listA = await (await secretaryA.GetAsync("/api/transfers?open=true")).ReadAsync<JsonElement>();
        var tooEarly = await secretaryB.PostAsync($"/api/transfers/{id}/accept", null);
        var wrongSide = await secretaryB.PostAsJsonAsync($"/api/transfers/{id}/approve", new { duesPaidUpTo = "2026-02" });
        var approved = await secretaryA.PostAsJsonAsync($"/api/transfers/{id}/approve", new { duesPaidUpTo = "2026-02" });
        var asB = await (await secretaryB.GetAsync($"/api/transfers/{id}")).ReadAsync<JsonElement>();
        var accepted = await secretaryB.PostAsync($"/api/transfers/{id}/accept", null);
        var seen = await (await member.GetAsync($"/api/transfers/{id}")).ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(transfer.GetProperty("state").GetString(), Is.EqualTo("Requested"));
            Assert.That(transfer.GetProperty("waitingFor").GetString(), Is.EqualTo("SendingBranch"));
            var inList = listA.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == id);
            Assert.That(inList.GetProperty("canApprove").GetBoolean(), Is.True);
            await tooEarly.AssertProblemAsync(HttpStatusCode.Conflict);
            await wrongSide.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
            Assert.That(asB.GetProperty("waitingFor").GetString(), Is.EqualTo("ReceivingBranch"));
            Assert.That(asB.GetProperty("canAccept").GetBoolean(), Is.True);
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await accepted.Content.ReadAsStringAsync());
            Assert.That(seen.GetProperty("state").GetString(), Is.EqualTo("Accepted"));
            Assert.That(seen.GetProperty("duesPaidUpTo").GetString(), Is.EqualTo("2026-02"));
        });

        // Whoever had to act was reminded: A's secretary to approve, B's to accept, the member of the outcome.
        var reminders = await App.WithDbAsync(db => db.Reminders.Where(r => r.SubjectType == SubjectTypes.Transfer && r.SubjectId == id).Select(r => new { r.Slot, r.MemberId }).ToListAsync());
        Assert.That(reminders.Select(r => (r.Slot, r.MemberId)), Is.EquivalentTo(new[] { ("Requested", org.A.Secretary.Id), ("Approved", org.B.Secretary.Id), ("Accepted", mover.Id) }));

        // Now branch B counts the member and branch A does not: meeting attendees (quorum) and notice audiences.
        var meetingA = await MeetingApi.ScheduleAsync(secretaryA, "BranchGeneralMeeting", org.A.Id, Now.AddDays(2));
        var meetingB = await MeetingApi.ScheduleAsync(secretaryB, "BranchGeneralMeeting", org.B.Id, Now.AddDays(2));
        var attendeesA = await AttendeeIdsAsync(secretaryA, meetingA.GetProperty("id").GetInt32());
        var attendeesB = await AttendeeIdsAsync(secretaryB, meetingB.GetProperty("id").GetInt32());
        var notice = await secretaryA.PostAsJsonAsync("/api/notices", new { title = "支部通知", body = "请按时参加。", visibility = "Internal", confirmNotClassified = true, audience = new { unitIds = new[] { org.A.Id } }, requiresAck = false, pinned = false });
        Assert.That(notice.StatusCode, Is.EqualTo(HttpStatusCode.Created), await notice.Content.ReadAsStringAsync());
        var noticeId = (await notice.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
        var recipients = await App.WithDbAsync(db => db.NoticeRecipients.Where(r => r.NoticeId == noticeId).Select(r => r.MemberId).ToListAsync());
        var history = await App.WithDbAsync(db => db.MeetingAttendees.Where(a => a.MemberId == mover.Id).Select(a => new { a.MeetingId, a.CheckedInAt }).ToListAsync());
        var branch = await App.WithDbAsync(db => db.Members.Where(m => m.Id == mover.Id).Select(m => m.BranchId).SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That(branch, Is.EqualTo(org.B.Id));
            Assert.That(attendeesA, Does.Not.Contain(mover.Id));
            Assert.That(attendeesB, Does.Contain(mover.Id));
            Assert.That(recipients, Does.Not.Contain(mover.Id));
            Assert.That(history.Single(h => h.MeetingId == past.GetProperty("id").GetInt32()).CheckedInAt, Is.Not.Null, "the meeting history stays theirs");
        });
    }

    [Test]
    public async Task KeepsMemberInBranch_WhenReceivingBranchReturnsTransfer()
    {
        var (org, secretaryA) = await App.SeedSignedInAsync(branches: 2, members: 1);
        var secretaryB = await App.SignInAsync(org.B.Secretary);
        var created = await (await secretaryA.PostAsJsonAsync("/api/transfers", new { memberId = org.A.Members[0].Id, kind = "Inside", toBranchId = org.B.Id })).ReadAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        await secretaryA.PostAsJsonAsync($"/api/transfers/{id}/approve", new { });

        var returned = await secretaryB.PostAsJsonAsync($"/api/transfers/{id}/return", new { reason = "本支部不接收该专业学生" });
        var stranger = await (await App.SignInAsync(org.B.Members[0])).GetAsync($"/api/transfers/{id}");

        Assert.That(returned.StatusCode, Is.EqualTo(HttpStatusCode.OK), await returned.Content.ReadAsStringAsync());
        var body = await returned.ReadAsync<JsonElement>();
        Assert.Multiple(async () =>
        {
            Assert.That(body.GetProperty("state").GetString(), Is.EqualTo("Returned"));
            Assert.That(body.GetProperty("returnReason").GetString(), Is.EqualTo("本支部不接收该专业学生"));
            Assert.That(await App.WithDbAsync(db => db.Members.Where(m => m.Id == org.A.Members[0].Id).Select(m => m.BranchId).SingleAsync()), Is.EqualTo(org.A.Id));
            await stranger.AssertProblemAsync(HttpStatusCode.NotFound);
        });
    }

    private static async Task<IReadOnlyList<int>> AttendeeIdsAsync(HttpClient client, int meetingId)
    {
        var attendance = await (await client.GetAsync($"/api/meetings/{meetingId}/attendance")).ReadAsync<JsonElement>();
        return attendance.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("memberId").GetInt32()).ToList();
    }
}
