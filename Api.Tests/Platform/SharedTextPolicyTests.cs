using System.Text.Json;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Brand;
using SmartBranch.Api.Tests.Features.Meetings;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// One text policy for every text others will see: a classification marking (涉密) is refused with 422,
/// WeChat's "risky" is refused with 422, and nothing is stored; a "review" verdict on committee texts is
/// stored and noted in the audit log. One test per kind of content.
/// </summary>
public sealed class SharedTextPolicyTests() : FunctionalTest(fakeTime: true)
{
    private const string Marking = "机密★1年";

    [Test]
    public async Task Returns422AndStoresNoMeeting_WhenTheTopicCarriesAMarking()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var response = await secretary.PostAsJsonAsync("/api/meetings", MeetingApi.Body("PartyLesson", org.A.Id, Now.AddDays(2), topic: $"{Marking} 学习会议"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await MeetingsOfAsync(org.A.Id), Is.Zero);
    }

    [Test]
    public async Task Returns422AndStoresNoMeeting_WhenWeChatFindsTheAgendaRisky()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var word = RiskyWord();

        var response = await secretary.PostAsJsonAsync("/api/meetings",
            MeetingApi.Body("PartyLesson", org.A.Id, Now.AddDays(2), extra: new { agenda = $"议程：{word}" }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("内容未通过安全检测"));
        Assert.That(await MeetingsOfAsync(org.A.Id), Is.Zero);
    }

