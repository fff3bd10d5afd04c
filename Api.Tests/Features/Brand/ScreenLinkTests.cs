using System.Text.Json;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Features.Brand;

public sealed class ScreenLinkTests : MediaAppTest
{
    [Test]
    public async Task ShowsOnlyPublicContent_AndStopsWhenRevoked()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 2);
        (await secretary.PutAsJsonAsync($"/api/org/units/{org.A.Id}/brand", new { name = "大屏品牌", slogan = "口号" })).EnsureSuccessStatusCode();
        var image = await secretary.UploadImageAsync();
        await secretary.PostStoryAsync(BrandTestApi.Story(imageIds: [image], title: "公开的事迹"));
        await secretary.PostStoryAsync(BrandTestApi.Story(visibility: "Internal", title: "党内的事迹"));
        await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Public", title: "公开的通知"));
        await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], visibility: "Internal", title: "党内的通知"));
        var meeting = await MeetingApi.ScheduleAsync(secretary, "ThemedPartyDay", org.A.Id, DateTimeOffset.UtcNow.AddMinutes(20), "公开的主题党日", new { visibility = "Public" });
        await MeetingApi.ScheduleAsync(secretary, "CommitteeMeeting", org.A.Id, DateTimeOffset.UtcNow.AddDays(1), "内部支委会", new { visibility = "Internal" });

        var created = await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/screen-links", new { label = "党员活动室" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var link = await created.ReadAsync<JsonElement>();
        var token = link.GetProperty("token").GetString();
        Assert.That(link.GetProperty("url").GetString(), Does.EndWith($"/screen/{token}"));

        var display = App.CreateClient();
        var page = await display.GetAsync($"/screen/{token}");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("/screen/assets/screen.js"));
        Assert.That((await display.GetAsync("/screen/assets/screen.js")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var before = await display.JsonAsync($"/screen/{token}/data");
        await MeetingApi.CheckInByHandAsync(secretary, meeting.GetProperty("id").GetInt32(), [org.A.Members[0]]);
        var data = await display.JsonAsync($"/screen/{token}/data");
        var raw = data.GetRawText();
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("brand").GetProperty("name").GetString(), Is.EqualTo("大屏品牌"));
            Assert.That(raw, Does.Contain("公开的事迹").And.Contain("公开的通知").And.Contain("公开的主题党日"));
            Assert.That(raw, Does.Not.Contain("党内的事迹").And.Not.Contain("党内的通知").And.Not.Contain("内部支委会"));
            Assert.That(data.GetProperty("stories")[0].GetProperty("imageUrls")[0].GetString(), Is.EqualTo($"/api/media/{image}"));
            Assert.That(data.GetProperty("checkIns").GetProperty("today").GetInt32(), Is.EqualTo(before.GetProperty("checkIns").GetProperty("today").GetInt32() + 1));
        });

        var revoked = await secretary.DeleteAsync($"/api/screen-links/{link.GetProperty("id").GetInt32()}");
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var gone = await display.GetAsync($"/screen/{token}");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await gone.Content.ReadAsStringAsync(), Does.Contain("大屏链接无效或已被撤销"));
        Assert.That((await display.GetAsync($"/screen/{token}/data")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Returns403_WhenAPlainMemberCreatesALink()
    {
        var (org, member) = await App.SeedSignedInAsync(members: 1, who: o => o.A.Members[0]);

        var response = await member.PostAsJsonAsync($"/api/org/units/{org.A.Id}/screen-links", new { });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Returns404_WhenAnotherBranchRevokesALink()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        var link = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/screen-links", new { })).ReadAsync<JsonElement>();
        var other = await App.SignInAsync(org.B.Secretary);

        var response = await other.DeleteAsync($"/api/screen-links/{link.GetProperty("id").GetInt32()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That((await App.CreateClient().GetAsync($"/screen/{link.GetProperty("token").GetString()}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ShowsTheErrorPage_WhenTheTokenIsUnknown()
    {
        var response = await App.CreateClient().GetAsync("/screen/not-a-real-token");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
    }
}
