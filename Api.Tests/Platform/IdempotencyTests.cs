using System.Text.Json;
using System.Text.Json.Nodes;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Brand;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Double taps and retries: a creating write sent again with the same <c>Idempotency-Key</c> creates once and
/// answers with the first result. Runs against the real Redis and against the in-process fallback.
/// </summary>
[TestFixture(true)]
[TestFixture(false)]
public sealed class IdempotencyTests(bool redis) : SeededTest(branches: 2, members: 2)
{
    private HttpClient _secretary = null!;

    protected override AppFactory CreateApp() =>
        redis ? new AppFactory() : new AppFactory(new Dictionary<string, string?> { ["Redis:ConnectionString"] = string.Empty });

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _secretary = await App.SignInAsync(Org.A.Secretary);
    }

    private static HttpRequestMessage Post(string path, object body, string key) => new(HttpMethod.Post, path)
    {
        Content = JsonContent.Create(body, options: ApiClients.Json),
        Headers = { { "Idempotency-Key", key } },
    };

    private Task<int> NoticesTitledAsync(string title) => App.WithDbAsync(db => db.Notices.CountAsync(n => n.Title == title));

    [Test]
    public async Task ReturnsTheFirstResult_WhenANoticeIsSentAgainWithTheSameKey()
    {
        var key = Guid.NewGuid().ToString();
        var title = $"幂等通知{Guid.NewGuid():N}"[..14];
        var request = NoticeTestApi.Request(unitIds: [Org.A.Id], title: title);

        var first = await _secretary.SendAsync(Post("/api/notices", request, key));
        var again = await _secretary.SendAsync(Post("/api/notices", request, key));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(again.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(again.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(await NoticesTitledAsync(title), Is.EqualTo(1));
    }

    [Test]
    public async Task CreatesOneNotice_WhenTwoIdenticalPostsWithOneKeyArriveTogether()
    {
        var key = Guid.NewGuid().ToString();
        var title = $"并发通知{Guid.NewGuid():N}"[..14];
        var request = NoticeTestApi.Request(unitIds: [Org.A.Id], title: title);
        var other = await App.SignInAsync(Org.A.Secretary);

        var answers = await Task.WhenAll(_secretary.SendAsync(Post("/api/notices", request, key)), other.SendAsync(Post("/api/notices", request, key)));

        var statuses = answers.Select(a => a.StatusCode).OrderBy(s => s).ToList();
        Assert.That(statuses[0], Is.EqualTo(HttpStatusCode.Created));
        Assert.That(statuses[1], Is.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.Conflict));
        if (statuses[1] == HttpStatusCode.Conflict)
        {
            await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.That(await NoticesTitledAsync(title), Is.EqualTo(1));
    }

    [Test]
    public async Task Returns422_WhenTheKeyIsReusedForAnotherBody()
    {
        var key = Guid.NewGuid().ToString();
        var first = NoticeTestApi.Request(unitIds: [Org.A.Id], title: $"第一份{Guid.NewGuid():N}"[..12]);
        var secondTitle = $"第二份{Guid.NewGuid():N}"[..12];

        Assert.That((await _secretary.SendAsync(Post("/api/notices", first, key))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var reused = await _secretary.SendAsync(Post("/api/notices", NoticeTestApi.Request(unitIds: [Org.A.Id], title: secondTitle), key));

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(await NoticesTitledAsync(secondTitle), Is.Zero);
    }

    [Test]
    public async Task KeepsKeysApart_WhenTwoMembersSendTheSameKey()
    {
        var key = Guid.NewGuid().ToString();
        var title = $"各自通知{Guid.NewGuid():N}"[..14];
        var admin = await App.SignInAsync(Org.Admin);
        var request = NoticeTestApi.Request(unitIds: [Org.A.Id], title: title);

        var mine = await _secretary.SendAsync(Post("/api/notices", request, key));
        var theirs = await admin.SendAsync(Post("/api/notices", request, key));

        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(theirs.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(await NoticesTitledAsync(title), Is.EqualTo(2));
    }

    [Test]
    public async Task AcceptsTheKeyAgain_WhenTheFirstAttemptWasRefused()
    {
        var key = Guid.NewGuid().ToString();
        var title = $"重试通知{Guid.NewGuid():N}"[..14];
        var refused = JsonSerializer.SerializeToNode(NoticeTestApi.Request(unitIds: [Org.A.Id], title: title), ApiClients.Json)!.AsObject();
        refused.Remove("visibility");

        var first = await _secretary.SendAsync(Post("/api/notices", refused, key));
        var fixedUp = await _secretary.SendAsync(Post("/api/notices", NoticeTestApi.Request(unitIds: [Org.A.Id], title: title), key));

        await first.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(fixedUp.StatusCode, Is.EqualTo(HttpStatusCode.Created), await fixedUp.Content.ReadAsStringAsync());
        Assert.That(await NoticesTitledAsync(title), Is.EqualTo(1));
    }

    [Test]
    public async Task Returns400_WhenTheKeyIsTooLong()
    {
        var title = $"长键通知{Guid.NewGuid():N}"[..14];

        var response = await _secretary.SendAsync(Post("/api/notices", NoticeTestApi.Request(unitIds: [Org.A.Id], title: title), new string('k', 129)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await NoticesTitledAsync(title), Is.Zero);
    }

    [Test]
    public async Task CreatesOnce_WhenActivityMeetingOrStoryIsSentTwiceWithOneKey()
    {
        var now = DateTimeOffset.UtcNow;
        var activityTitle = $"幂等活动{Guid.NewGuid():N}"[..14];
        var activity = ActivityApi.Body(Org.A.Id, now, title: activityTitle);
        var topic = $"幂等会议{Guid.NewGuid():N}"[..14];
        var meeting = MeetingApi.Body("BranchGeneralMeeting", Org.A.Id, now.AddDays(3), topic);
        var storyTitle = $"幂等故事{Guid.NewGuid():N}"[..14];
        var story = BrandTestApi.Story(title: storyTitle, unitId: Org.A.Id);

        foreach (var (path, body) in new[] { ("/api/activities", activity), ("/api/meetings", (object)meeting), ("/api/stories", story) })
        {
            var key = Guid.NewGuid().ToString();
            var first = await _secretary.SendAsync(Post(path, body, key));
            var again = await _secretary.SendAsync(Post(path, body, key));
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"{path}: {await first.Content.ReadAsStringAsync()}");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created), path);
            Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()), path);
        }

        Assert.That(await App.WithDbAsync(db => db.Activities.CountAsync(a => a.Title == activityTitle)), Is.EqualTo(1));
        Assert.That(await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.Topic == topic)), Is.EqualTo(1));
        Assert.That(await App.WithDbAsync(db => db.Stories.CountAsync(s => s.Title == storyTitle)), Is.EqualTo(1));
    }

    [Test]
    public async Task DocumentsTheHeader_OnEveryCreatingWrite()
    {
        var document = JsonNode.Parse(await App.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        foreach (var path in new[] { "/api/notices", "/api/activities", "/api/meetings", "/api/stories" })
        {
            var parameters = document["paths"]![path]!["post"]!["parameters"]!.AsArray();
            Assert.That(parameters.Any(p => (string?)p!["name"] == "Idempotency-Key" && (string?)p["in"] == "header"), Is.True, path);
        }
    }
}
