using SmartBranch.Domain.Common;
using System.Text.Json;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Features.Notices;

public sealed class EditAndWithdrawNoticeTests : FunctionalTest
{
    private static object Edit(string title, string body, bool confirm = true) => new { title, body, pinned = false, confirmNotClassified = confirm };

    [Test]
    public async Task KeepsTheEarlierTextAndShowsEdited_WhenCommitteeEdits()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], title: "原标题", body: "<p>周五下午两点开会</p>"));

        var response = await secretary.PutAsJsonAsync($"/api/notices/{id}", Edit("新标题", "<p>周五下午三点开会</p>"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var member = await App.SignInAsync(org.A.Members[0]);
        var detail = await member.GetJsonAsync($"/api/notices/{id}");
        Assert.That(detail.GetProperty("title").GetString(), Is.EqualTo("新标题"));
        Assert.That(detail.GetProperty("body").GetString(), Does.Contain("三点"));
        Assert.That(detail.GetProperty("edited").GetBoolean(), Is.True);
        Assert.That(detail.GetProperty("version").GetInt32(), Is.EqualTo(2));
        var feedItem = (await member.GetJsonAsync("/api/notices")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.That(feedItem.GetProperty("edited").GetBoolean(), Is.True);
        var revisions = await member.GetJsonAsync($"/api/notices/{id}/revisions");
        var revision = revisions.GetProperty("revisions").EnumerateArray().Single();
        Assert.That(revision.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(revision.GetProperty("title").GetString(), Is.EqualTo("原标题"));
        Assert.That(revision.GetProperty("body").GetString(), Does.Contain("两点"));
        Assert.That(await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "notice.edited" && a.TargetId == id)), Is.EqualTo(1));
    }

    [Test]
    public async Task Returns422AndKeepsTheText_WhenEditAddsAClassificationMarking()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], title: "原标题"));

        var response = await secretary.PutAsJsonAsync($"/api/notices/{id}", Edit("原标题", "<p>绝密★1年</p>"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await App.WithDbAsync(db => db.NoticeRevisions.CountAsync(r => r.NoticeId == id)), Is.Zero);
        Assert.That(await App.WithDbAsync(db => db.Notices.Where(n => n.Id == id).Select(n => n.Body).SingleAsync()), Does.Not.Contain("绝密"));
    }

    [Test]
    public async Task HoldsTheNewText_WhenEditNeedsReview()
    {
        var org = await App.SeedAsync();
        var word = $"改审{Guid.NewGuid():N}"[..12];
        App.Emulator.AddReviewWord(word);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));

        var response = await secretary.PutAsJsonAsync($"/api/notices/{id}", Edit("改后", $"<p>{word}</p>"));

        Assert.That((await response.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("PendingApproval"));
        await (await (await App.SignInAsync(org.A.Members[0])).GetAsync($"/api/notices/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var approved = await (await App.SignInAsync(org.Admin)).PostAsync($"/api/notices/{id}/approve", null);
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await App.WithDbAsync(db => db.NoticeRecipients.CountAsync(r => r.NoticeId == id)), Is.EqualTo(org.A.Everyone.Count + 1), "the audience fixed at publication is kept");
    }

    [Test]
    public async Task Returns403_WhenPlainRecipientEdits()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));

        var response = await (await App.SignInAsync(org.A.Members[0])).PutAsJsonAsync($"/api/notices/{id}", Edit("改", "<p>改</p>"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task HidesFromFeedsAndCountsAndCancelsReminders_WhenWithdrawn()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], requiresAck: true));
        await secretary.PostAsync($"/api/notices/{id}/remind-unread", null);
        var member = await App.SignInAsync(org.A.Members[0]);
        Assert.That((await member.GetJsonAsync("/api/notices/unread-count")).GetProperty("unread").GetInt32(), Is.EqualTo(1));

        var response = await secretary.PostAsync($"/api/notices/{id}/withdraw", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await member.GetJsonAsync("/api/notices")).GetProperty("items").GetArrayLength(), Is.Zero);
        var count = await member.GetJsonAsync("/api/notices/unread-count");
        Assert.That(count.GetProperty("unread").GetInt32(), Is.Zero);
        Assert.That(count.GetProperty("awaitingAck").GetInt32(), Is.Zero);
        await (await member.GetAsync($"/api/notices/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That((await secretary.GetJsonAsync($"/api/notices/{id}")).GetProperty("status").GetString(), Is.EqualTo("Withdrawn"), "kept for the record");
        var statuses = await App.WithDbAsync(db => db.Reminders.Where(r => r.SubjectType == SubjectTypes.Notice && r.SubjectId == id).Select(r => r.Status).Distinct().ToListAsync());
        Assert.That(statuses, Is.EqualTo(new[] { ReminderStatus.Cancelled }));
        await (await secretary.PostAsync($"/api/notices/{id}/withdraw", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await secretary.PostAsync($"/api/notices/{id}/remind-unread", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
