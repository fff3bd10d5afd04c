using System.Text.Json;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// README's Swagger walkthrough (steps 6–10) over the demo data, in order, on a database of its own: it
/// changes what <see cref="DemoDataTests"/> reads.
/// </summary>
public sealed class DemoDataWalkthroughTests
{
    private DemoApp _demo = null!;

    [OneTimeSetUp]
    public void Start() => _demo = new DemoApp();

    [OneTimeTearDown]
    public void Stop() => _demo.Dispose();

    [Test]
    public async Task FiguresAndPlacesMoveAsReadmeSays_WhenWalkthroughIsFollowed()
    {
        var member = await _demo.App.SignInAsync("dev-member");
        var feed = await (await member.GetAsync("/api/notices")).ReadAsync<JsonElement>();
        var noticeId = feed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("requiresAck").GetBoolean()).GetProperty("id").GetInt32();

        var opened = await (await member.GetAsync($"/api/notices/{noticeId}")).ReadAsync<JsonElement>();
        var acked = await member.PostAsync($"/api/notices/{noticeId}/ack", null);

        var secretary = await _demo.App.SignInAsync("dev-secretary");
        var figures = (await (await secretary.GetAsync($"/api/notices/{noticeId}/recipients")).ReadAsync<JsonElement>()).GetProperty("figures");

        var activities = (await (await member.GetAsync("/api/activities")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray();
        var themedId = activities.Single(a => a.GetProperty("capacity").ValueKind == JsonValueKind.Number && a.GetProperty("capacity").GetInt32() == 5).GetProperty("id").GetInt32();
        var lastPlace = await member.PostAsync($"/api/activities/{themedId}/enrollment", null);
        var admin = await _demo.App.SignInAsync("dev-admin");
        var waiting = await admin.PostAsync($"/api/activities/{themedId}/enrollment", null);

        Assert.Multiple(async () =>
        {
            Assert.That(opened.GetProperty("me").GetProperty("readAt").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(acked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((figures.GetProperty("read").GetInt32(), figures.GetProperty("acked").GetInt32()), Is.EqualTo((4, 2)));
            Assert.That(lastPlace.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((await lastPlace.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Confirmed"));
            var queued = await waiting.ReadAsync<JsonElement>();
            Assert.That((queued.GetProperty("status").GetString(), queued.GetProperty("waitlistPosition").GetInt32()), Is.EqualTo(("Waitlisted", 1)));
        });
    }
}
