using System.Text.Json;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Features.Brand;

/// <summary>
/// A seeded week with known interactions, compared with figures worked out by hand from the README formula
/// (weights view 1, like 3, comment 5, share 8; half-life 7 days).
/// </summary>
public sealed class ReachTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new AppFactory(new Dictionary<string, string?> { ["Sessions:Lifetime"] = "30.00:00:00" }, fakeTime: true);

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task MatchesHandComputedFigures_ForASeededWeek()
    {
        // Branch A: secretary, 3 members and the admin = 5 members. Starts Monday 2026-03-02 09:00 China time (t0).
        var (org, secretary) = await _app.SeedSignedInAsync(members: 3);
        var m1 = await _app.SignInAsync(org.A.Members[0]);
        var m2 = await _app.SignInAsync(org.A.Members[1]);
        var m3 = await _app.SignInAsync(org.A.Members[2]);
        var admin = await _app.SignInAsync(org.Admin);
        var storyId = (await secretary.PostStoryAsync(BrandTestApi.Story(title: "传播测试事迹"))).GetProperty("id").GetInt32();
        var noticeId = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Internal", title: "传播测试通知"));

        // t0: m1 and m2 view the story (1 + 1), m1 likes it (3), m1 reads the notice (1).
        await m1.JsonAsync($"/api/stories/{storyId}");
        await m2.JsonAsync($"/api/stories/{storyId}");
        await m1.JsonAsync($"/api/stories/{storyId}");
        await m1.PostAsync($"/api/stories/{storyId}/like", null);
        await m1.JsonAsync($"/api/notices/{noticeId}");

        // t0 + 1 day: m3 comments (5), m1 shares (8), a visitor and m2 open the share (1 + 1).
        _app.Time!.Advance(TimeSpan.FromDays(1));
        (await m3.PostAsJsonAsync($"/api/stories/{storyId}/comments", new { text = "学习了！" })).EnsureSuccessStatusCode();
        var shareId = (await (await m1.PostAsJsonAsync("/api/shares", new { subjectType = "story", subjectId = storyId })).ReadAsync<JsonElement>()).GetProperty("shareId").GetString();
        (await _app.CreateClient().PostAsJsonAsync($"/api/shares/{shareId}/open", new { visitorId = "visitor-reach-1" })).EnsureSuccessStatusCode();
        (await m2.PostAsJsonAsync($"/api/shares/{shareId}/open", new { })).EnsureSuccessStatusCode();

        // Reference = now = t0 + 7 days (before the end of 2026-03-09).
        _app.Time.Advance(TimeSpan.FromDays(6));
        var reach = await secretary.JsonAsync($"/api/org/units/{org.A.Id}/reach?from=2026-03-02&to=2026-03-09");

        // Heat: t0 events (1+1+3+1 = 6) × 0.5^(7/7) = 3; t1 events (5+8+1+1 = 15) × 0.5^(6/7) = 8.28067 → 11.28.
        var total = reach.GetProperty("total");
        Assert.Multiple(() =>
        {
            Assert.That(total.GetProperty("audience").GetInt32(), Is.EqualTo(5));
            Assert.That(total.GetProperty("attention").GetInt32(), Is.EqualTo(3), "m1, m2 and the visitor");
            Assert.That(total.GetProperty("reachedMembers").GetInt32(), Is.EqualTo(2));
            Assert.That(total.GetProperty("coverage").GetDouble(), Is.EqualTo(0.4));
            Assert.That(total.GetProperty("views").GetInt32(), Is.EqualTo(5), "two story views, one notice read, two share openings");
            Assert.That(total.GetProperty("likes").GetInt32(), Is.EqualTo(1));
            Assert.That(total.GetProperty("comments").GetInt32(), Is.EqualTo(1));
            Assert.That(total.GetProperty("shares").GetInt32(), Is.EqualTo(1));
            Assert.That(total.GetProperty("shareOpens").GetInt32(), Is.EqualTo(2));
            Assert.That(total.GetProperty("memberShareOpens").GetInt32(), Is.EqualTo(1));
            Assert.That(total.GetProperty("heat").GetDouble(), Is.EqualTo(11.28));
        });

        var items = reach.GetProperty("items").EnumerateArray().ToList();
        var story = items.Single(i => i.GetProperty("type").GetString() == "story").GetProperty("figures");
        var notice = items.Single(i => i.GetProperty("type").GetString() == "notice").GetProperty("figures");
        Assert.Multiple(() =>
        {
            // Story: 2 + 3 at t0 → 2.5; 15 at t1 → 8.28067; total 10.78.
            Assert.That(story.GetProperty("attention").GetInt32(), Is.EqualTo(3));
            Assert.That(story.GetProperty("coverage").GetDouble(), Is.EqualTo(0.4));
            Assert.That(story.GetProperty("heat").GetDouble(), Is.EqualTo(10.78));
            // Notice: audience = its 5 recipients, read by m1 only.
            Assert.That(notice.GetProperty("audience").GetInt32(), Is.EqualTo(5));
            Assert.That(notice.GetProperty("attention").GetInt32(), Is.EqualTo(1));
            Assert.That(notice.GetProperty("coverage").GetDouble(), Is.EqualTo(0.2));
            Assert.That(notice.GetProperty("heat").GetDouble(), Is.EqualTo(0.5));
        });

        var days = reach.GetProperty("days").EnumerateArray().ToList();
        Assert.That(days, Has.Count.EqualTo(8));
        Assert.That(days[0].GetProperty("attention").GetInt32(), Is.EqualTo(2));
        Assert.That(days[0].GetProperty("interactions").GetInt32(), Is.EqualTo(4));
        Assert.That(days[1].GetProperty("attention").GetInt32(), Is.EqualTo(2), "the visitor and m2");
        Assert.That(days[1].GetProperty("interactions").GetInt32(), Is.EqualTo(4));
        Assert.That(days.Skip(2).All(d => d.GetProperty("interactions").GetInt32() == 0));

        // The general branch sees its branches side by side: A as above, B with nothing; the total against 5 + 4 members.
        var general = await admin.JsonAsync($"/api/org/units/{org.GeneralBranchId}/reach?from=2026-03-02&to=2026-03-09");
        var branches = general.GetProperty("branches").EnumerateArray().ToList();
        Assert.That(branches.Select(b => b.GetProperty("unitId").GetInt32()), Is.EqualTo(new[] { org.A.Id, org.B.Id }));
        Assert.That(branches[0].GetProperty("figures").GetProperty("heat").GetDouble(), Is.EqualTo(11.28));
        Assert.That(branches[1].GetProperty("figures").GetProperty("views").GetInt32(), Is.Zero);
        Assert.That(general.GetProperty("total").GetProperty("audience").GetInt32(), Is.EqualTo(9));
        Assert.That(general.GetProperty("total").GetProperty("coverage").GetDouble(), Is.EqualTo(0.2222));
    }

    [Test]
    public async Task Returns403_WhenAPlainMemberAsks()
    {
        var (org, member) = await _app.SeedSignedInAsync(members: 1, who: o => o.A.Members[0]);

        var response = await member.GetAsync($"/api/org/units/{org.A.Id}/reach");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Returns400_WhenThePeriodIsBackwards()
    {
        var (org, secretary) = await _app.SeedSignedInAsync(members: 1);

        var response = await secretary.GetAsync($"/api/org/units/{org.A.Id}/reach?from=2026-03-09&to=2026-03-02");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
