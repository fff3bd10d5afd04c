using System.Text.Json;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Tests.Features.Brand;

public sealed class StoryTests : MediaAppTest
{
    [Test]
    public async Task SubmissionIsInvisibleToOthers_UntilTheCommitteeApproves()
    {
        var (org, author) = await App.SeedSignedInAsync(members: 2, who: o => o.A.Members[0]);
        var colleague = await App.SignInAsync(org.A.Members[1]);
        var secretary = await App.SignInAsync(org.A.Secretary);

        var created = await author.PostStoryAsync(BrandTestApi.Story(visibility: "Internal", title: "投稿的事迹"));
        var id = created.GetProperty("id").GetInt32();

        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("PendingApproval"));
        Assert.That((await colleague.GetAsync($"/api/stories/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var feed = await colleague.JsonAsync($"/api/stories?unitId={org.A.Id}");
        Assert.That(feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()), Does.Not.Contain(id));
        var queue = await secretary.JsonAsync("/api/stories?status=pending");
        Assert.That(queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()), Does.Contain(id));
        Assert.That((await author.JsonAsync($"/api/stories/{id}")).GetProperty("status").GetString(), Is.EqualTo("PendingApproval"), "the author sees their own submission");

        var approved = await secretary.PostAsync($"/api/stories/{id}/approve", null);

        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
        var seen = await colleague.JsonAsync($"/api/stories/{id}");
        Assert.That(seen.GetProperty("title").GetString(), Is.EqualTo("投稿的事迹"));
        var outsider = await App.SignInAsync(org.B.Members[0]);
        Assert.That((await outsider.GetAsync($"/api/stories/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "internal: other branches never see it");
    }

    [Test]
    public async Task PublishesAtOnce_WhenThePublicityMemberPosts()
    {
        var org = await App.SeedAsync(members: 2);
        var publicity = org.A.Members[0];
        await App.AppointAsync(publicity.Id, org.A.Id, CommitteeRole.PublicityCommissioner);
        var client = await App.SignInAsync(publicity);
        var image = await client.UploadImageAsync();

        var created = await client.PostStoryAsync(BrandTestApi.Story(imageIds: [image]));

        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("Published"));
        var other = await App.SignInAsync(org.B.Members[0]);
        var story = await other.JsonAsync($"/api/stories/{created.GetProperty("id").GetInt32()}");
        Assert.That(story.GetProperty("imageUrls")[0].GetString(), Is.EqualTo($"/api/media/{image}"));
        Assert.That(story.GetProperty("canShare").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Returns422AndStoresNothing_WhenTheTextIsRisky()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        App.Emulator.AddRiskyWord("违规事迹词");
        var client = secretary;

        var response = await client.PostAsJsonAsync("/api/stories", BrandTestApi.Story(body: "这里有违规事迹词。"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("内容未通过安全检测"));
        Assert.That(await App.WithDbAsync(db => db.Stories.CountAsync(s => s.UnitId == org.A.Id)), Is.Zero);
    }

    [Test]
    public async Task HoldsForApproval_WhenTheCheckAsksForReview()
    {
        var (_, secretary) = await App.SeedSignedInAsync(members: 1);
        App.Emulator.AddReviewWord("待复核事迹词");
        var client = secretary;

        var created = await client.PostStoryAsync(BrandTestApi.Story(body: "待复核事迹词出现在正文里。"));

        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("PendingApproval"));
        var self = await client.PostAsync($"/api/stories/{created.GetProperty("id").GetInt32()}/approve", null);
        await self.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task CountsALikeOnce_WhenAMemberLikesTwice()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        var id = (await secretary.PostStoryAsync(BrandTestApi.Story())).GetProperty("id").GetInt32();
        var member = await App.SignInAsync(org.A.Members[0]);

        var first = await member.PostAsync($"/api/stories/{id}/like", null);
        var second = await member.PostAsync($"/api/stories/{id}/like", null);

        Assert.That((await first.ReadAsync<JsonElement>()).GetProperty("likeCount").GetInt32(), Is.EqualTo(1));
        Assert.That((await second.ReadAsync<JsonElement>()).GetProperty("likeCount").GetInt32(), Is.EqualTo(1));
        Assert.That(await App.WithDbAsync(db => db.StoryLikes.CountAsync(l => l.StoryId == id)), Is.EqualTo(1));
        Assert.That((await member.JsonAsync($"/api/stories/{id}")).GetProperty("likedByMe").GetBoolean(), Is.True);
    }

    [Test]
    public async Task StoresCleanCommentsAndRefusesRiskyOnes()
    {
        var org = await App.SeedAsync(members: 1);
        App.Emulator.AddRiskyWord("违规评论词");
        var secretary = await App.SignInAsync(org.A.Secretary);
        var id = (await secretary.PostStoryAsync(BrandTestApi.Story())).GetProperty("id").GetInt32();
        var member = await App.SignInAsync(org.A.Members[0]);

        var good = await member.PostAsJsonAsync($"/api/stories/{id}/comments", new { text = "向王老师学习！" });
        var bad = await member.PostAsJsonAsync($"/api/stories/{id}/comments", new { text = "违规评论词" });

        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Created), await good.Content.ReadAsStringAsync());
        await bad.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var story = await member.JsonAsync($"/api/stories/{id}");
        Assert.That(story.GetProperty("commentCount").GetInt32(), Is.EqualTo(1));
        Assert.That(story.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()), Is.EqualTo(new[] { "向王老师学习！" }));
    }

    [Test]
    public async Task Returns400_WhenAPublicStoryUsesAnInternalImage()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        var image = await secretary.UploadImageAsync(visibility: "Internal");

        var response = await secretary.PostAsJsonAsync("/api/stories", BrandTestApi.Story(imageIds: [image]));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await App.WithDbAsync(db => db.Stories.CountAsync(s => s.UnitId == org.A.Id)), Is.Zero);
    }

    [Test]
    public async Task SendsAnEditBackForApproval_WhenAPlainMemberEditsTheirPublishedStory()
    {
        var (org, author) = await App.SeedSignedInAsync(members: 2, who: o => o.A.Members[0]);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var id = (await author.PostStoryAsync(BrandTestApi.Story(title: "初稿"))).GetProperty("id").GetInt32();
        (await secretary.PostAsync($"/api/stories/{id}/approve", null)).EnsureSuccessStatusCode();

        var edited = await author.PutAsJsonAsync($"/api/stories/{id}", new { title = "修改稿", body = "补充了细节。", visibility = "Public" });

        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edited.Content.ReadAsStringAsync());
        Assert.That((await edited.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("PendingApproval"));
        var colleague = await App.SignInAsync(org.A.Members[1]);
        Assert.That((await colleague.GetAsync($"/api/stories/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var other = await colleague.PutAsJsonAsync($"/api/stories/{id}", new { title = "别人改", body = "不行。", visibility = "Public" });
        await other.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PagesNewestFirst_WithTheCursor()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await secretary.PostStoryAsync(BrandTestApi.Story(title: $"分页{i}"))).GetProperty("id").GetInt32());
        }

        var member = await App.SignInAsync(org.A.Members[0]);
        var first = await member.JsonAsync($"/api/stories?unitId={org.A.Id}&limit=2");
        var second = await member.JsonAsync($"/api/stories?unitId={org.A.Id}&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");

        Assert.That(first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()), Is.EqualTo(new[] { ids[2], ids[1] }));
        Assert.That(second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()), Is.EqualTo(new[] { ids[0] }));
        Assert.That(second.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
