using System.Text.Json;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Messaging;
using SmartBranch.Api.Tests.Messaging;

namespace SmartBranch.Api.Tests.Features.Subscriptions;

public sealed class RecordSubscriptionsTests() : SeededTest(branches: 1, members: 4)
{
    [Test]
    public async Task BanksOneSendPerAccept_AndNothingForRejectBanOrFilter()
    {
        var member = Org.A.Members[0];
        var client = await App.SignInAsync(member);

        await client.PostAsJsonAsync("/api/subscriptions", new { results = new Dictionary<string, string> { ["EMU_MEETING_REMINDER"] = "accept", ["EMU_NOTICE_REMINDER"] = "reject", ["EMU_ACTIVITY_REMINDER"] = "ban" } });
        var response = await client.PostAsJsonAsync("/api/subscriptions", new { results = new Dictionary<string, string> { ["EMU_MEETING_REMINDER"] = "accept", ["EMU_LEAVE_DECISION"] = "filter" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var banked = Banked(await response.ReadAsync<JsonElement>());
        Assert.That(banked, Is.EquivalentTo(Registered().ToDictionary(k => k.Kind.ToString(), k => k.Kind == ReminderKind.Meeting ? 2 : 0)));
        Assert.That(App.Emulator.SubscriptionsOf(member.OpenId(), "EMU_MEETING_REMINDER"), Is.EqualTo(2), "in emulator mode the emulated WeChat learns the accepts too");
    }

    [Test]
    public async Task ListsEveryKindWithItsTemplate_WhenNothingIsBanked()
    {
        var client = await App.SignInAsync(Org.A.Members[1]);

        var body = await (await client.GetAsync("/api/subscriptions")).ReadAsync<JsonElement>();

        var templates = body.GetProperty("items").EnumerateArray().ToList();
        Assert.That(templates.Select(t => (t.GetProperty("kind").GetString(), t.GetProperty("kindName").GetString(), t.GetProperty("templateId").GetString())),
            Is.EqualTo(Registered().OrderBy(k => k.Kind.Name, StringComparer.Ordinal).Select(k => (k.Kind.ToString(), k.DisplayName, k.EmulatorTemplateId))),
            "every kind an area registers (AddReminderKind), by name, with its name and emulator template");
        Assert.That(templates.Select(t => t.GetProperty("templateId").GetString()), Is.SupersetOf(new[] { "EMU_MEETING_REMINDER", "EMU_ACTIVITY_REMINDER", "EMU_NOTICE_REMINDER", "EMU_LEAVE_DECISION", "EMU_DUES_REMINDER", "EMU_DEVELOPMENT_REMINDER" }));
        Assert.That(templates.Select(t => t.GetProperty("reachedByWeChat").GetBoolean()), Is.All.False);
        Assert.That(templates.Single(t => t.GetProperty("kind").GetString() == "Meeting").GetProperty("kindName").GetString(), Is.EqualTo("会议提醒"));
        Assert.That(templates.Single(t => t.GetProperty("kind").GetString() == "Development").GetProperty("kindName").GetString(), Is.EqualTo("发展党员工作提醒"));
    }

    [Test]
    public async Task CountsEveryAccept_WhenAcceptsArriveAtTheSameTime()
    {
        var member = Org.A.Members[2];
        var client = await App.SignInAsync(member);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/subscriptions", new { results = new Dictionary<string, string> { ["EMU_NOTICE_REMINDER"] = "accept" } })));

        var quota = await App.WithDbAsync(db => db.SubscriptionQuotas.SingleAsync(q => q.MemberId == member.Id && q.TemplateId == "EMU_NOTICE_REMINDER"));
        Assert.That(quota.Remaining, Is.EqualTo(8));
    }

    [Test]
    public async Task Returns400AndBanksNothing_WhenATemplateIsUnknown()
    {
        var member = Org.A.Members[3];
        var client = await App.SignInAsync(member);

        var response = await client.PostAsJsonAsync("/api/subscriptions", new { results = new Dictionary<string, string> { ["EMU_MEETING_REMINDER"] = "accept", ["someone-elses-template"] = "accept" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("someone-elses-template"));
        Assert.That(await App.WithDbAsync(db => db.SubscriptionQuotas.CountAsync(q => q.MemberId == member.Id)), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenTheAnswerIsNotOneWeChatGives()
    {
        var client = await App.SignInAsync(Org.A.Members[3]);

        var response = await client.PostAsJsonAsync("/api/subscriptions", new { results = new Dictionary<string, string> { ["EMU_MEETING_REMINDER"] = "yes" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetRawText(), Does.Contain("accept、reject、ban 或 filter"));
    }

    [Test]
    public async Task Returns400_WhenThereAreNoResults()
    {
        var client = await App.SignInAsync(Org.A.Members[3]);

        await (await client.PostAsJsonAsync("/api/subscriptions", new { results = new Dictionary<string, string>() })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Returns403_WhenTheAccountIsNotBound()
    {
        var client = await App.SignInUnboundAsync();

        var response = await client.GetAsync("/api/subscriptions");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private IEnumerable<ReminderKindRegistration> Registered() => App.Services.GetServices<ReminderKindRegistration>();

    private static Dictionary<string, int> Banked(JsonElement body) =>
        body.GetProperty("items").EnumerateArray().ToDictionary(t => t.GetProperty("kind").GetString()!, t => t.GetProperty("banked").GetInt32());
}
