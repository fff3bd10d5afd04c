namespace SmartBranch.Api.Tests.Features.Org;

public sealed class UnbindMemberTests
{
    private AppFactory _app = null!;
    private SeededOrg _org = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new AppFactory();
        _org = await _app.SeedAsync(branches: 2, members: 1);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task EndsEverySessionOfTheMemberAtOnce_WhenSecretaryUnbinds()
    {
        var entry = await _app.AddMemberAsync(_org.A.Id, bound: true);
        var phone = await _app.SignInAsync(entry.DevCode);
        var tablet = await _app.SignInAsync(entry.DevCode);
        Assert.That((await phone.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var secretary = await _app.SignInAsync(_org.A.Secretary);

        var unbind = await secretary.PostAsync($"/api/members/{entry.Id}/unbind", null);

        Assert.That(unbind.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await phone.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await tablet.GetAsync("/api/org/units")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var stored = await _app.WithDbAsync(db => db.Members.Where(m => m.Id == entry.Id).Select(m => new { m.OpenId, m.BoundAt }).SingleAsync());
        Assert.That(stored.OpenId, Is.Null);
        Assert.That(stored.BoundAt, Is.Null);
    }

    [Test]
    public async Task Returns409_WhenMemberIsNotBound()
    {
        var entry = await _app.AddMemberAsync(_org.A.Id);
        var secretary = await _app.SignInAsync(_org.A.Secretary);

        await (await secretary.PostAsync($"/api/members/{entry.Id}/unbind", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Returns404AndKeepsBinding_WhenSecretaryOfAnotherBranchGuessesId()
    {
        var entry = await _app.AddMemberAsync(_org.A.Id, bound: true);
        var stranger = await _app.SignInAsync(_org.B.Secretary);

        await (await stranger.PostAsync($"/api/members/{entry.Id}/unbind", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/members/{int.MaxValue}/unbind", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(await _app.WithDbAsync(db => db.Members.Where(m => m.Id == entry.Id).Select(m => m.OpenId).SingleAsync()), Is.Not.Null);
    }
}
