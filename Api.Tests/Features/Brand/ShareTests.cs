using System.Text.Json;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Features.Brand;

public sealed class ShareTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new AppFactory();

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task CountsDistinctOpenersAndMembers_WhenAPublicStoryIsShared()
    {
        var (org, secretary) = await _app.SeedSignedInAsync(members: 2);
        var storyId = (await secretary.PostStoryAsync(BrandTestApi.Story())).GetProperty("id").GetInt32();
        var sharer = await _app.SignInAsync(org.A.Members[0]);

        var response = await sharer.PostAsJsonAsync("/api/shares", new { subjectType = "story", subjectId = storyId });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var share = await response.ReadAsync<JsonElement>();
        var shareId = share.GetProperty("shareId").GetString()!;
        Assert.That(share.GetProperty("path").GetString(), Is.EqualTo($"pages/brand/index?story={storyId}&share={shareId}"));

        var anonymous = _app.CreateClient();
        var first = await (await anonymous.PostAsJsonAsync($"/api/shares/{shareId}/open", new { visitorId = "visitor-0001" })).ReadAsync<JsonElement>();
        var again = await (await anonymous.PostAsJsonAsync($"/api/shares/{shareId}/open", new { visitorId = "visitor-0001" })).ReadAsync<JsonElement>();
        await anonymous.PostAsJsonAsync($"/api/shares/{shareId}/open", new { visitorId = "visitor-0002" });
        var member = await _app.SignInAsync(org.B.Members[0]);
        await member.PostAsJsonAsync($"/api/shares/{shareId}/open", new { });
        await member.PostAsJsonAsync($"/api/shares/{shareId}/open", new { });
        var stranger = await _app.SignInUnboundAsync();
        await stranger.PostAsJsonAsync($"/api/shares/{shareId}/open", new { });

        Assert.That(first.GetProperty("firstOpen").GetBoolean(), Is.True);
        Assert.That(again.GetProperty("firstOpen").GetBoolean(), Is.False);
        Assert.That(first.GetProperty("subjectId").GetInt32(), Is.EqualTo(storyId));
        var opens = await _app.WithDbAsync(db => db.ShareOpens.Where(o => o.ShareId == shareId).ToListAsync());
        Assert.That(opens, Has.Count.EqualTo(4), "two visitors, one member, one unbound WeChat user");
        Assert.That(opens.Count(o => o.MemberId is not null), Is.EqualTo(1));
        var figures = await sharer.JsonAsync($"/api/shares/{shareId}");
        Assert.That(figures.GetProperty("openers").GetInt32(), Is.EqualTo(4), "two visitors, one member, one unbound WeChat user");
        Assert.That(figures.GetProperty("memberOpeners").GetInt32(), Is.EqualTo(1));
        Assert.That(figures.GetProperty("sharerName").GetString(), Is.EqualTo(org.A.Members[0].Name));
        Assert.That((await secretary.GetAsync($"/api/shares/{shareId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the committee sees it too");
        Assert.That((await member.GetAsync($"/api/shares/{shareId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an opener does not");
    }

    [Test]
    public async Task Returns400InPlainWords_WhenAVisitorWhoIsNotSignedInCannotBeTold()
    {
        var (org, secretary) = await _app.SeedSignedInAsync(members: 1);
        var storyId = (await secretary.PostStoryAsync(BrandTestApi.Story())).GetProperty("id").GetInt32();
        var shareId = (await (await (await _app.SignInAsync(org.A.Members[0])).PostAsJsonAsync("/api/shares", new { subjectType = "story", subjectId = storyId })).ReadAsync<JsonElement>())
            .GetProperty("shareId").GetString()!;

        var problem = await (await _app.CreateClient().PostAsJsonAsync($"/api/shares/{shareId}/open", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That((problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()), Is.EqualTo(("无法识别访客", "页面未能识别您的访问，请关闭后重新打开分享链接。")));
        Assert.That(await _app.WithDbAsync(db => db.ShareOpens.CountAsync(o => o.ShareId == shareId)), Is.Zero, "nothing counted");
    }

    [Test]
    public async Task Returns422_WhenTheStoryOrNoticeIsInternal()
    {
        var (org, secretary) = await _app.SeedSignedInAsync(members: 1);
        var storyId = (await secretary.PostStoryAsync(BrandTestApi.Story(visibility: "Internal"))).GetProperty("id").GetInt32();
        var noticeId = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Internal"));
        var member = await _app.SignInAsync(org.A.Members[0]);

        var story = await member.PostAsJsonAsync("/api/shares", new { subjectType = "story", subjectId = storyId });
        var notice = await member.PostAsJsonAsync("/api/shares", new { subjectType = "notice", subjectId = noticeId });

        await story.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await notice.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await _app.WithDbAsync(db => db.Shares.CountAsync(s => s.SharerMemberId == org.A.Members[0].Id)), Is.Zero);
    }

    [Test]
    public async Task Returns404_WhenTheCallerCannotReadTheStory()
    {
        var (org, secretary) = await _app.SeedSignedInAsync(members: 1);
        var storyId = (await secretary.PostStoryAsync(BrandTestApi.Story(visibility: "Internal"))).GetProperty("id").GetInt32();
        var outsider = await _app.SignInAsync(org.B.Members[0]);

        var response = await outsider.PostAsJsonAsync("/api/shares", new { subjectType = "story", subjectId = storyId });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns400_WhenAnAnonymousOpenerHasNoVisitorId()
    {
        var (org, secretary) = await _app.SeedSignedInAsync(members: 1);
        var noticeId = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Public"));
        var shareId = (await (await secretary.PostAsJsonAsync("/api/shares", new { subjectType = "notice", subjectId = noticeId })).ReadAsync<JsonElement>()).GetProperty("shareId").GetString();

        var response = await _app.CreateClient().PostAsJsonAsync($"/api/shares/{shareId}/open", new { });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
