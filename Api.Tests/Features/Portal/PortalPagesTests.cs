using System.Text.Json;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Brand;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Features.Portal;

/// <summary>
/// The public portal (Api/Areas/Portal): brand pages, approved Public stories, Public notices and activities, over HTTP
/// as an anonymous browser sees them, and never anything Internal, Committee, held or withdrawn.
/// </summary>
public sealed class PortalPagesTests : MediaAppTest
{
    [Test]
    public async Task ShowsPublicContent_AndNoInternalOrCommitteeContent_OnAnyPortalPage()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (org, secretary) = await App.SeedSignedInAsync(members: 2);
        var admin = await App.SignInAsync(org.Admin);
        var member = await App.SignInAsync(org.A.Members[0]);
        var now = DateTimeOffset.UtcNow;

        (await admin.PutAsJsonAsync($"/api/org/units/{org.GeneralBranchId}/brand", new { name = $"总支品牌{tag}", slogan = $"总支口号{tag}" })).EnsureSuccessStatusCode();
        (await secretary.PutAsJsonAsync($"/api/org/units/{org.A.Id}/brand", new { name = $"支部品牌{tag}", slogan = $"支部口号{tag}", labels = new[] { $"标签{tag}" }, introduction = $"支部简介{tag}" })).EnsureSuccessStatusCode();
        var image = await secretary.UploadImageAsync();
        var publicStory = (await secretary.PostStoryAsync(BrandTestApi.Story(imageIds: [image], title: $"公开事迹{tag}"))).GetProperty("id").GetInt32();
        var internalStory = (await secretary.PostStoryAsync(BrandTestApi.Story(visibility: "Internal", title: $"党内事迹{tag}", body: $"党内事迹正文{tag}"))).GetProperty("id").GetInt32();
        var heldStory = (await member.PostStoryAsync(BrandTestApi.Story(title: $"待审事迹{tag}"))).GetProperty("id").GetInt32();
        var publicNotice = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Public", title: $"公开通知{tag}"));
        var internalNotice = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Internal", title: $"党内通知{tag}", body: $"<p>党内通知正文{tag}</p>"));
        var committeeNotice = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Committee", title: $"支委通知{tag}"));
        var generalInternal = await admin.PostNoticeAsync(NoticeTestApi.Request([org.GeneralBranchId], visibility: "Internal", title: $"总支党内通知{tag}"));
        var publicActivity = await CreateActivityAsync(secretary, org.A.Id, now, "Public", $"公开活动{tag}");
        var internalActivity = await CreateActivityAsync(secretary, org.A.Id, now, "Internal", $"党内活动{tag}");
        var committeeActivity = await CreateActivityAsync(secretary, org.A.Id, now, "Committee", $"支委活动{tag}");

        var visitor = App.CreateClient();
        var pages = await visitor.CrawlAsync([
            "/portal",
            $"/portal/units/{org.GeneralBranchId}",
            $"/portal/units/{org.A.Id}",
            $"/portal/stories?unit={org.A.Id}",
            $"/portal/notices?unit={org.A.Id}",
            $"/portal/activities?unit={org.A.Id}",
        ]);

        string[] secrets = [$"党内事迹{tag}", $"党内事迹正文{tag}", $"待审事迹{tag}", $"党内通知{tag}", $"党内通知正文{tag}", $"支委通知{tag}", $"总支党内通知{tag}", $"党内活动{tag}", $"支委活动{tag}"];
        var all = string.Join('\n', pages.Values);
        Assert.Multiple(() =>
        {
            Assert.That(pages.Keys, Does.Contain($"/portal/stories/{publicStory}").And.Contain($"/portal/notices/{publicNotice}").And.Contain($"/portal/activities/{publicActivity}"));
            Assert.That(pages[$"/portal/units/{org.A.Id}"], Does.Contain($"支部品牌{tag}").And.Contain($"支部口号{tag}").And.Contain($"标签{tag}").And.Contain($"支部简介{tag}")
                .And.Contain($"公开事迹{tag}").And.Contain($"公开通知{tag}").And.Contain($"公开活动{tag}"));
            Assert.That(pages[$"/portal/units/{org.GeneralBranchId}"], Does.Contain($"总支品牌{tag}").And.Contain($"支部品牌{tag}").And.Contain($"公开事迹{tag}"));
            foreach (var secret in secrets)
            {
                Assert.That(all, Does.Not.Contain(secret), $"{secret} leaked onto {pages.FirstOrDefault(p => p.Value.Contains(secret, StringComparison.Ordinal)).Key}");
            }
        });

