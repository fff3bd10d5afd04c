namespace SmartBranch.Api.Tests.Features.Auth;

public sealed class LogoutTests() : SeededTest(branches: 1, members: 1)
{
    [Test]
    public async Task EndsOnlyThatSession_WhenMemberLogsOut()
    {
        var phone = await App.SignInAsync(Org.A.Secretary);
        var tablet = await App.SignInAsync(Org.A.Secretary);

        var logout = await phone.PostAsync("/api/auth/logout", null);

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await phone.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That((await tablet.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns401_WhenNotSignedIn()
    {
        var response = await App.CreateClient().PostAsync("/api/auth/logout", null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
