using SmartBranch.Domain.Common;
using System.Text.Json;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Features.Inbox;

public sealed class InboxTests() : SeededTest(branches: 1, members: 3)
{
    [Test]
    public async Task PagesNewestFirst_WhenThereAreMoreMessagesThanOnePage()
    {
        var member = Org.A.Members[0];
        await AddMessagesAsync(member.Id, 5);
        var client = await App.SignInAsync(member);

        var first = await (await client.GetAsync("/api/inbox?limit=2")).ReadAsync<JsonElement>();
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await client.GetAsync($"/api/inbox?limit=2&cursor={cursor}")).ReadAsync<JsonElement>();
        var last = await (await client.GetAsync($"/api/inbox?limit=2&cursor={second.GetProperty("nextCursor").GetString()}")).ReadAsync<JsonElement>();

        string[] Titles(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();
        Assert.That(Titles(first).Concat(Titles(second)).Concat(Titles(last)), Is.EqualTo(new[] { "消息4", "消息3", "消息2", "消息1", "消息0" }));
        Assert.That(last.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task CountsUnreadAndMarksRead_WhenTheMemberOpensAMessage()
    {
        var member = Org.A.Members[1];
        await AddMessagesAsync(member.Id, 3);
        var client = await App.SignInAsync(member);
        var items = (await (await client.GetAsync("/api/inbox")).ReadAsync<JsonElement>()).GetProperty("items");
        var id = items[0].GetProperty("id").GetInt64();

        var before = await (await client.GetAsync("/api/inbox/unread-count")).ReadAsync<JsonElement>();
        var marked = await (await client.PostAsync($"/api/inbox/{id}/read", null)).ReadAsync<JsonElement>();
        var again = await client.PostAsync($"/api/inbox/{id}/read", null);
        var after = await (await client.GetAsync("/api/inbox/unread-count")).ReadAsync<JsonElement>();

        Assert.That(before.GetProperty("unread").GetInt32(), Is.EqualTo(3));
        Assert.That(marked.GetProperty("unread").GetInt32(), Is.EqualTo(2));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "marking twice is harmless");
        Assert.That(after.GetProperty("unread").GetInt32(), Is.EqualTo(2));
        var first = (await (await client.GetAsync("/api/inbox")).ReadAsync<JsonElement>()).GetProperty("items")[0];
        Assert.That(first.GetProperty("read").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Returns404_WhenTheMessageIsSomeoneElses()
    {
        var owner = Org.A.Members[2];
        await AddMessagesAsync(owner.Id, 1);
        var id = await App.WithDbAsync(db => db.InboxMessages.Where(m => m.MemberId == owner.Id).Select(m => m.Id).FirstAsync());
        var other = await App.SignInAsync(Org.A.Secretary);

        await (await other.PostAsync($"/api/inbox/{id}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.That(await App.WithDbAsync(db => db.InboxMessages.Where(m => m.Id == id).Select(m => m.ReadAt).SingleAsync()), Is.Null);
    }

    [Test]
    public async Task Returns400_WhenLimitIsOutOfRange()
    {
        var client = await App.SignInAsync(Org.A.Members[0]);

        await (await client.GetAsync("/api/inbox?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private Task AddMessagesAsync(int memberId, int count) => App.WithDbAsync(async db =>
    {
        for (var i = 0; i < count; i++)
        {
            db.InboxMessages.Add(new InboxMessage(memberId, $"消息{i}", "内容", DateTimeOffset.UtcNow, SubjectTypes.Meeting, 1, "pages/meetings/detail?id=1"));
            await db.SaveChangesAsync();
        }
    });
}
