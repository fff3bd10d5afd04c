using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Meetings;

public sealed class MinutesTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task KeepsEveryRevisionInOrder_WhenPublishedMinutesAreEdited()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var recorder = org.A.Members[0];
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddHours(-2), extra: new { recorderId = recorder.Id })).GetProperty("id").GetInt32();
        var writer = await App.SignInAsync(recorder);

        await writer.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "草稿", publish = false });
        var draftSeenByMember = await (await App.SignInAsync(org.A.Members[1])).GetAsync($"/api/meetings/{id}/minutes");
        await writer.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "第一版", publish = true });
        var revised = await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "第二版", publish = true });
        await writer.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "第三版", publish = false });

        await draftSeenByMember.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(revised.StatusCode, Is.EqualTo(HttpStatusCode.OK), await revised.Content.ReadAsStringAsync());
        var minutes = await (await (await App.SignInAsync(org.A.Members[1])).GetAsync($"/api/meetings/{id}/minutes")).ReadAsync<JsonElement>();
        Assert.That(minutes.GetProperty("content").GetString(), Is.EqualTo("第三版"));
        var revisions = minutes.GetProperty("revisions").EnumerateArray()
            .Select(r => (r.GetProperty("number").GetInt32(), r.GetProperty("content").GetString(), r.GetProperty("author").GetProperty("id").GetInt32()))
            .ToList();
        Assert.That(revisions, Is.EqualTo(new[] { (1, "第一版", recorder.Id), (2, "第二版", org.A.Secretary.Id), (3, "第三版", recorder.Id) }));
        Assert.That(await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.TargetType == "minutes" && a.TargetId == id)), Is.EqualTo(4));
    }

    [Test]
    public async Task Returns400AndKeepsThePublishedText_WhenARevisionHasOnlyInvisibleCharacters()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddHours(-2))).GetProperty("id").GetInt32();
        await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "党课记录", publish = true });

        var blank = await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "\u200b\u2060", publish = true });
        var minutes = await (await secretary.GetAsync($"/api/meetings/{id}/minutes")).ReadAsync<JsonElement>();

        Assert.That((await blank.AssertProblemAsync(HttpStatusCode.BadRequest)).GetRawText(), Does.Contain("请填写会议记录内容"));
        Assert.That(minutes.GetProperty("content").GetString(), Is.EqualTo("党课记录"));
    }

    [Test]
    public async Task Returns404_WhenPlainMemberReadsCommitteeMinutes()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = (await MeetingApi.ScheduleAsync(secretary, "CommitteeMeeting", org.A.Id, Now.AddHours(-2))).GetProperty("id").GetInt32();
        await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "支委会讨论发展对象", publish = true });

        var member = await (await App.SignInAsync(org.A.Members[0])).GetAsync($"/api/meetings/{id}/minutes");
        var own = await secretary.GetAsync($"/api/meetings/{id}/minutes");

        await member.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That((await own.ReadAsync<JsonElement>()).GetProperty("content").GetString(), Is.EqualTo("支委会讨论发展对象"));
    }

    [Test]
    public async Task Returns404_WhenMemberOfAnotherBranchReadsInternalMinutes()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddHours(-2))).GetProperty("id").GetInt32();
        await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "党课记录", publish = true });

        var outsider = await (await App.SignInAsync(org.B.Members[0])).GetAsync($"/api/meetings/{id}/minutes");
        var insider = await (await App.SignInAsync(org.A.Members[0])).GetAsync($"/api/meetings/{id}/minutes");

        await outsider.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(insider.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns403_WhenPlainMemberWritesMinutes()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddHours(-2))).GetProperty("id").GetInt32();

        var response = await (await App.SignInAsync(org.A.Members[0])).PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "x", publish = true });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await App.WithDbAsync(db => db.Minutes.CountAsync(m => m.MeetingId == id)), Is.Zero);
    }

    [Test]
    public async Task Returns409InChinese_WhenMinutesArePublishedBeforeTheMeetingStarts_ThenPublishesOnceItHasStarted()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddHours(2))).GetProperty("id").GetInt32();

        var early = await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "预先写好的记录", publish = true });
        var stored = await App.WithDbAsync(db => db.Minutes.CountAsync(m => m.MeetingId == id));
        var draft = await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "预先写好的记录", publish = false });
        App.Time!.Advance(TimeSpan.FromHours(2));
        var published = await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "会后定稿", publish = true });

        var problem = await early.AssertProblemAsync(HttpStatusCode.Conflict, "minutes.before_meeting");
        var minutes = await (await (await App.SignInAsync(org.A.Members[0])).GetAsync($"/api/meetings/{id}/minutes")).ReadAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("会议尚未开始，不能发布会议记录；可以先保存草稿，会议开始后再发布。"));
            Assert.That(stored, Is.Zero, "nothing half-written");
            Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a draft may be prepared before the meeting");
            Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(minutes.GetProperty("content").GetString(), Is.EqualTo("会后定稿"));
        });
    }
}
