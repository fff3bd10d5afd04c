using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Meetings;

namespace SmartBranch.Api.Tests.Features.Interaction;

/// <summary>Polls with live results and message walls with approval, over HTTP.</summary>
public sealed class PollAndWallTests : FunctionalTest
{
    [Test]
    public async Task PollResultsAreLive_AndEachMemberVotesOnce()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 4);
        var poll = await secretary.PostOkAsync("/api/polls", new
        {
            targetKind = "Unit",
            targetId = org.A.Id,
            question = "主题党日去哪里？",
            options = new[] { "革命纪念馆", "社区服务", "红色电影" },
            multipleChoice = false,
            anonymous = false,
            closesAt = DateTimeOffset.UtcNow.AddDays(2),
        }, HttpStatusCode.Created);
        var id = poll.GetProperty("id").GetInt32();
        var options = poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToList();

        var votes = new[] { 0, 0, 1, 2 };
        for (var i = 0; i < votes.Length; i++)
        {
            var member = await App.SignInAsync(org.A.Members[i]);
            var live = await member.PostOkAsync($"/api/polls/{id}/votes", new { optionIds = new[] { options[votes[i]] } });
            Assert.That(live.GetProperty("voters").GetInt32(), Is.EqualTo(i + 1), "results update with every vote");
            Assert.That(live.GetProperty("myChoices").EnumerateArray().Single().GetInt32(), Is.EqualTo(options[votes[i]]));
            Assert.That(live.GetProperty("options")[0].GetProperty("voters").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "members see counts, not names");
        }

        var first = await App.SignInAsync(org.A.Members[0]);
        await first.PostOkAsync($"/api/polls/{id}/votes", new { optionIds = new[] { options[1] } }, HttpStatusCode.Conflict);
        await (await App.SignInAsync(org.A.Secretary)).PostOkAsync($"/api/polls/{id}/votes", new { optionIds = new[] { options[0], options[1] } }, HttpStatusCode.BadRequest);

        var results = await secretary.GetOkAsync($"/api/polls/{id}");
        Assert.That(results.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("votes").GetInt32()), Is.EqualTo(new[] { 2, 1, 1 }));
        Assert.That(results.GetProperty("options")[0].GetProperty("voters").EnumerateArray().Select(v => v.GetString()),
            Is.EquivalentTo(new[] { org.A.Members[0].Name, org.A.Members[1].Name }), "the organiser of a named poll sees who chose what");

        await secretary.PostOkAsync($"/api/polls/{id}/close", null);
        await (await App.SignInAsync(org.A.Members[3])).PostOkAsync($"/api/polls/{id}/votes", new { optionIds = new[] { options[0] } }, HttpStatusCode.Conflict);
        var listed = await first.GetOkAsync($"/api/polls?targetKind=Unit&targetId={org.A.Id}");
        Assert.That(listed.Ids(), Does.Contain(id));
        Assert.That(listed.Item(id).GetProperty("open").GetBoolean(), Is.False);
    }

    [Test]
    public async Task AnonymousMultipleChoicePollOfAMeeting_ShowsCountsOnly()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var meeting = (await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, DateTimeOffset.UtcNow.AddDays(3))).GetProperty("id").GetInt32();
        var poll = await secretary.PostOkAsync("/api/polls", new
        {
            targetKind = "Meeting",
            targetId = meeting,
            question = "下次学习哪些内容？",
            options = new[] { "党章", "条例", "党史" },
            multipleChoice = true,
            anonymous = true,
            closesAt = DateTimeOffset.UtcNow.AddDays(1),
        }, HttpStatusCode.Created);
        var id = poll.GetProperty("id").GetInt32();
        var options = poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToList();
        await (await App.SignInAsync(org.A.Members[0])).PostOkAsync($"/api/polls/{id}/votes", new { optionIds = new[] { options[0], options[2] } });
        await (await App.SignInAsync(org.A.Members[1])).PostOkAsync($"/api/polls/{id}/votes", new { optionIds = new[] { options[2] } });

        var results = await secretary.GetOkAsync($"/api/polls/{id}");
        Assert.That(results.GetProperty("voters").GetInt32(), Is.EqualTo(2));
        Assert.That(results.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("votes").GetInt32()), Is.EqualTo(new[] { 1, 0, 2 }));
        Assert.That(results.ToString(), Does.Not.Contain(org.A.Members[0].Name));
        Assert.That(results.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("voters").ValueKind), Is.All.EqualTo(System.Text.Json.JsonValueKind.Null));
        await (await App.SignInAsync(org.B.Members[0])).SendAsync(HttpMethod.Get, $"/api/polls/{id}", null, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task WallShowsApprovedMessagesOnly_WhenTheOrganiserApproves()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var activity = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow);
        var wall = await secretary.PostOkAsync("/api/walls", new { targetKind = "Activity", targetId = activity, requiresApproval = true }, HttpStatusCode.Created);
        var id = wall.GetProperty("id").GetInt32();
        await secretary.PostOkAsync("/api/walls", new { targetKind = "Activity", targetId = activity, requiresApproval = false }, HttpStatusCode.Conflict);

        var member = await App.SignInAsync(org.A.Members[0]);
        var other = await App.SignInAsync(org.A.Members[1]);
        var good = (await member.PostOkAsync($"/api/walls/{id}/messages", new { text = "不忘初心，牢记使命！" }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var bad = (await other.PostOkAsync($"/api/walls/{id}/messages", new { text = "今天的活动有点无聊" }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await member.PostOkAsync($"/api/walls/{id}/messages", new { text = "绝密★长期" }, HttpStatusCode.UnprocessableEntity);

        var before = await other.GetOkAsync($"/api/walls/{id}");
        Assert.That(before.GetProperty("messages").GetArrayLength(), Is.Zero, "nothing shows before approval");
        Assert.That(before.GetProperty("pending").GetArrayLength(), Is.Zero, "members do not see the queue");
        Assert.That(before.GetProperty("mine").EnumerateArray().Single().GetProperty("status").GetString(), Is.EqualTo("Pending"));
        Assert.That((await secretary.GetOkAsync($"/api/walls/{id}")).GetProperty("pending").GetArrayLength(), Is.EqualTo(2));

        await member.PostOkAsync($"/api/walls/{id}/messages/{good}/decision", new { approve = true }, HttpStatusCode.Forbidden);
        await secretary.PostOkAsync($"/api/walls/{id}/messages/{good}/decision", new { approve = true });
        await secretary.PostOkAsync($"/api/walls/{id}/messages/{bad}/decision", new { approve = false });
        await secretary.PostOkAsync($"/api/walls/{id}/messages/{bad}/decision", new { approve = true }, HttpStatusCode.Conflict);

        var after = await (await App.SignInAsync(org.A.Members[2])).GetOkAsync($"/api/walls?targetKind=Activity&targetId={activity}");
        var shown = after.GetProperty("messages").EnumerateArray().ToList();
        Assert.That(shown.Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "不忘初心，牢记使命！" }));
        Assert.That(shown[0].GetProperty("authorName").GetString(), Is.EqualTo(org.A.Members[0].Name));
        Assert.That((await other.GetOkAsync($"/api/walls/{id}?afterId={good}")).GetProperty("messages").GetArrayLength(), Is.Zero);

        await secretary.PostOkAsync($"/api/walls/{id}/close", null, HttpStatusCode.NoContent);
        await member.PostOkAsync($"/api/walls/{id}/messages", new { text = "再来一条" }, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task WallWithoutApprovalShowsCheckedMessagesAtOnce_ButHoldsDoubtfulOnes()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var meeting = (await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, DateTimeOffset.UtcNow.AddDays(3))).GetProperty("id").GetInt32();
        var id = (await secretary.PostOkAsync("/api/walls", new { targetKind = "Meeting", targetId = meeting, requiresApproval = false }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var doubtful = $"待审{Guid.NewGuid():N}"[..10];
        App.Emulator.AddReviewWord(doubtful);

        var member = await App.SignInAsync(org.A.Members[0]);
        var shown = await member.PostOkAsync($"/api/walls/{id}/messages", new { text = "支持！" }, HttpStatusCode.Created);
        Assert.That(shown.GetProperty("status").GetString(), Is.EqualTo("Approved"));
        var held = await member.PostOkAsync($"/api/walls/{id}/messages", new { text = $"关于{doubtful}的看法" }, HttpStatusCode.Created);
        Assert.That(held.GetProperty("status").GetString(), Is.EqualTo("Pending"));
        var view = await (await App.SignInAsync(org.A.Members[1])).GetOkAsync($"/api/walls/{id}");
        Assert.That(view.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "支持！" }));
    }

    [Test]
    public async Task WallRefusesAMessage_WhenItHasOnlyInvisibleCharacters()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var activity = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow);
        var id = (await secretary.PostOkAsync("/api/walls", new { targetKind = "Activity", targetId = activity, requiresApproval = true }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var member = await App.SignInAsync(org.A.Members[0]);

        var refused = await member.PostOkAsync($"/api/walls/{id}/messages", new { text = "\u200b\u200d\ufeff " }, HttpStatusCode.BadRequest);
        var stored = await App.WithDbAsync(db => db.WallMessages.CountAsync(m => m.WallId == id));

        Assert.Multiple(() =>
        {
            Assert.That(refused.GetProperty("errors").GetProperty("text")[0].GetString(), Is.EqualTo("请填写留言。"));
            Assert.That(stored, Is.Zero);
        });
    }
}