        foreach (var url in new[]
        {
            $"/portal/stories/{internalStory}", $"/portal/stories/{heldStory}", $"/portal/notices/{internalNotice}", $"/portal/notices/{committeeNotice}",
            $"/portal/notices/{generalInternal}", $"/portal/activities/{internalActivity}", $"/portal/activities/{committeeActivity}", $"/portal/units/{org.A.PartyGroupId}",
        })
        {
            var missing = await visitor.PageAsync(url, HttpStatusCode.NotFound);
            Assert.That(missing.VisibleText(), Does.Contain("不存在或未公开").And.Not.Contain(tag), url);
        }
    }

    [Test]
    public async Task ShowsTheSamePublicPage_WhenTheVisitorIsASignedInCommitteeMember()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Public", title: $"公开通知{tag}"));
        await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Committee", title: $"支委通知{tag}"));

        var asSecretary = (await secretary.PageAsync($"/portal/notices?unit={org.A.Id}")).VisibleText();
        var anonymous = (await App.CreateClient().PageAsync($"/portal/notices?unit={org.A.Id}")).VisibleText();
        Assert.Multiple(() =>
        {
            Assert.That(asSecretary, Is.EqualTo(anonymous));
            Assert.That(asSecretary, Does.Contain($"公开通知{tag}").And.Not.Contain($"支委通知{tag}"));
        });
    }

    [Test]
    public async Task ShowsAStory_OnlyOnceApproved()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        var member = await App.SignInAsync(org.A.Members[0]);
        var story = (await member.PostStoryAsync(BrandTestApi.Story(title: $"投稿事迹{tag}"))).GetProperty("id").GetInt32();
        var visitor = App.CreateClient();

        await visitor.PageAsync($"/portal/stories/{story}", HttpStatusCode.NotFound);
        Assert.That((await visitor.PageAsync($"/portal/stories?unit={org.A.Id}")).VisibleText(), Does.Not.Contain($"投稿事迹{tag}"));

        (await secretary.PostAsync($"/api/stories/{story}/approve", null)).EnsureSuccessStatusCode();
        var page = await visitor.PageAsync($"/portal/stories/{story}");
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo($"投稿事迹{tag}"));
            Assert.That(page.VisibleText(), Does.Contain("义务辅导三十余次"));
        });
        Assert.That((await visitor.PageAsync($"/portal/stories?unit={org.A.Id}")).VisibleText(), Does.Contain($"投稿事迹{tag}"));
    }

    [Test]
    public async Task HasTitleDescriptionAndSharePreview_OnAStoryPage()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, secretary) = await App.SeedSignedInAsync(members: 1);
        var image = await secretary.UploadImageAsync();
        var story = (await secretary.PostStoryAsync(BrandTestApi.Story(imageIds: [image], title: $"分享事迹{tag}", body: $"正文第一段{tag}。\n正文第二段。"))).GetProperty("id").GetInt32();

        var visitor = App.CreateClient();
        var page = await visitor.PageAsync($"/portal/stories/{story}");
        var site = (await visitor.PageAsync("/portal")).QuerySelector("header .name")!.TextContent.Trim();
        var imageUrl = page.Meta("meta[property='og:image']");
        Assert.Multiple(() =>
        {
            Assert.That(page.Title, Is.EqualTo($"分享事迹{tag} - {site}"));
            Assert.That(page.Meta("meta[name='description']"), Is.EqualTo($"正文第一段{tag}。 正文第二段。"));
            Assert.That(page.Meta("meta[property='og:title']"), Is.EqualTo($"分享事迹{tag}"));
            Assert.That(page.Meta("meta[property='og:type']"), Is.EqualTo("article"));
            Assert.That(page.Meta("meta[property='og:url']"), Is.EqualTo($"http://localhost/portal/stories/{story}"));
            Assert.That(imageUrl, Is.EqualTo($"http://localhost/api/media/{image}"));
            Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("zh-CN"));
            Assert.That(page.Meta("meta[name='viewport']"), Does.Contain("width=device-width"));
            Assert.That(page.QuerySelectorAll("article .content p").Select(p => p.TextContent), Is.EqualTo(new[] { $"正文第一段{tag}。", "正文第二段。" }));
        });
        var picture = await visitor.GetAsync(new Uri(imageUrl!).PathAndQuery);
        Assert.That(picture.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the preview image is served to anyone");
    }

    [Test]
    public async Task AnswersNotModified_UntilTheContentChanges_AndAWithdrawnNoticeIsGoneAtOnce()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        var notice = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Public", title: $"将撤回的通知{tag}"));
        var visitor = App.CreateClient();
        var list = $"/portal/notices?unit={org.A.Id}";

        var first = await visitor.GetAsync(list);
        var etag = first.Headers.ETag;
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(etag, Is.Not.Null);
            Assert.That(first.Headers.CacheControl?.Public, Is.True);
            Assert.That(first.Headers.CacheControl?.MaxAge, Is.EqualTo(TimeSpan.FromSeconds(60)));
        });

        Assert.That((await ConditionalGetAsync(visitor, list, etag!)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        (await secretary.PostAsync($"/api/notices/{notice}/withdraw", null)).EnsureSuccessStatusCode();
        var after = await ConditionalGetAsync(visitor, list, etag!);
        Assert.Multiple(async () =>
        {
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.Headers.ETag, Is.Not.EqualTo(etag));
            Assert.That(await after.Content.ReadAsStringAsync(), Does.Not.Contain($"将撤回的通知{tag}"));
        });
        var gone = await visitor.GetAsync($"/portal/notices/{notice}");
        Assert.Multiple(() =>
        {
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(gone.Headers.CacheControl?.NoStore, Is.True, "a 404 is not cached, so content made public later shows at once");
        });
    }

    [Test]
    public async Task RedirectsTheSiteRoot_ToThePortal()
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/portal"));
        });
    }

    [Test]
    public async Task SaysTheAddressDoesNotExist_WhenNoPortalPageAnswersIt()
    {
        var visitor = App.CreateClient();

        foreach (var url in new[] { "/portal/stories/abc", "/portal/no-such-page" })
        {
            var response = await visitor.GetAsync(url);
            var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Multiple(() =>
            {
                Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("请求的地址不存在。"), url);
                Assert.That(response.Headers.CacheControl?.NoStore, Is.True, url);
            });
        }

        using var browser = new HttpRequestMessage(HttpMethod.Get, "/portal/no-such-page");
        browser.Headers.Accept.ParseAdd("text/html");
        var page = await visitor.SendAsync(browser);
        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), "a browser gets a page, not an empty answer");
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("请求的地址不存在。"));
        });
    }

    private static async Task<HttpResponseMessage> ConditionalGetAsync(HttpClient client, string url, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    /// <summary>Creates an activity with a title of the test's own (starts in two days, for the whole unit).</summary>
    private static async Task<int> CreateActivityAsync(HttpClient organiser, int unitId, DateTimeOffset now, string visibility, string title)
    {
        var response = await organiser.PostAsJsonAsync("/api/activities", ActivityApi.Body(unitId, now, visibility: visibility, title: title));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
