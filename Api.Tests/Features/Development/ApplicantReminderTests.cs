using System.Text.Json;
using SmartBranch.Api.Tests.Messaging;
using SmartBranch.Infrastructure.WeChat.Emulator;
using static SmartBranch.Api.Tests.Features.Development.DevelopmentApi;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>
/// A person in development who is not a member yet is reached by the one reminder pipeline once their WeChat account is
/// bound to their record: they bank subscription sends, the committee's reminders reach their openid and their inbox,
/// and they see only their own inbox. One who is not bound is still reported unreached.
/// </summary>
public sealed class ApplicantReminderTests : FunctionalTest
{
    private const string DevelopmentTemplate = "EMU_DEVELOPMENT_REMINDER";

    [Test]
    public async Task ABoundApplicantSubscribes_IsRemindedOfThoughtReports_AndReadsOnlyTheirOwnInbox()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var contact = org.A.Members[0];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DateOnly Ago(int days) => today.AddDays(-days);
        DateOnly[] activist = [Ago(400), Ago(395), Ago(200), Ago(199), Ago(198)];
        var boundNumber = $"AP{org.A.Id}B";
        var bound = await SeedHistoryAsync(App, org.A, "林小雨", boundNumber, activist, [Ago(100), Ago(10)], contact.Id, today);
        var unbound = await SeedHistoryAsync(App, org.A, "吴小风", $"AP{org.A.Id}U", activist, [Ago(100), Ago(10)], contact.Id, today);
        await SeedHistoryAsync(App, org.A, "赵待谈", $"AP{org.A.Id}T", [Ago(40)], [], contact.Id, today);
        var secretary = await App.SignInAsync(org.A.Secretary);

        // The person binds with the branch's invitation, then accepts the development template in the mini-program.
        var invitation = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/invitations", new { singleUse = false })).ReadAsync<JsonElement>();
        var code = $"dev-applicant-{Guid.NewGuid():N}";
        var applicant = await App.SignInAsync(code);
        var bind = await applicant.PostAsJsonAsync("/api/development/bind", new { scene = invitation.GetProperty("scene").GetString(), name = "林小雨", number = boundNumber });
        Assert.That(bind.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bind.Content.ReadAsStringAsync());
        var subscribed = await applicant.PostAsJsonAsync("/api/subscriptions", new { results = new Dictionary<string, string> { [DevelopmentTemplate] = "accept" } });

        var reminded = await secretary.PostAsync($"/api/development/units/{org.A.Id}/reminders", null);
        var body = await reminded.ReadAsync<JsonElement>();
        await App.DrainAsync();

