namespace SmartBranch.Api.Tests.Features.Notices;

/// <summary>Internal and committee notices stay inside their audience, by every route.</summary>
public sealed class NoticeAccessTests : FunctionalTest
{
    /// <summary>Every route that names a notice, with a body where one is needed.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> RoutesFor(int id) =>
    [
        (HttpMethod.Get, $"/api/notices/{id}", null),
        (HttpMethod.Put, $"/api/notices/{id}", new { title = "改", body = "<p>改</p>", pinned = false, confirmNotClassified = true }),
        (HttpMethod.Get, $"/api/notices/{id}/revisions", null),
        (HttpMethod.Post, $"/api/notices/{id}/withdraw", null),
        (HttpMethod.Post, $"/api/notices/{id}/approve", null),
        (HttpMethod.Post, $"/api/notices/{id}/ack", null),
        (HttpMethod.Get, $"/api/notices/{id}/recipients", null),
        (HttpMethod.Get, $"/api/notices/{id}/recipients?state=unread", null),
        (HttpMethod.Post, $"/api/notices/{id}/remind-unread", null),
    ];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, (HttpMethod Method, string Path, object? Body) route) =>
        client.SendAsync(new HttpRequestMessage(route.Method, route.Path) { Content = route.Body is null ? null : JsonContent.Create(route.Body) });

    private async Task<(SeededOrg Org, int NoticeId, string Title)> InternalNoticeAsync(bool requiresAck = true)
    {
        var org = await App.SeedAsync();
        var title = $"内部{Guid.NewGuid():N}"[..14];
        var secretary = await App.SignInAsync(org.A.Secretary);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], title: title, requiresAck: requiresAck));
        return (org, id, title);
    }

    private static async Task AssertHiddenAsync(HttpClient client, int id, string title, HttpStatusCode expected)
    {
        foreach (var route in RoutesFor(id))
        {
            var response = await SendAsync(client, route);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(expected), $"{route.Method} {route.Path}: {body}");
            Assert.That(body, Does.Not.Contain(title), $"{route.Method} {route.Path}");
        }
    }

    [Test]
    public async Task EveryRouteAnswers404AndFeedAndCountsStayEmpty_WhenCallerIsAMemberOfAnotherBranch()
    {
        var (org, id, title) = await InternalNoticeAsync();
        var outsider = await App.SignInAsync(org.B.Members[0]);

        await AssertHiddenAsync(outsider, id, title, HttpStatusCode.NotFound);

        var feed = await outsider.GetJsonAsync("/api/notices?limit=50");
        Assert.That(feed.GetProperty("items").GetArrayLength(), Is.Zero, feed.ToString());
        var count = await outsider.GetJsonAsync("/api/notices/unread-count");
        Assert.That(count.GetProperty("unread").GetInt32(), Is.Zero);
        Assert.That(count.GetProperty("awaitingAck").GetInt32(), Is.Zero);
        Assert.That((await outsider.GetJsonAsync("/api/notices/pending")).GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That(await App.WithDbAsync(db => db.Notices.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()),
            Is.EqualTo(SmartBranch.Domain.Notices.NoticeStatus.Published), "nothing an outsider did changed it");
    }

    [Test]
    public async Task EveryRouteAnswers404AndFeedAndCountsStayEmpty_WhenCallerIsUnbound()
    {
        var (_, id, title) = await InternalNoticeAsync();
        var stranger = await App.SignInUnboundAsync();

        await AssertHiddenAsync(stranger, id, title, HttpStatusCode.NotFound);

        var feed = await stranger.GetAsync("/api/notices?limit=50");
        Assert.That(await feed.Content.ReadAsStringAsync(), Does.Not.Contain(title));
        Assert.That((await stranger.GetJsonAsync("/api/notices/unread-count")).GetProperty("unread").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task EveryRouteAnswers401_WhenCallerIsAnonymous()
    {
        var (_, id, title) = await InternalNoticeAsync();
        var anonymous = App.CreateClient();

        await AssertHiddenAsync(anonymous, id, title, HttpStatusCode.Unauthorized);
        foreach (var path in new[] { "/api/notices", "/api/notices/unread-count", "/api/notices/pending" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), path);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(title));
        }
    }

    [Test]
    public async Task Answers404_WhenIdDoesNotExist()
    {
        var (_, secretary) = await App.SeedSignedInAsync();

        await (await secretary.GetAsync("/api/notices/987654321")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PlainMemberOfTheBranchSeesNothing_WhenNoticeIsForTheCommittee()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var title = $"支委{Guid.NewGuid():N}"[..14];
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Committee", title: title));
        var member = await App.SignInAsync(org.A.Members[0]);

        await AssertHiddenAsync(member, id, title, HttpStatusCode.NotFound);
        Assert.That(await (await member.GetAsync("/api/notices")).Content.ReadAsStringAsync(), Does.Not.Contain(title));
    }

    [Test]
    public async Task PublicNoticeIsReadableByAnyone_WhenSignedIn()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var title = $"公开{Guid.NewGuid():N}"[..14];
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Public", title: title));
        var otherBranch = await App.SignInAsync(org.B.Members[0]);
        var stranger = await App.SignInUnboundAsync();

        var detail = await otherBranch.GetJsonAsync($"/api/notices/{id}");
        Assert.That(detail.GetProperty("title").GetString(), Is.EqualTo(title));
        Assert.That(detail.GetProperty("me").GetProperty("isRecipient").GetBoolean(), Is.False);
        Assert.That((await stranger.GetJsonAsync($"/api/notices/{id}")).GetProperty("title").GetString(), Is.EqualTo(title));
        var feed = await otherBranch.GetJsonAsync("/api/notices");
        Assert.That(feed.GetProperty("items").Names("title"), Does.Contain(title), "public notices reach the feeds of the whole general branch");

        // Reading is not managing: the other branch still may not see figures or remind anyone.
        await (await otherBranch.GetAsync($"/api/notices/{id}/recipients")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await otherBranch.PostAsync($"/api/notices/{id}/remind-unread", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await App.WithDbAsync(db => db.NoticeRecipients.CountAsync(r => r.NoticeId == id && r.FirstReadAt != null)), Is.Zero,
            "readers outside the audience are not counted");
    }

    [Test]
    public async Task AdminSeesFiguresOfABranchNotice_WhenNotInItsAudience()
    {
        var (org, id, _) = await InternalNoticeAsync();
        var adminOfB = await App.SeedAsync(); // an admin of another general branch must not
        var admin = await App.SignInAsync(org.Admin);

        var recipients = await admin.GetJsonAsync($"/api/notices/{id}/recipients");

        Assert.That(recipients.GetProperty("figures").GetProperty("audience").GetInt32(), Is.EqualTo(org.A.Everyone.Count + 1));
        await (await (await App.SignInAsync(adminOfB.Admin)).GetAsync($"/api/notices/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