    [Test]
    public async Task Returns422AndKeepsTheMeeting_WhenAnEditPutsAMarkingInTheAgenda()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var start = Now.AddDays(2);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, start)).GetProperty("id").GetInt32();

        var response = await secretary.PutAsJsonAsync($"/api/meetings/{id}", new { topic = "改过的主题", startsAt = start, endsAt = start.AddHours(2), place = "党员活动室", agenda = $"密级：机密\n传达文件" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var stored = await App.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.That((stored.Topic, stored.Agenda), Is.EqualTo(("学习会议", (string?)null)));
    }

    [Test]
    public async Task StoresTheMeetingAndNotesTheReview_WhenWeChatAsksForReview()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var word = $"复核词{Guid.NewGuid():N}"[..10];
        App.Emulator.AddReviewWord(word);

        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(2), topic: $"学习{word}");

        var id = meeting.GetProperty("id").GetInt32();
        var audit = await App.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.TargetId == id && a.Action == "meeting.scheduled").Select(a => a.Summary).SingleAsync());
        Assert.That(audit, Does.Contain("需人工复核"));
    }

    [Test]
    public async Task Returns422AndStoresNoActivity_WhenTheTitleCarriesAMarking()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var response = await secretary.PostAsJsonAsync("/api/activities",
            ActivityApi.Body(org.A.Id, Now, title: $"【绝密】参观学习"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await ActivitiesOfAsync(org.A.Id), Is.Zero);
    }

    [Test]
    public async Task Returns422AndStoresNoActivity_WhenWeChatFindsTheTitleRisky()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var word = RiskyWord();

        var response = await secretary.PostAsJsonAsync("/api/activities",
            ActivityApi.Body(org.A.Id, Now, title: $"主题党日{word}"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await ActivitiesOfAsync(org.A.Id), Is.Zero);
    }

    [Test]
    public async Task Returns422AndKeepsTheActivity_WhenAnEditPutsAMarkingInTheDescription()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, Now);
        var body = JsonSerializer.SerializeToNode(ActivityApi.Body(org.A.Id, Now), ApiClients.Json)!.AsObject();
        body["description"] = "秘密级材料，会后收回。";

        var response = await secretary.PutAsJsonAsync($"/api/activities/{id}", body);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var stored = await App.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.That(stored.Description, Is.EqualTo("集合后统一前往。"));
    }

    [Test]
    public async Task Returns422AndStoresNoMinutes_WhenTheMinutesCarryAMarking()
    {
        var (secretary, meetingId) = await MeetingAsync();

        var response = await secretary.PutAsJsonAsync($"/api/meetings/{meetingId}/minutes", new { content = $"绝密\n会议传达了文件。", publish = true });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await App.WithDbAsync(db => db.Minutes.CountAsync(m => m.MeetingId == meetingId)), Is.Zero);
    }

    [Test]
    public async Task Returns422AndStoresNoMinutes_WhenWeChatFindsTheMinutesRisky()
    {
        var (secretary, meetingId) = await MeetingAsync();
        var word = RiskyWord();

        var response = await secretary.PutAsJsonAsync($"/api/meetings/{meetingId}/minutes", new { content = $"会议记录：{word}", publish = false });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await App.WithDbAsync(db => db.Minutes.CountAsync(m => m.MeetingId == meetingId)), Is.Zero);
    }

    [Test]
    public async Task Returns422AndStoresNoResolution_WhenTheTitleCarriesAMarking()
    {
        var (secretary, meetingId) = await MeetingAsync("BranchGeneralMeeting");

        var response = await secretary.PostAsJsonAsync($"/api/meetings/{meetingId}/resolutions", new { title = $"关于{Marking}文件的表决", yes = 1, no = 0, abstain = 0 });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await App.WithDbAsync(db => db.Resolutions.CountAsync(r => r.MeetingId == meetingId)), Is.Zero);
    }

    [Test]
    public async Task Returns422AndStoresNoResolution_WhenWeChatFindsTheTitleRisky()
    {
        var (secretary, meetingId) = await MeetingAsync("BranchGeneralMeeting");
        var word = RiskyWord();

        var response = await secretary.PostAsJsonAsync($"/api/meetings/{meetingId}/resolutions", new { title = $"表决{word}", yes = 1, no = 0, abstain = 0 });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await App.WithDbAsync(db => db.Resolutions.CountAsync(r => r.MeetingId == meetingId)), Is.Zero);
    }

    [Test]
    public async Task Returns422AndStoresNoComment_WhenTheCommentCarriesAMarking()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var story = await secretary.PostStoryAsync(BrandTestApi.Story());
        var storyId = story.GetProperty("id").GetInt32();

        var response = await (await App.SignInAsync(org.A.Members[0])).PostAsJsonAsync($"/api/stories/{storyId}/comments", new { text = $"（机密）内部材料" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await App.WithDbAsync(db => db.StoryComments.CountAsync(c => c.StoryId == storyId)), Is.Zero);
    }

    [Test]
    public async Task Returns422AndStoresNoStory_WhenTheStoryCarriesAMarking()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var response = await secretary.PostAsJsonAsync("/api/stories", BrandTestApi.Story(body: "机密★长期\n先进事迹。"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await App.WithDbAsync(db => db.Stories.CountAsync(s => s.UnitId == org.A.Id)), Is.Zero);
    }

    [Test]
    public async Task Returns422AndKeepsTheMeeting_WhenTheCancellationReasonCarriesAMarking()
    {
        var (secretary, meetingId) = await MeetingAsync();

        var response = await secretary.PostAsJsonAsync($"/api/meetings/{meetingId}/cancel", new { reason = "按【机密】文件要求暂停" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var stored = await App.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.That(stored.IsCancelled, Is.False);
        Assert.That(await App.WithDbAsync(db => db.Reminders.CountAsync(r => r.SubjectType == "meeting" && r.SubjectId == meetingId && r.Slot == "cancelled")), Is.Zero);
    }

    [Test]
    public async Task Returns422AndKeepsTheActivity_WhenWeChatFindsTheCancellationReasonRisky()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, Now);
        var word = RiskyWord();

        var response = await secretary.PostAsJsonAsync($"/api/activities/{id}/cancel", new { reason = $"因{word}取消" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var stored = await App.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.That(stored.IsCancelled, Is.False);
    }

    private string RiskyWord()
    {
        var word = $"违规词{Guid.NewGuid():N}"[..10];
        App.Emulator.AddRiskyWord(word);
        return word;
    }

    private async Task<(HttpClient Secretary, int MeetingId)> MeetingAsync(string type = "PartyLesson")
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var meeting = await MeetingApi.ScheduleAsync(secretary, type, org.A.Id, Now.AddHours(1));
        return (secretary, meeting.GetProperty("id").GetInt32());
    }

    private Task<int> MeetingsOfAsync(int branchId) => App.WithDbAsync(db => db.Meetings.CountAsync(m => m.BranchId == branchId));

    private Task<int> ActivitiesOfAsync(int unitId) => App.WithDbAsync(db => db.Activities.CountAsync(a => a.UnitId == unitId));
}
