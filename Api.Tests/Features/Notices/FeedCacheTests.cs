using System.Text.Json;
using SmartBranch.Api.Tests.Features.Org;

namespace SmartBranch.Api.Tests.Features.Notices;

/// <summary>
/// A member's first feed page is served from a cache of ready JSON (FeedCache). Every change to what the page
/// shows must be on the very next request, on this instance and on any other sharing the database and Redis.
/// Each test reads the feed once first, so the change is checked against a cached page.
/// </summary>
public sealed class FeedCacheTests() : FunctionalTest(fakeTime: true)
{
    private static object Edit(string title) => new { title, body = "<p>改后的正文</p>", pinned = false, confirmNotClassified = true };

    private static async Task<List<JsonElement>> FeedAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync("/api/notices")).GetProperty("items").EnumerateArray()];

    private static JsonElement Item(List<JsonElement> feed, int id) => feed.Single(i => i.GetProperty("id").GetInt32() == id);

    [Test]
    public async Task SecondRequestIsTheSamePage_WhenNothingChanged()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var member = await App.SignInAsync(org.A.Members[0]);

        var first = await member.GetAsync("/api/notices");
        var second = await member.GetAsync("/api/notices");

        Assert.That(second.Content.Headers.ContentType?.ToString(), Is.EqualTo(first.Content.Headers.ContentType?.ToString()));
        Assert.That(second.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
    }

    [Test]
    public async Task ShowsPostedEditedAndWithdrawnNotices_OnTheNextRequest()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var member = await App.SignInAsync(org.A.Members[0]);
        var first = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], title: "第一条"));
        Assert.That((await FeedAsync(member)).Select(i => i.GetProperty("id").GetInt32()), Is.EqualTo(new[] { first }));

        var second = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], title: "第二条"));
        Assert.That((await FeedAsync(member)).Select(i => i.GetProperty("id").GetInt32()), Is.EqualTo(new[] { second, first }), "posted");

        Assert.That((await secretary.PutAsJsonAsync($"/api/notices/{first}", Edit("改过的第一条"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var edited = Item(await FeedAsync(member), first);
        Assert.That(edited.GetProperty("title").GetString(), Is.EqualTo("改过的第一条"), "edited");
        Assert.That(edited.GetProperty("edited").GetBoolean(), Is.True);
        Assert.That(edited.GetProperty("excerpt").GetString(), Is.EqualTo("改后的正文"));

        Assert.That((await secretary.PostAsync($"/api/notices/{second}/withdraw", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await FeedAsync(member)).Select(i => i.GetProperty("id").GetInt32()), Is.EqualTo(new[] { first }), "withdrawn");
    }

    [Test]
    public async Task ShowsAnApprovedNotice_OnTheNextRequest()
    {
        var org = await App.SeedAsync();
        var word = $"待审{Guid.NewGuid():N}"[..12];
        App.Emulator.AddReviewWord(word);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var member = await App.SignInAsync(org.A.Members[0]);
        var response = await secretary.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], body: $"<p>{word}</p>"));
        var id = (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.That(await FeedAsync(member), Is.Empty, "held");

        var approved = await (await App.SignInAsync(org.Admin)).PostAsync($"/api/notices/{id}/approve", null);
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());

        var item = Item(await FeedAsync(member), id);
        Assert.That(item.GetProperty("unread").GetBoolean(), Is.True);
    }

    [Test]
    public async Task ShowsTheMembersOwnReadAndSignOff_OnTheNextRequest()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], requiresAck: true));
        var member = await App.SignInAsync(org.A.Members[0]);
        var otherSession = await App.SignInAsync(org.A.Members[0]);
        var neighbour = await App.SignInAsync(org.A.Members[1]);
        Assert.That(Item(await FeedAsync(member), id).GetProperty("unread").GetBoolean(), Is.True);
        Assert.That(Item(await FeedAsync(otherSession), id).GetProperty("unread").GetBoolean(), Is.True);
        Assert.That(Item(await FeedAsync(neighbour), id).GetProperty("unread").GetBoolean(), Is.True);

        await member.GetJsonAsync($"/api/notices/{id}");

        var read = Item(await FeedAsync(member), id);
        Assert.That(read.GetProperty("unread").GetBoolean(), Is.False, "read");
        Assert.That(read.GetProperty("readAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(read.GetProperty("ackedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Item(await FeedAsync(otherSession), id).GetProperty("unread").GetBoolean(), Is.False, "the member's other session");
        Assert.That(Item(await FeedAsync(neighbour), id).GetProperty("unread").GetBoolean(), Is.True, "another member's state is their own");

        Assert.That((await member.PostAsync($"/api/notices/{id}/ack", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(Item(await FeedAsync(member), id).GetProperty("ackedAt").ValueKind, Is.EqualTo(JsonValueKind.String), "signed off");
        Assert.That(Item(await FeedAsync(otherSession), id).GetProperty("ackedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
    }

    [Test]
    public async Task ShowsARenamedUnit_OnTheNextRequest()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var member = await App.SignInAsync(org.A.Members[0]);
        Assert.That(Item(await FeedAsync(member), id).GetProperty("unitName").GetString(), Is.EqualTo(org.A.Name));

        await App.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == org.A.Id);
            unit.Rename("更名后的支部");
            await db.SaveChangesAsync();
        });

        Assert.That(Item(await FeedAsync(member), id).GetProperty("unitName").GetString(), Is.EqualTo("更名后的支部"));
    }

    [Test]
    public async Task StopsShowingManagedNotices_FromMidnightChinaTimeWhenTheTermEnds()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var local = App.Time!.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var today = DateOnly.FromDateTime(local.DateTime);
        await secretary.AppointOverHttpAsync(org.A.Id, org.A.Members[0].Id, "PublicityCommissioner", today.AddDays(-10), today);
        var toSomeoneElse = await secretary.PostNoticeAsync(NoticeTestApi.Request(memberIds: [org.A.Members[1].Id]));
        var committee = await App.SignInAsync(org.A.Members[0]);
        var managed = Item(await FeedAsync(committee), toSomeoneElse);
        Assert.That(managed.GetProperty("isRecipient").GetBoolean(), Is.False, "seen as one who manages the branch's notices");

        // Nothing changes in the database: one minute after midnight the term has run out.
        App.Time.Advance(local.Date.AddDays(1).AddMinutes(1) - local.DateTime);

        Assert.That((await FeedAsync(committee)).Select(i => i.GetProperty("id").GetInt32()), Does.Not.Contain(toSomeoneElse));
    }

    [Test]
    public async Task UnboundAccountGetsNoCachedPage()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var target = org.A.Members[0];
        var member = await App.SignInAsync(target);
        Assert.That((await FeedAsync(member)).Select(i => i.GetProperty("id").GetInt32()), Does.Contain(id));

        var unbind = await secretary.PostAsync($"/api/members/{target.Id}/unbind", null);
        Assert.That(unbind.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await unbind.Content.ReadAsStringAsync());

        await (await member.GetAsync("/api/notices")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var login = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = target.DevCode });
        var token = (await login.ReadAsync<JsonElement>()).GetProperty("token").GetString();
        var again = App.CreateClient();
        again.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.That((await FeedAsync(again)).Select(i => i.GetProperty("id").GetInt32()), Does.Not.Contain(id), "the same WeChat account, now bound to nobody");
    }

    [Test]
    public async Task OtherInstanceShowsChanges_OnItsNextRequest()
    {
        using var apps = new TwoInstances();
        var (org, secretary) = await apps.First.SeedSignedInAsync(branches: 1, members: 1);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], requiresAck: true));

        // Signed in on the first instance, served by either (one session store, one Redis).
        var onFirst = await apps.First.SignInAsync(org.A.Members[0]);
        var onSecond = onFirst.SameSessionOn(apps.Second);
        Assert.That(Item(await FeedAsync(onSecond), id).GetProperty("unread").GetBoolean(), Is.True);

        var posted = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        Assert.That((await FeedAsync(onSecond)).Select(i => i.GetProperty("id").GetInt32()), Is.EqualTo(new[] { posted, id }), "posted on the first");

        await onFirst.GetJsonAsync($"/api/notices/{id}");
        Assert.That(Item(await FeedAsync(onSecond), id).GetProperty("unread").GetBoolean(), Is.False, "read on the first");

        Assert.That((await onFirst.PostAsync($"/api/notices/{id}/ack", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Item(await FeedAsync(onSecond), id).GetProperty("ackedAt").ValueKind, Is.EqualTo(JsonValueKind.String), "signed off on the first");

        Assert.That((await secretary.PostAsync($"/api/notices/{posted}/withdraw", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await FeedAsync(onSecond)).Select(i => i.GetProperty("id").GetInt32()), Is.EqualTo(new[] { id }), "withdrawn on the first");
    }
}
