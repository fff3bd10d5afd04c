using System.Text.Json;
using SmartBranch.Api.Common;
using SmartBranch.Api.Tests.Features.Org;

namespace SmartBranch.Api.Tests.Features.ConsoleLogin;

/// <summary>Scan-to-login: the ticket's life (used once, expires after two minutes, refusable) and the console session it opens.</summary>
public sealed class ConsoleLoginTests : FunctionalTest
{
    private SeededOrg _org = null!;

    protected override AppFactory CreateApp() => new(fakeTime: true);

    [OneTimeSetUp]
    public async Task Seed() => _org = await App.SeedAsync();

    [Test]
    public async Task SignsInOnce_WhenTheMemberConfirms()
    {
        var browser = App.NewBrowser();
        var ticket = await browser.ShowTicketAsync();
        Assert.That(await browser.PollAsync(ticket), Is.EqualTo("pending"));

        var phone = await App.SignInAsync(_org.A.Secretary);
        var view = await phone.GetAsync($"/api/console-login/tickets/{ticket}");
        var shown = await view.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(view.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(shown.GetProperty("memberName").GetString(), Is.EqualTo(_org.A.Secretary.Name));
        Assert.That(shown.GetProperty("browser").GetString(), Does.Contain("（"));

        Assert.That((await phone.PostAsync($"/api/console-login/tickets/{ticket}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await browser.PollAsync(ticket), Is.EqualTo("signedIn"));

        var home = await browser.OpenAsync("/console");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await home.Content.ReadAsStringAsync(), Does.Contain(_org.A.Secretary.Name));
        var me = await browser.Client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.That(me.GetProperty("member").GetProperty("id").GetInt32(), Is.EqualTo(_org.A.Secretary.Id));

        // Used once: a second poll, from this or any browser, opens nothing.
        Assert.That(await browser.PollAsync(ticket), Is.EqualTo("expired"));
        Assert.That((await phone.PostAsync($"/api/console-login/tickets/{ticket}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ShowsRefused_WhenTheMemberRefuses()
    {
        var browser = App.NewBrowser();
        var ticket = await browser.ShowTicketAsync();
        var phone = await App.SignInAsync(_org.A.Members[0]);

        Assert.That((await phone.PostAsync($"/api/console-login/tickets/{ticket}/refuse", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await browser.PollAsync(ticket), Is.EqualTo("refused"));
        await (await phone.PostAsync($"/api/console-login/tickets/{ticket}/confirm", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(await browser.PollAsync(ticket), Is.EqualTo("refused"));
        Assert.That((await browser.Client.GetAsync("/console")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task ShowsExpired_WhenTwoMinutesPassBeforeTheScan()
    {
        var browser = App.NewBrowser();
        var ticket = await browser.ShowTicketAsync();
        App.Time!.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        Assert.That(await browser.PollAsync(ticket), Is.EqualTo("expired"));
        var phone = await App.SignInAsync(_org.A.Secretary);
        await (await phone.GetAsync($"/api/console-login/tickets/{ticket}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await phone.PostAsync($"/api/console-login/tickets/{ticket}/confirm", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task OpensNoSession_ForABrowserThatDidNotShowTheTicket()
    {
        var browser = App.NewBrowser();
        var ticket = await browser.ShowTicketAsync();
        var phone = await App.SignInAsync(_org.A.Secretary);
        await phone.PostAsync($"/api/console-login/tickets/{ticket}/confirm", null);

        // Someone who read the scene off the screen cannot collect the session or its code.
        var onlooker = App.NewBrowser();
        Assert.That(await onlooker.PollAsync(ticket), Is.EqualTo("expired"));
        Assert.That((await onlooker.Client.GetAsync($"/api/console-login/tickets/{ticket}/code")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await browser.PollAsync(ticket), Is.EqualTo("signedIn"));
    }

    [Test]
    public async Task ShowsTheTicketAsAMiniProgramCode_ForTheConfirmationPage()
    {
        var browser = App.NewBrowser();
        var ticket = await browser.ShowTicketAsync();

        var code = await browser.Client.GetAsync($"/api/console-login/tickets/{ticket}/code");

        Assert.That(code.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(code.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        var asked = App.Emulator.QrCodeRequests.Last();
        Assert.That(asked.Scene, Is.EqualTo(ticket));
        Assert.That(asked.Page, Is.EqualTo(MiniProgramPages.ConsoleLoginConfirm));
    }

    [Test]
    public async Task RefusesConfirmation_FromAnUnboundAccount()
    {
        var browser = App.NewBrowser();
        var ticket = await browser.ShowTicketAsync();
        var stranger = await App.SignInUnboundAsync();

        await (await stranger.PostAsync($"/api/console-login/tickets/{ticket}/confirm", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await browser.PollAsync(ticket), Is.EqualTo("pending"));
    }

    [Test]
    public async Task EndsTheSession_WhenSigningOut()
    {
        var browser = await App.SignInToConsoleAsync(_org.A.Secretary);

        // Without the CSRF token the sign-out is refused and the session lives on.
        await (await browser.SendAsync(HttpMethod.Post, "/api/console-login/sign-out", withCsrf: false)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That((await browser.Client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await browser.SendAsync(HttpMethod.Post, "/api/console-login/sign-out")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That((await browser.Client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var page = await browser.Client.GetAsync("/console/roster");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location?.ToString(), Does.StartWith("/console/login"));
    }

    [Test]
    public async Task EndsTheSession_WhenTheMemberIsUnbound()
    {
        var member = await App.AddMemberAsync(_org.A.Id, bound: true);
        var browser = await App.SignInToConsoleAsync(member.DevCode);
        Assert.That((await browser.Client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var secretary = await App.SignInAsync(_org.A.Secretary);
        Assert.That((await secretary.PostAsync($"/api/members/{member.Id}/unbind", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That((await browser.Client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await browser.Client.GetAsync("/console")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task RefusesAWrite_WithoutTheCsrfToken()
    {
        var browser = await App.SignInToConsoleAsync(_org.A.Secretary);
        var notice = new { title = "电脑端通知", body = "<p>请按时参加学习。</p>", visibility = "Internal", audience = new { unitIds = new[] { _org.A.Id } }, requiresAck = false, pinned = false, confirmNotClassified = true };

        var refused = await browser.SendAsync(HttpMethod.Post, "/api/notices", notice, withCsrf: false);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("安全校验失败"));
        var stored = await App.WithDbAsync(db => db.Notices.CountAsync(n => n.Title == "电脑端通知"));
        Assert.That(stored, Is.Zero);

        var posted = await browser.SendAsync(HttpMethod.Post, "/api/notices", notice);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Created), await posted.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ShowsNoCommitteePages_ToAMember()
    {
        var browser = await App.SignInToConsoleAsync(_org.A.Members[1]);

        var home = await (await browser.Client.GetAsync("/console")).Content.ReadAsStringAsync();
        Assert.That(home, Does.Not.Contain("/console/roster"));
        Assert.That(home, Does.Not.Contain("/console/audit"));
        Assert.That((await browser.Client.GetAsync("/console/roster")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
