using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Notices;

public sealed class NoticeFeedTests : FunctionalTest
{
    private static async Task<(List<int> Ids, string? Next)> PageAsync(HttpClient client, string? cursor, int limit)
    {
        var url = cursor is null ? $"/api/notices?limit={limit}" : $"/api/notices?limit={limit}&cursor={Uri.EscapeDataString(cursor)}";
        var page = await client.GetJsonAsync(url);
        var next = page.GetProperty("nextCursor");
        return (page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList(),
            next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    [Test]
    public async Task ListsPinnedFirstThenNewest_WhenMemberOpensTheFeed()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var first = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var pinned = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], pinned: true));
        var last = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var member = await App.SignInAsync(org.A.Members[0]);

        var feed = await member.GetJsonAsync("/api/notices");

        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("id").GetInt32()), Is.EqualTo(new[] { pinned, last, first }));
        Assert.That(items.All(i => i.GetProperty("unread").GetBoolean() && i.GetProperty("isRecipient").GetBoolean()), Is.True);
        Assert.That(items[0].GetProperty("excerpt").GetString(), Does.StartWith("请全体党员"));
        Assert.That(feed.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task PagesWithoutDuplicatesOrGaps_WhenNewNoticesArriveBetweenPages()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var original = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            original.Add(await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], pinned: i is 1 or 4)));
        }

        var member = await App.SignInAsync(org.A.Members[0]);
        var seen = new List<int>();
        var (ids, next) = await PageAsync(member, null, 3);
        seen.AddRange(ids);
        var arrived = new List<int>();
        while (next is not null)
        {
            // New notices, pinned and not, arrive while the member scrolls.
            arrived.Add(await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id])));
            arrived.Add(await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], pinned: true)));
            (ids, next) = await PageAsync(member, next, 3);
            seen.AddRange(ids);
        }

        var expectedOrder = original.Where(id => id == original[1] || id == original[4]).OrderDescending()
            .Concat(original.Where(id => id != original[1] && id != original[4]).OrderDescending());
        Assert.That(seen, Is.EqualTo(expectedOrder), "every notice of the first load once, in feed order, none of the later ones");
        var fresh = await PageAsync(member, null, 50);
        Assert.That(fresh.Ids.Take(arrived.Count / 2), Is.EquivalentTo(arrived.Where((_, i) => i % 2 == 1)), "a fresh load shows the new pinned notices first");
        Assert.That(fresh.Ids, Is.Unique);
        Assert.That(fresh.Ids, Has.Count.EqualTo(original.Count + arrived.Count));
    }

    [Test]
    public async Task Returns400_WhenCursorIsNotOurs()
    {
        var (_, member) = await App.SeedSignedInAsync(who: o => o.A.Members[0]);

        await (await member.GetAsync("/api/notices?cursor=not-a-cursor")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
