using SmartBranch.Api.Tests.Features.Meetings;

namespace SmartBranch.Api.Tests.Features.ConsoleLogin;

/// <summary>
/// The console's routes × each kind of caller, each cell over HTTP. Cookie callers signed in by scanning (the console
/// session); the unbound caller can get no console session (confirming needs a bound member), so it comes with its
/// mini-program bearer token. 302 is the redirect to /console/login (or, from the login page, to /console).
/// </summary>
public sealed class ConsoleAccessTests : FunctionalTest
{
    public enum Caller
    {
        Anonymous,
        Unbound,
        MemberOfBranch,
        SecretaryOfBranch,
        SecretaryOfOtherBranch,
        Admin,
    }

    private sealed record Route(string Name, string Expected, Func<ConsoleAccessTests, ConsoleBrowser, Task<HttpResponseMessage>> Send);

    private static readonly string[] CommitteePages = ["/console/roster", "/console/units", "/console/invitations", "/console/notices", "/console/meetings", "/console/audit",
        "/console/dashboard", "/console/dues", "/console/transfers", "/console/mailbox", "/console/appraisals", "/console/polls",
        "/console/development", "/console/study"];

    private static readonly Route[] Routes =
    [
        new("GET /console/login", "200 200 302 302 302 302", (_, b) => b.Client.GetAsync("/console/login")),
        new("GET /console", "302 302 200 200 200 200", (_, b) => b.Client.GetAsync("/console")),
        .. CommitteePages.Select(page => new Route($"GET {page}", "302 302 404 200 200 200", (_, b) => b.Client.GetAsync(page))),
        new("POST /api/console-login/tickets", "200 200 200 200 200 200", (_, b) => b.SendAsync(HttpMethod.Post, "/api/console-login/tickets")),
        new("GET /api/org/units/{id}/members (cookie)", "401 403 200 200 404 200", (t, b) => b.Client.GetAsync($"/api/org/units/{t._org.A.Id}/members")),
        new("GET /api/audit?unitId= (cookie)", "401 403 403 200 404 200", (t, b) => b.Client.GetAsync($"/api/audit?unitId={t._org.A.Id}")),
        new("GET /api/meetings/{id}/attendance-sheet (cookie)", "401 403 403 200 404 200", (t, b) => b.Client.GetAsync($"/api/meetings/{t._meetingId}/attendance-sheet")),
        new("PUT /api/meetings/{id}/minutes (cookie, CSRF)", "401 403 403 200 404 200", (t, b) =>
            b.SendAsync(HttpMethod.Put, $"/api/meetings/{t._meetingId}/minutes", new { content = "会议学习了党章。", publish = false })),
        new("POST /api/console-login/sign-out (cookie, CSRF)", "401 204 204 204 204 204", (_, b) => b.SendAsync(HttpMethod.Post, "/api/console-login/sign-out")),
    ];

    private SeededOrg _org = null!;
    private int _meetingId;

    public static IEnumerable<TestCaseData> Cells() =>
        from route in Routes
        from caller in Enum.GetValues<Caller>()
        select new TestCaseData(route.Name, caller).SetName($"{route.Name} as {caller}");

    [OneTimeSetUp]
    public async Task Seed()
    {
        _org = await App.SeedAsync();
        var secretary = await App.SignInAsync(_org.A.Secretary);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", _org.A.Id, DateTimeOffset.UtcNow.AddDays(-1), "支部党员大会");
        _meetingId = meeting.GetProperty("id").GetInt32();
    }

    [TestCaseSource(nameof(Cells))]
    public async Task AnswersEachCallerAsSpecified(string routeName, Caller caller)
    {
        var route = Routes.Single(r => r.Name == routeName);
        var expected = (HttpStatusCode)int.Parse(route.Expected.Split(' ')[(int)caller], System.Globalization.CultureInfo.InvariantCulture);
        var browser = await BrowserFor(caller);

        var response = await route.Send(this, browser);

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        if (expected == HttpStatusCode.Redirect)
        {
            // Strangers are sent to sign in; members who are signed in already are sent from the login page to the console.
            Assert.That(response.Headers.Location?.ToString(), Does.StartWith(caller <= Caller.Unbound ? "/console/login" : "/console"));
        }
    }

    private async Task<ConsoleBrowser> BrowserFor(Caller caller)
    {
        switch (caller)
        {
            case Caller.Anonymous:
                return App.NewBrowser();
            case Caller.Unbound:
                var browser = App.NewBrowser();
                var phone = await App.SignInUnboundAsync();
                browser.Client.DefaultRequestHeaders.Authorization = phone.DefaultRequestHeaders.Authorization;
                return browser;
            default:
                var member = caller switch
                {
                    Caller.MemberOfBranch => _org.A.Members[0],
                    Caller.SecretaryOfBranch => _org.A.Secretary,
                    Caller.SecretaryOfOtherBranch => _org.B.Secretary,
                    _ => _org.Admin,
                };
                return await App.SignInToConsoleAsync(member); // it opened /console, so it holds a CSRF token
        }
    }
}
