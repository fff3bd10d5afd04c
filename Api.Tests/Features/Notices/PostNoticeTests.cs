using System.Text.Json;
using SmartBranch.Domain.Notices;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Tests.Features.Notices;

public sealed class PostNoticeTests : FunctionalTest
{
    private Task<int> NoticeCountAsync(int branchId) => App.WithDbAsync(db => db.Notices.CountAsync(n => n.UnitId == branchId));

    [Test]
    public async Task PublishesToTheWholeBranch_WhenSecretaryPostsToTheBranch()
    {
        var (org, client) = await App.SeedSignedInAsync(members: 3);

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], title: "关于开展主题党日活动的通知"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        var created = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("Published"));
        Assert.That(created.GetProperty("recipientCount").GetInt32(), Is.EqualTo(5), "secretary, three members and the admin, who sits in A");
        var id = created.GetProperty("id").GetInt32();
        var stored = await App.WithDbAsync(db => db.NoticeRecipients.Where(r => r.NoticeId == id).Select(r => r.MemberId).ToListAsync());
        Assert.That(stored, Is.EquivalentTo(org.A.Everyone.Select(m => m.Id).Append(org.Admin.Id)));
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.TargetType == "notice" && a.TargetId == id).Select(a => a.Action).ToListAsync());
        Assert.That(audit, Is.EqualTo(new[] { "notice.published" }));
        Assert.That(App.Emulator.Calls.Any(c => c.Api == "wxa/msg_sec_check" && c.ErrCode == 0), Is.True);
    }

    [Test]
    public async Task ReachesOnlyTheCommittee_WhenVisibilityIsCommittee()
    {
        var (org, client) = await App.SeedSignedInAsync(members: 3);

        var id = await client.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Committee"));

        var stored = await App.WithDbAsync(db => db.NoticeRecipients.Where(r => r.NoticeId == id).Select(r => r.MemberId).ToListAsync());
        Assert.That(stored, Is.EqualTo(new[] { org.A.Secretary.Id }));
    }

    [Test]
    public async Task ReachesEveryBranch_WhenAdminPostsToTheGeneralBranch()
    {
        var (org, client) = await App.SeedSignedInAsync(members: 2, who: o => o.Admin);

        var id = await client.PostNoticeAsync(NoticeTestApi.Request([org.GeneralBranchId]));

        var (unitId, recipients) = await App.WithDbAsync(async db => (
            await db.Notices.Where(n => n.Id == id).Select(n => n.UnitId).SingleAsync(),
            await db.NoticeRecipients.CountAsync(r => r.NoticeId == id)));
        Assert.That(unitId, Is.EqualTo(org.GeneralBranchId));
        Assert.That(recipients, Is.EqualTo(org.A.Everyone.Count + 1 + org.B.Everyone.Count), "both branches and the admin, who sits in A");
    }

    [Test]
    public async Task Returns403_WhenSecretaryPostsToAnotherBranch()
    {
        var (org, client) = await App.SeedSignedInAsync();

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.B.Id]));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await NoticeCountAsync(org.B.Id), Is.Zero);
    }

    [Test]
    public async Task Returns403_WhenPlainMemberPosts()
    {
        var (org, client) = await App.SeedSignedInAsync(who: o => o.A.Members[0]);

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id]));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await NoticeCountAsync(org.A.Id), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenPosterDoesNotConfirmNothingIsClassified()
    {
        var (org, client) = await App.SeedSignedInAsync();

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], confirmNotClassified: false));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("confirmNotClassified", out _), Is.True, problem.ToString());
        Assert.That(await NoticeCountAsync(org.A.Id), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenVisibilityIsMissing()
    {
        var (org, client) = await App.SeedSignedInAsync();

        var response = await client.PostAsJsonAsync("/api/notices", new
        {
            title = "没有级别的通知",
            body = NoticeTestApi.DefaultBody,
            audience = new { unitIds = new[] { org.A.Id } },
            confirmNotClassified = true,
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("visibility", out _), Is.True, "a forgotten level must not default to public");
        Assert.That(await NoticeCountAsync(org.A.Id), Is.Zero);
    }

    [TestCase("\u200b\u2060\ufeff")]
    [TestCase("\u200b\u0000")]
    [TestCase(" \u0007\u001b\u200b ")]
    public async Task Returns400_WhenTheTitleHasOnlyInvisibleCharacters(string title)
    {
        var (org, client) = await App.SeedSignedInAsync();

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], title: title));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("title")[0].GetString(), Is.EqualTo("请填写标题。"));
        Assert.That(await NoticeCountAsync(org.A.Id), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenTitleIsLongerThan60Characters()
    {
        var (org, client) = await App.SeedSignedInAsync();

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], title: new string('通', 61)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("title", out _), Is.True);
    }

    [Test]
    public async Task Returns400_WhenNothingIsLeftAfterSanitising()
    {
        var (org, client) = await App.SeedSignedInAsync();

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], body: "<script>alert(1)</script>"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await NoticeCountAsync(org.A.Id), Is.Zero);
    }

    [TestCase("<p>机密★</p>")]
    [TestCase("<p>绝密★1年</p><p>关于某事项的安排</p>")]
    [TestCase("<table><tr><td>密级</td><td>机密</td></tr></table><p>正文</p>")]
    [TestCase("<p><strong>秘</strong>密级文件，请勿外传</p>")]
    public async Task Returns422AndStoresNothing_WhenBodyCarriesAClassificationMarking(string body)
    {
        var (org, client) = await App.SeedSignedInAsync();
        var checksBefore = App.Emulator.CallCount("wxa/msg_sec_check");

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], body: body));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("涉密").And.Contain("请删除涉密内容"));
        Assert.That(await NoticeCountAsync(org.A.Id), Is.Zero);
        Assert.That(App.Emulator.CallCount("wxa/msg_sec_check"), Is.EqualTo(checksBefore), "classified text is never sent anywhere");
    }

    [Test]
    public async Task Returns422_WhenTitleCarriesAClassificationMarking()
    {
        var (org, client) = await App.SeedSignedInAsync();

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], title: "【机密】人事安排"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await NoticeCountAsync(org.A.Id), Is.Zero);
    }

    [Test]
    public async Task Publishes_WhenSecrecyWordsAreOrdinaryWords()
    {
        var (org, client) = await App.SeedSignedInAsync();

        var id = await client.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], title: "关于加强保密工作的通知",
            body: "<p>做好保密工作，严守党的秘密。党员之间没有秘密可言，机密文件管理培训周五举行。</p>"));

        Assert.That(await App.WithDbAsync(db => db.Notices.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()), Is.EqualTo(NoticeStatus.Published));
    }

    [Test]
    public async Task Returns422AndStoresNothing_WhenWeChatSaysRisky()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var word = $"风险{Guid.NewGuid():N}"[..12];
        App.Emulator.AddRiskyWord(word);
        var client = secretary;

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], body: $"<p>这里有{word}内容</p>"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("内容安全检测"));
        Assert.That(await NoticeCountAsync(org.A.Id), Is.Zero);
    }

    [Test]
    public async Task HoldsUntilAnotherCommitteeMemberApproves_WhenWeChatAsksForReview()
    {
        var org = await App.SeedAsync(members: 3);
        var organizer = org.A.Members[0];
        await App.AppointAsync(organizer.Id, org.A.Id, CommitteeRole.OrganizationCommissioner);
        var word = $"待审{Guid.NewGuid():N}"[..12];
        App.Emulator.AddReviewWord(word);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var member = await App.SignInAsync(org.A.Members[1]);

        var response = await secretary.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], body: $"<p>{word}</p>"));

        var created = await response.ReadAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("PendingApproval"));
        Assert.That(created.GetProperty("holdReason").GetString(), Is.EqualTo("ContentReview"));
        var id = created.GetProperty("id").GetInt32();
        await (await member.GetAsync($"/api/notices/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That((await member.GetJsonAsync("/api/notices")).GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetInt32() == id), Is.False);

        var own = await secretary.PostAsync($"/api/notices/{id}/approve", null);
        await own.AssertProblemAsync(HttpStatusCode.Forbidden);
        var byMember = await member.PostAsync($"/api/notices/{id}/approve", null);
        await byMember.AssertProblemAsync(HttpStatusCode.NotFound);

        var organizerClient = await App.SignInAsync(organizer);
        var pending = await organizerClient.GetJsonAsync("/api/notices/pending");
        Assert.That(pending.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id).GetProperty("canApprove").GetBoolean(), Is.True);
        var approved = await organizerClient.PostAsync($"/api/notices/{id}/approve", null);

        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
        Assert.That((await approved.ReadAsync<JsonElement>()).GetProperty("recipientCount").GetInt32(), Is.EqualTo(5));
        var detail = await member.GetJsonAsync($"/api/notices/{id}");
        Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("Published"));
    }

    [Test]
    public async Task AdminMayApprove_WhenWeChatAsksForReview()
    {
        var org = await App.SeedAsync();
        var word = $"复核{Guid.NewGuid():N}"[..12];
        App.Emulator.AddReviewWord(word);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], title: $"{word}通知"));

        var approved = await (await App.SignInAsync(org.Admin)).PostAsync($"/api/notices/{id}/approve", null);

        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await App.WithDbAsync(db => db.Notices.Where(n => n.Id == id).Select(n => n.ApprovedByMemberId).SingleAsync()), Is.EqualTo(org.Admin.Id));
    }

    [Test]
    public async Task PublishesOnceWithOneAudience_WhenTwoApproversApproveAtTheSameMoment()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 3);
        var organizer = org.A.Members[0];
        await App.AppointAsync(organizer.Id, org.A.Id, CommitteeRole.OrganizationCommissioner);
        App.Emulator.FailNext("wxa/msg_sec_check", WeChatErrorCodes.UserVisitTimedOut);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var approvers = new[] { await App.SignInAsync(organizer), await App.SignInAsync(org.Admin) };

        var responses = await Task.WhenAll(approvers.Select(a => a.PostAsync($"/api/notices/{id}/approve", null)));

        Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.That(await App.WithDbAsync(db => db.NoticeRecipients.CountAsync(r => r.NoticeId == id)), Is.EqualTo(5));
        Assert.That(await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "notice.approved" && a.TargetId == id)), Is.EqualTo(1));
    }

    [TestCase(WeChatErrorCodes.Busy, 3)]
    [TestCase(WeChatErrorCodes.UserVisitTimedOut, 1)]
    [TestCase(40003, 1)]
    public async Task HoldsForApproval_WhenTheTextCheckCannotBeDone(int errCode, int times)
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var member = await App.SignInAsync(org.A.Members[0]);
        App.Emulator.FailNext("wxa/msg_sec_check", errCode, times);

        var response = await secretary.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id]));

        var created = await response.ReadAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("PendingApproval"));
        Assert.That(created.GetProperty("holdReason").GetString(), Is.EqualTo("CheckUnavailable"));
        await (await member.GetAsync($"/api/notices/{created.GetProperty("id").GetInt32()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That((await member.GetJsonAsync("/api/notices/unread-count")).GetProperty("unread").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task EmulatorControlRouteMarksWordsForReview_WhenToldOverHttp()
    {
        var org = await App.SeedAsync();
        var word = $"控制{Guid.NewGuid():N}"[..12];
        using var emulator = new HttpClient { BaseAddress = App.Emulator.BaseAddress };
        var told = await emulator.PostAsJsonAsync("/__emulator/security/words", new { word, suggest = "review" });
        Assert.That(told.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var secretary = await App.SignInAsync(org.A.Secretary);

        var response = await secretary.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], body: $"<p>{word}</p>"));

        Assert.That((await response.ReadAsync<JsonElement>()).GetProperty("holdReason").GetString(), Is.EqualTo("ContentReview"));
    }
}
