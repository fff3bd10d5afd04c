using System.Text.Json;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Interaction;
using SmartBranch.Api.Tests.Features.Meetings;

namespace SmartBranch.Api.Tests.Features.Brand;

/// <summary>
/// The big screen's live part over HTTP: the event stream (/screen/{token}/events) pushes check-ins, approved wall
/// messages and votes of the screen's Public meetings and activities as they are saved, and the on-screen check-in
/// code is the one the meeting accepts.
/// </summary>
public sealed class ScreenLiveTests : FunctionalTest
{
    [Test]
    public async Task PushesCheckInsApprovedMessagesAndVotes_AsTheyHappen()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 3);
        var meeting = (await MeetingApi.ScheduleAsync(secretary, "ThemedPartyDay", org.A.Id, DateTimeOffset.UtcNow.AddMinutes(10), "公开的主题党日", new { visibility = "Public" })).GetProperty("id").GetInt32();
        var token = await CreateLinkAsync(secretary, org.A.Id);
        var display = App.CreateClient();
        await using var events = await ScreenEvents.OpenAsync(display, token);

        var (type, id, retry, data) = await events.NextAsync();
        var first = JsonSerializer.Deserialize<JsonElement>(data);
        Assert.Multiple(() =>
        {
            Assert.That(type, Is.EqualTo("live"));
            Assert.That(id, Is.EqualTo("1"));
            Assert.That(retry, Is.EqualTo("1000"), "the browser reconnects a second after a lost connection");
            Assert.That(first.GetProperty("checkIn").GetProperty("kind").GetString(), Is.EqualTo("meeting"));
            Assert.That(first.GetProperty("checkIn").GetProperty("id").GetInt32(), Is.EqualTo(meeting));
            Assert.That(first.GetProperty("checkIn").GetProperty("title").GetString(), Is.EqualTo("公开的主题党日"));
            Assert.That(first.GetProperty("checkIn").GetProperty("count").GetInt32(), Is.Zero);
        });

        // A member types the code the screen shows.
        var code = await display.JsonAsync($"/screen/{token}/check-in-code");
        Assert.That(code.GetProperty("id").GetInt32(), Is.EqualTo(meeting));
        var member = await App.SignInAsync(org.A.Members[0]);
        await member.PostOkAsync($"/api/meetings/{meeting}/check-in", new { code = code.GetProperty("numericCode").GetString() });
        var arrived = await events.LiveUntilAsync(l => l.GetProperty("checkIn").GetProperty("count").GetInt32() == 1);
        Assert.That(arrived.GetProperty("checkIn").GetProperty("arrivals")[0].GetProperty("name").GetString(), Is.EqualTo(org.A.Members[0].Name));
        Assert.That(arrived.GetProperty("checkInsToday").GetInt32(), Is.EqualTo(1));

        // A message waiting for approval stays off the screen; once approved it appears.
        var wall = (await secretary.PostOkAsync("/api/walls", new { targetKind = "Meeting", targetId = meeting, requiresApproval = true }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var writer = await App.SignInAsync(org.A.Members[1]);
        var waiting = (await writer.PostOkAsync($"/api/walls/{wall}/messages", new { text = "等待审核的留言" }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var approvedText = "不忘初心，牢记使命！";
        var approved = (await writer.PostOkAsync($"/api/walls/{wall}/messages", new { text = approvedText }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await secretary.PostOkAsync($"/api/walls/{wall}/messages/{approved}/decision", new { approve = true });
        var withMessage = await events.LiveUntilAsync(l => l.GetProperty("wall").ValueKind == JsonValueKind.Object && l.GetProperty("wall").GetProperty("messages").GetArrayLength() > 0);
        var line = withMessage.GetProperty("wall").GetProperty("messages").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("id").GetInt32(), Is.EqualTo(approved));
            Assert.That(line.GetProperty("text").GetString(), Is.EqualTo(approvedText));
            Assert.That(line.GetProperty("author").GetString(), Is.EqualTo(org.A.Members[1].Name));
            Assert.That(withMessage.GetProperty("wall").GetProperty("title").GetString(), Is.EqualTo("公开的主题党日"));
        });

        // A vote moves the live results.
        var poll = await secretary.PostOkAsync("/api/polls", new
        {
            targetKind = "Meeting",
            targetId = meeting,
            question = "下次主题党日去哪里？",
            options = new[] { "革命纪念馆", "社区服务" },
            multipleChoice = false,
            anonymous = false,
            closesAt = DateTimeOffset.UtcNow.AddHours(2),
        }, HttpStatusCode.Created);
        var option = poll.GetProperty("options")[1].GetProperty("id").GetInt32();
        await member.PostOkAsync($"/api/polls/{poll.GetProperty("id").GetInt32()}/votes", new { optionIds = new[] { option } });
        var voted = await events.LiveUntilAsync(l => l.GetProperty("polls").GetArrayLength() == 1 && l.GetProperty("polls")[0].GetProperty("voters").GetInt32() == 1);
        var result = voted.GetProperty("polls")[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("question").GetString(), Is.EqualTo("下次主题党日去哪里？"));
            Assert.That(result.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("votes").GetInt32()), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(result.GetProperty("options")[1].TryGetProperty("voters", out _), Is.False, "the screen shows counts, never voters");
            Assert.That(events.Seen, Has.None.Contains("等待审核的留言"), $"message {waiting} was never approved");
        });
    }

    [Test]
    public async Task NamesPeopleByTheirFirstCharacter_WhenTheLinkSaysSo_AndFollowsAChange()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 2);
        var meeting = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, DateTimeOffset.UtcNow.AddMinutes(5), "公开党课", new { visibility = "Public" })).GetProperty("id").GetInt32();
        var created = await secretary.PostOkAsync($"/api/org/units/{org.A.Id}/screen-links", new { label = "报告厅", initialsOnly = true }, HttpStatusCode.Created);
        Assert.That(created.GetProperty("initialsOnly").GetBoolean(), Is.True);
        var token = created.GetProperty("token").GetString()!;
        await using var events = await ScreenEvents.OpenAsync(App.CreateClient(), token);
        await events.NextAsync();

        await MeetingApi.CheckInByHandAsync(secretary, meeting, [org.A.Members[0]]);
        var name = org.A.Members[0].Name;
        var masked = await events.LiveUntilAsync(l => l.GetProperty("checkIn").GetProperty("count").GetInt32() == 1);
        Assert.That(masked.GetProperty("checkIn").GetProperty("arrivals")[0].GetProperty("name").GetString(), Is.EqualTo(name[..1] + new string('＊', name.Length - 1)));

        var changed = await secretary.SendAsync(HttpMethod.Put, $"/api/screen-links/{created.GetProperty("id").GetInt32()}", new { label = "报告厅", initialsOnly = false }, HttpStatusCode.OK);
        Assert.That(changed.GetProperty("initialsOnly").GetBoolean(), Is.False);
        var whole = await events.LiveUntilAsync(l => l.GetProperty("checkIn").GetProperty("arrivals")[0].GetProperty("name").GetString() == name);
        Assert.That(whole.GetProperty("checkIn").GetProperty("count").GetInt32(), Is.EqualTo(1));
        Assert.That((await App.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "screen_link.changed" && a.UnitId == org.A.Id).CountAsync())), Is.EqualTo(1));
    }

    [Test]
    public async Task ShowsNothingOfInternalMeetings()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 2);
        var meeting = (await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, DateTimeOffset.UtcNow.AddMinutes(5), "内部党员大会", new { visibility = "Internal" })).GetProperty("id").GetInt32();
        await MeetingApi.CheckInByHandAsync(secretary, meeting, [org.A.Members[0]]);
        var wall = (await secretary.PostOkAsync("/api/walls", new { targetKind = "Meeting", targetId = meeting, requiresApproval = false }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await (await App.SignInAsync(org.A.Members[1])).PostOkAsync($"/api/walls/{wall}/messages", new { text = "内部会议的留言" }, HttpStatusCode.Created);
        var poll = await secretary.PostOkAsync("/api/polls", new
        {
            targetKind = "Meeting",
            targetId = meeting,
            question = "内部会议的投票",
            options = new[] { "同意", "不同意" },
            multipleChoice = false,
            anonymous = true,
            closesAt = DateTimeOffset.UtcNow.AddHours(2),
        }, HttpStatusCode.Created);
        await secretary.PostOkAsync($"/api/polls/{poll.GetProperty("id").GetInt32()}/votes", new { optionIds = new[] { poll.GetProperty("options")[0].GetProperty("id").GetInt32() } });
        var token = await CreateLinkAsync(secretary, org.A.Id);
        var display = App.CreateClient();

        await using var events = await ScreenEvents.OpenAsync(display, token);
        var (_, _, _, data) = await events.NextAsync();
        var live = JsonSerializer.Deserialize<JsonElement>(data);
        var code = await display.GetAsync($"/screen/{token}/check-in-code");
        await (await display.GetAsync($"/screen/{token}/check-in-code/image")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Multiple(() =>
        {
            Assert.That(live.GetProperty("checkIn").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(live.GetProperty("wall").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(live.GetProperty("polls").GetArrayLength(), Is.Zero);
            Assert.That(live.GetProperty("checkInsToday").GetInt32(), Is.Zero);
            Assert.That(data, Does.Not.Contain("内部"));
            Assert.That(code.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [Test]
    public async Task ShowsTheCodeOfAPublicActivity_ThatChecksAnEnrolledMemberIn()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 2);
        var now = DateTimeOffset.UtcNow;
        var activity = await ActivityApi.CreateAsync(secretary, org.A.Id, now, visibility: "Public", startsAt: now.AddMinutes(10), signUpClosesAt: now.AddMinutes(9));
        var member = await App.SignInAsync(org.A.Members[0]);
        Assert.That((await ActivityApi.SignUpAsync(member, activity)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var token = await CreateLinkAsync(secretary, org.A.Id);
        var display = App.CreateClient();

        var code = await display.JsonAsync($"/screen/{token}/check-in-code");
        Assert.Multiple(() =>
        {
            Assert.That(code.GetProperty("kind").GetString(), Is.EqualTo("activity"));
            Assert.That(code.GetProperty("id").GetInt32(), Is.EqualTo(activity));
            Assert.That(code.GetProperty("scene").GetString(), Does.StartWith($"a={activity}&t="));
            Assert.That(code.GetProperty("page").GetString(), Is.EqualTo("pages/activity-checkin/index"));
        });
        var image = await display.GetAsync(code.GetProperty("imageUrl").GetString());
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(image.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(App.Emulator.QrCodeRequests.Select(r => r.Scene), Does.Contain(code.GetProperty("scene").GetString()));

        await using var events = await ScreenEvents.OpenAsync(display, token);
        await events.NextAsync();
        var checkedIn = await member.PostOkAsync($"/api/activities/{activity}/check-in", new { code = code.GetProperty("scene").GetString() });
        Assert.That(checkedIn.GetProperty("memberId").GetInt32(), Is.EqualTo(org.A.Members[0].Id));
        var live = await events.LiveUntilAsync(l => l.GetProperty("checkIn").GetProperty("count").GetInt32() == 1);
        Assert.That(live.GetProperty("checkIn").GetProperty("arrivals")[0].GetProperty("name").GetString(), Is.EqualTo(org.A.Members[0].Name));
    }

    [Test]
    public async Task EndsTheStreamWithRevoked_WhenTheLinkIsRevoked()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        var created = await secretary.PostOkAsync($"/api/org/units/{org.A.Id}/screen-links", new { }, HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;
        await using var events = await ScreenEvents.OpenAsync(App.CreateClient(), token);
        await events.NextAsync();

        Assert.That((await secretary.DeleteAsync($"/api/screen-links/{created.GetProperty("id").GetInt32()}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var (type, _, _, data) = await events.NextAsync();
        while (type == "ping")
        {
            (type, _, _, data) = await events.NextAsync();
        }

        Assert.That(type, Is.EqualTo("revoked"));
        Assert.That(data, Is.Empty);
    }

    [TestCase("events")]
    [TestCase("check-in-code")]
    [TestCase("check-in-code/image")]
    [TestCase("trends")]
    public async Task Returns404_WhenTheTokenIsUnknownOrRevoked(string path)
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        var created = await secretary.PostOkAsync($"/api/org/units/{org.A.Id}/screen-links", new { }, HttpStatusCode.Created);
        await secretary.DeleteAsync($"/api/screen-links/{created.GetProperty("id").GetInt32()}");
        var display = App.CreateClient();

        await (await display.GetAsync($"/screen/not-a-real-token/{path}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await display.GetAsync($"/screen/{created.GetProperty("token").GetString()}/{path}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task UpdateScreenLink_AnswersEachCallerKind()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 2);
        var id = (await secretary.PostOkAsync($"/api/org/units/{org.A.Id}/screen-links", new { label = "旧名称" }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var body = new { label = "新名称", initialsOnly = true };
        var callers = new (string Who, HttpClient Client, HttpStatusCode Expected)[]
        {
            ("anonymous", App.CreateClient(), HttpStatusCode.Unauthorized),
            ("unbound", await App.SignInUnboundAsync(), HttpStatusCode.Forbidden),
            ("member", await App.SignInAsync(org.A.Members[0]), HttpStatusCode.NotFound),
            ("other branch secretary", await App.SignInAsync(org.B.Secretary), HttpStatusCode.NotFound),
            ("secretary", secretary, HttpStatusCode.OK),
            ("admin", await App.SignInAsync(org.Admin), HttpStatusCode.OK),
        };

        foreach (var (who, client, expected) in callers)
        {
            var response = await client.PutAsJsonAsync($"/api/screen-links/{id}", body);
            Assert.That(response.StatusCode, Is.EqualTo(expected), who);
        }

        await (await secretary.PutAsJsonAsync($"/api/screen-links/{id}", new { label = new string('长', 41), initialsOnly = false })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await secretary.PutAsJsonAsync($"/api/screen-links/{id}", new { label = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var listed = await secretary.JsonAsync($"/api/org/units/{org.A.Id}/screen-links");
        Assert.That(listed.GetProperty("items")[0].GetProperty("label").GetString(), Is.EqualTo("新名称"));
        Assert.That(listed.GetProperty("items")[0].GetProperty("initialsOnly").GetBoolean(), Is.True);

        await secretary.DeleteAsync($"/api/screen-links/{id}");
        await (await secretary.PutAsJsonAsync($"/api/screen-links/{id}", body)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string> CreateLinkAsync(HttpClient secretary, int unitId) =>
        (await secretary.PostOkAsync($"/api/org/units/{unitId}/screen-links", new { label = "党员活动室" }, HttpStatusCode.Created)).GetProperty("token").GetString()!;
}