        var openId = WeChatEmulator.OpenIdFor(code["dev-".Length..]);
        var sent = App.Emulator.SentMessages.Where(m => m.ToUser == openId).ToList();
        var inbox = await (await applicant.GetAsync("/api/inbox")).ReadAsync<JsonElement>();
        var items = inbox.GetProperty("items").EnumerateArray().ToList();
        var unread = await (await applicant.GetAsync("/api/inbox/unread-count")).ReadAsync<JsonElement>();
        var after = await (await applicant.GetAsync("/api/subscriptions")).ReadAsync<JsonElement>();
        var who = await (await secretary.GetAsync($"/api/reminders?subjectType=development&subjectId={bound}")).ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(subscribed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await subscribed.Content.ReadAsStringAsync());
            Assert.That(Banked(await subscribed.ReadAsync<JsonElement>()), Is.EqualTo(1), "the accept is banked for the person in development");
            Assert.That(reminded.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("unreached").EnumerateArray().Select(u => (u.GetProperty("recordId").GetInt32(), u.GetProperty("kind").GetString())),
                Is.EquivalentTo(new[] { (unbound, "ThoughtReport") }), "only the person whose account is not bound stays unreached");
            Assert.That(sent.Select(m => (m.TemplateId, m.Data["thing1"])), Is.EqualTo(new[] { (DevelopmentTemplate, "林小雨：思想汇报") }), "the subscription message reached the applicant's openid");
            Assert.That(items.Select(i => (i.GetProperty("title").GetString(), i.GetProperty("subjectType").GetString(), i.GetProperty("subjectId").GetInt32())),
                Is.EqualTo(new[] { ("发展党员工作提醒", "development", bound) }), "the applicant's inbox holds their reminder and nothing else");
            Assert.That(items[0].GetProperty("body").GetString(), Does.Contain("思想汇报"));
            Assert.That(unread.GetProperty("unread").GetInt32(), Is.EqualTo(1));
            Assert.That(Banked(after), Is.Zero, "the send used the banked accept");
            var row = who.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("applicantId").ValueKind == JsonValueKind.Number);
            Assert.That((row.GetProperty("applicantId").GetInt32(), row.GetProperty("memberName").GetString(), row.GetProperty("status").GetString()), Is.EqualTo((bound, "林小雨", "Sent")));
            Assert.That(row.GetProperty("memberId").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task InboxAndSubscriptions_AnswerEachCallerOnlyForThemselves()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var contact = org.A.Members[0];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DateOnly Ago(int days) => today.AddDays(-days);
        var number = $"AX{org.A.Id}B";
        await SeedHistoryAsync(App, org.A, "钱小月", number, [Ago(400), Ago(395), Ago(200), Ago(199), Ago(198)], [Ago(100), Ago(10)], contact.Id, today);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var invitation = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/invitations", new { singleUse = false })).ReadAsync<JsonElement>();
        var applicant = await App.SignInAsync($"dev-applicant-{Guid.NewGuid():N}");
        var bind = await applicant.PostAsJsonAsync("/api/development/bind", new { scene = invitation.GetProperty("scene").GetString(), name = "钱小月", number });
        Assert.That(bind.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bind.Content.ReadAsStringAsync());
        await secretary.PostAsync($"/api/development/units/{org.A.Id}/reminders", null);
        await App.DrainAsync();

        var contactClient = await App.SignInAsync(contact);
        var applicantInbox = await InboxIdsAsync(applicant);
        var contactInbox = await InboxIdsAsync(contactClient);
        var stranger = await App.SignInUnboundAsync();

        var applicantReadsContacts = await applicant.PostAsync($"/api/inbox/{contactInbox[0]}/read", null);
        var contactReadsApplicants = await contactClient.PostAsync($"/api/inbox/{applicantInbox[0]}/read", null);
        var applicantReadsOwn = await applicant.PostAsync($"/api/inbox/{applicantInbox[0]}/read", null);

        Assert.Multiple(async () =>
        {
            Assert.That(applicantInbox, Has.Count.EqualTo(1));
            Assert.That(contactInbox, Has.Count.EqualTo(1), "the contact has the observation reminder");
            Assert.That(applicantInbox.Intersect(contactInbox), Is.Empty, "each inbox is its owner's only");
            await applicantReadsContacts.AssertProblemAsync(HttpStatusCode.NotFound);
            await contactReadsApplicants.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.That((await applicantReadsOwn.ReadAsync<JsonElement>()).GetProperty("unread").GetInt32(), Is.Zero);

            // Signed in, but bound to neither a member nor a record: nothing to read or bank.
            await (await stranger.GetAsync("/api/inbox")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await stranger.GetAsync("/api/inbox/unread-count")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await stranger.PostAsync($"/api/inbox/{applicantInbox[0]}/read", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await stranger.GetAsync("/api/subscriptions")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await stranger.PostAsJsonAsync("/api/subscriptions", new { results = new Dictionary<string, string> { [DevelopmentTemplate] = "accept" } })).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That((await App.CreateClient().GetAsync("/api/inbox")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

            // The person in development is still no member: the committee's endpoints stay closed to them.
            Assert.That((await applicant.GetAsync($"/api/development/units/{org.A.Id}/worklist")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await applicant.GetAsync("/api/reminders?subjectType=development&subjectId=1")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    private static int Banked(JsonElement subscriptions) =>
        subscriptions.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "Development").GetProperty("banked").GetInt32();

    private static async Task<List<long>> InboxIdsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/inbox")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
}
