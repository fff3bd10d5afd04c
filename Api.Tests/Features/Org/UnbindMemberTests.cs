namespace SmartBranch.Api.Tests.Features.Org;

public sealed class UnbindMemberTests() : SeededTest(branches: 2, members: 1)
{
    [Test]
    public async Task EndsEverySessionOfTheMemberAtOnce_WhenSecretaryUnbinds()
    {
        var entry = await App.AddMemberAsync(Org.A.Id, bound: true);
        var phone = await App.SignInAsync(entry.DevCode);
        var tablet = await App.SignInAsync(entry.DevCode);
        Assert.That((await phone.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var secretary = await App.SignInAsync(Org.A.Secretary);

        var unbind = await secretary.PostAsync($"/api/members/{entry.Id}/unbind", null);

        Assert.That(unbind.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await phone.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await tablet.GetAsync("/api/org/units")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var stored = await App.WithDbAsync(db => db.Members.Where(m => m.Id == entry.Id).Select(m => new { m.OpenId, m.BoundAt }).SingleAsync());
        Assert.That(stored.OpenId, Is.Null);
        Assert.That(stored.BoundAt, Is.Null);
    }

    [Test]
    public async Task Returns409_WhenMemberIsNotBound()
    {
        var entry = await App.AddMemberAsync(Org.A.Id);
        var secretary = await App.SignInAsync(Org.A.Secretary);

        await (await secretary.PostAsync($"/api/members/{entry.Id}/unbind", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Returns404AndKeepsBinding_WhenSecretaryOfAnotherBranchGuessesId()
    {
        var entry = await App.AddMemberAsync(Org.A.Id, bound: true);
        var stranger = await App.SignInAsync(Org.B.Secretary);

        await (await stranger.PostAsync($"/api/members/{entry.Id}/unbind", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/members/{int.MaxValue}/unbind", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(await App.WithDbAsync(db => db.Members.Where(m => m.Id == entry.Id).Select(m => m.OpenId).SingleAsync()), Is.Not.Null);
    }
}
