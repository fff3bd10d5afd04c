namespace SmartBranch.Api.Tests.Features.Auth;

public sealed class LogoutTests
{
    private AppFactory _app = null!;
    private SeededOrg _org = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new AppFactory();
        _org = await _app.SeedAsync(branches: 1, members: 1);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task EndsOnlyThatSession_WhenMemberLogsOut()
    {
        var phone = await _app.SignInAsync(_org.A.Secretary);
        var tablet = await _app.SignInAsync(_org.A.Secretary);

        var logout = await phone.PostAsync("/api/auth/logout", null);

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await phone.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That((await tablet.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns401_WhenNotSignedIn()
    {
        var response = await _app.CreateClient().PostAsync("/api/auth/logout", null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
