using SmartBranch.Domain.Common;
using System.Text.Json;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Features.Notices;

/// <summary>Who has read and signed off, and reminding exactly those who have not.</summary>
public sealed class ReadTrackingTests : FunctionalTest
{
    /// <summary>Branch A of the org has five people: the secretary, three members and the admin.</summary>
    private static SeededMember[] Audience(SeededOrg org) => [.. org.A.Everyone, org.Admin];

    [Test]
    public async Task CommitteeSeesThreeReadTwoUnreadAndTheTwoNames_WhenThreeOfFiveOpenedIt()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 3);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var audience = Audience(org);
        Assert.That(audience, Has.Length.EqualTo(5));
        var readers = new[] { audience[1], audience[2], audience[3] };
        foreach (var reader in readers)
        {
            var client = await App.SignInAsync(reader);
            await client.GetJsonAsync($"/api/notices/{id}");
        }

        // Opening it again counts once.
        await (await App.SignInAsync(readers[0])).GetJsonAsync($"/api/notices/{id}");

        var all = await secretary.GetJsonAsync($"/api/notices/{id}/recipients");
        var figures = all.GetProperty("figures");
        Assert.Multiple(() =>
        {
            Assert.That(figures.GetProperty("audience").GetInt32(), Is.EqualTo(5));
            Assert.That(figures.GetProperty("read").GetInt32(), Is.EqualTo(3));
            Assert.That(figures.GetProperty("unread").GetInt32(), Is.EqualTo(2));
            Assert.That(figures.GetProperty("notAcked").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(all.GetProperty("members").GetArrayLength(), Is.EqualTo(5));
        });
        var unread = await secretary.GetJsonAsync($"/api/notices/{id}/recipients?state=unread");
        Assert.That(unread.GetProperty("members").Names(), Is.EquivalentTo(new[] { audience[0].Name, audience[4].Name }));
        var read = await secretary.GetJsonAsync($"/api/notices/{id}/recipients?state=read");
        Assert.That(read.GetProperty("members").Names(), Is.EquivalentTo(readers.Select(r => r.Name)));
        var detail = await secretary.GetJsonAsync($"/api/notices/{id}");
        Assert.That(detail.GetProperty("figures").GetProperty("read").GetInt32(), Is.EqualTo(4), "the secretary is in the audience: opening it is reading it");
    }

    [Test]
    public async Task RecordsTheFirstReadOnly_WhenMemberOpensTwice()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var member = await App.SignInAsync(org.A.Members[0]);
        Assert.That((await member.GetJsonAsync("/api/notices/unread-count")).GetProperty("unread").GetInt32(), Is.EqualTo(1));

        var first = (await member.GetJsonAsync($"/api/notices/{id}")).GetProperty("me").GetProperty("readAt").GetDateTimeOffset();
        var second = (await member.GetJsonAsync($"/api/notices/{id}")).GetProperty("me").GetProperty("readAt").GetDateTimeOffset();

        Assert.That(second, Is.EqualTo(first));
        Assert.That((await member.GetJsonAsync("/api/notices/unread-count")).GetProperty("unread").GetInt32(), Is.Zero);
        var item = (await member.GetJsonAsync("/api/notices")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.That(item.GetProperty("unread").GetBoolean(), Is.False);
    }

    [Test]
    public async Task CountsSignOffsAndListsWhoHasNot_WhenNoticeRequiresAck()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 3);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], requiresAck: true));
        var member = await App.SignInAsync(org.A.Members[0]);
        Assert.That((await member.GetJsonAsync("/api/notices/unread-count")).GetProperty("awaitingAck").GetInt32(), Is.EqualTo(1));

        var ack = await member.PostAsync($"/api/notices/{id}/ack", null);
        var again = await member.PostAsync($"/api/notices/{id}/ack", null);

        Assert.That(ack.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ack.Content.ReadAsStringAsync());
        Assert.That((await again.ReadAsync<JsonElement>()).GetProperty("ackedAt").GetDateTimeOffset(),
            Is.EqualTo((await ack.ReadAsync<JsonElement>()).GetProperty("ackedAt").GetDateTimeOffset()));
        var recipients = await secretary.GetJsonAsync($"/api/notices/{id}/recipients?state=unacked");
        Assert.That(recipients.GetProperty("figures").GetProperty("acked").GetInt32(), Is.EqualTo(1));
        Assert.That(recipients.GetProperty("figures").GetProperty("read").GetInt32(), Is.EqualTo(1), "signing off counts as reading");
        Assert.That(recipients.GetProperty("figures").GetProperty("notAcked").GetInt32(), Is.EqualTo(4));
        Assert.That(recipients.GetProperty("members").Names(), Does.Not.Contain(org.A.Members[0].Name).And.Contain(org.A.Members[1].Name));
        Assert.That((await member.GetJsonAsync("/api/notices/unread-count")).GetProperty("awaitingAck").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Returns409_WhenNoticeDoesNotAskForSignOff()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));

        await (await (await App.SignInAsync(org.A.Members[0])).PostAsync($"/api/notices/{id}/ack", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Returns400_WhenRecipientStateIsUnknown()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));

        await (await secretary.GetAsync($"/api/notices/{id}/recipients?state=sleeping")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task QueuesRemindersForExactlyTheUnreadMembers_WhenCommitteeReminds()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 3);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], title: "请按时参加支部党员大会"));
        var audience = Audience(org);
        await (await App.SignInAsync(audience[0])).GetJsonAsync($"/api/notices/{id}");
        await (await App.SignInAsync(audience[2])).GetJsonAsync($"/api/notices/{id}");

        var response = await secretary.PostAsync($"/api/notices/{id}/remind-unread", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadAsync<JsonElement>()).GetProperty("reminded").GetInt32(), Is.EqualTo(3));
        var reminders = await App.WithDbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectType == SubjectTypes.Notice && r.SubjectId == id).ToListAsync());
        Assert.That(reminders.Select(r => r.MemberId), Is.EquivalentTo(new[] { audience[1].Id, audience[3].Id, audience[4].Id }));
        Assert.That(reminders.Select(r => r.Kind).Distinct(), Is.EqualTo(new[] { ReminderKind.Notice }));
        Assert.That(reminders.Select(r => r.Status).Distinct(), Is.EqualTo(new[] { ReminderStatus.Scheduled }));
        Assert.That(reminders.All(r => r.Slot.StartsWith("unread-", StringComparison.Ordinal) && r.Subject == "请按时参加支部党员大会"), Is.True);
        Assert.That(await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "notice.reminded" && a.TargetId == id)), Is.EqualTo(1));
    }

    [Test]
    public async Task Returns409AndQueuesNothingMore_WhenCommitteeRemindsAgainWithinTheHour()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 2);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        Assert.That((await secretary.PostAsync($"/api/notices/{id}/remind-unread", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var again = await secretary.PostAsync($"/api/notices/{id}/remind-unread", null);

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("分钟后再提醒"));
        Assert.That(await App.WithDbAsync(db => db.Reminders.CountAsync(r => r.SubjectType == SubjectTypes.Notice && r.SubjectId == id)), Is.EqualTo(4));
    }

    [Test]
    public async Task Returns403_WhenPlainRecipientAsksForFigures()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var member = await App.SignInAsync(org.A.Members[0]);

        await (await member.GetAsync($"/api/notices/{id}/recipients")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.PostAsync($"/api/notices/{id}/remind-unread", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await App.WithDbAsync(db => db.Reminders.CountAsync(r => r.SubjectId == id && r.SubjectType == SubjectTypes.Notice)), Is.Zero);
    }
}
