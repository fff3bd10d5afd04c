using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>Binding a WeChat account through an invitation, end to end with the emulator.</summary>
public sealed class BindMemberTests() : SeededTest(branches: 2, members: 1, fakeTime: true)
{
    [Test]
    public async Task BindsAndSignsInAsMember_WhenInvitationNameAndNumberMatch()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);
        var entry = await App.AddMemberAsync(Org.A.Id, Org.A.PartyGroupId);
        var created = await secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/invitations", new { singleUse = true });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var invitation = await created.ReadAsync<JsonElement>();
        var scene = invitation.GetProperty("scene").GetString()!;

        var image = await secretary.GetAsync(invitation.GetProperty("qrCodeUrl").GetString());
        var png = await image.Content.ReadAsByteArrayAsync();
        var stranger = await App.SignInAsync($"dev-phone-of-{entry.Name}");
        var bind = await stranger.BindAsync(scene, entry);

        Assert.Multiple(() =>
        {
            Assert.That(scene, Does.Match("^i=[a-z0-9]{12}$"));
            Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
            Assert.That(App.Emulator.Calls.Any(c => c.Api == "wxa/getwxacodeunlimit" && c.ErrCode == 0), Is.True);
            Assert.That(bind.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
        var me = await (await stranger.GetAsync("/api/me")).ReadAsync<JsonElement>();
        Assert.That(me.GetProperty("needsBinding").GetBoolean(), Is.False);
        Assert.That(me.GetProperty("member").GetProperty("id").GetInt32(), Is.EqualTo(entry.Id));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Binds_WhenNumberIsTypedInOtherLetterCase(bool fullWidth)
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);
        var entry = await App.AddMemberAsync(Org.A.Id, Org.A.PartyGroupId);
        var invitation = await (await secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/invitations", new { singleUse = true })).ReadAsync<JsonElement>();
        // The roster holds e.g. R3fa9…: type it as r3FA9… (and, once, in full-width characters with a space).
        var swapped = new string(entry.Number.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
        var typed = fullWidth ? " " + new string(swapped.Select(c => (char)(c + 0xFEE0)).ToArray()) : swapped;
        Assert.That(typed, Is.Not.EqualTo(entry.Number));

        var user = await App.SignInUnboundAsync();
        var bind = await user.BindAsync(invitation.GetProperty("scene").GetString(), entry.Name, typed);

        Assert.That(bind.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bind.Content.ReadAsStringAsync());
        Assert.That(await OpenIdOfAsync(entry.Id), Is.Not.Null);
        Assert.That(await App.WithDbAsync(db => db.Members.Where(m => m.Id == entry.Id).Select(m => m.Number).SingleAsync()), Is.EqualTo(entry.Number));
    }

    [Test]
    public async Task Returns400AndBindsNothing_WhenInvitationHasExpired()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);
        var entry = await App.AddMemberAsync(Org.A.Id);
        var expiresAt = App.Time!.GetUtcNow().AddHours(1);
        var invitation = await (await secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/invitations", new { expiresAt, singleUse = false })).ReadAsync<JsonElement>();
        App.Time.Advance(TimeSpan.FromHours(2));

        var user = await App.SignInUnboundAsync();
        var bind = await user.BindAsync(invitation.GetProperty("scene").GetString(), entry);

        await bind.AssertProblemAsync(HttpStatusCode.BadRequest, "invitation.expired");
        Assert.That(await OpenIdOfAsync(entry.Id), Is.Null);
    }

    [Test]
    public async Task Returns400_WhenSingleUseInvitationWasUsed()
    {
        var (first, second, scene) = await TwoEntriesInvitedAsync(singleUse: true);
        var firstUser = await App.SignInUnboundAsync();
        var secondUser = await App.SignInUnboundAsync();

        var ok = await firstUser.BindAsync(scene, first);
        var refused = await secondUser.BindAsync(scene, second);

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "invitation.used");
        Assert.That(await OpenIdOfAsync(second.Id), Is.Null);
    }

    [Test]
    public async Task BindsSeveralPeople_WhenInvitationIsMultiUse()
    {
        var (first, second, scene) = await TwoEntriesInvitedAsync(singleUse: false);

        var a = await (await App.SignInUnboundAsync()).BindAsync(scene, first);
        var b = await (await App.SignInUnboundAsync()).BindAsync(scene, second);

        Assert.That(new[] { a.StatusCode, b.StatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns409_WhenRosterEntryIsAlreadyBound()
    {
        var entry = await App.AddMemberAsync(Org.A.Id, bound: true);
        var (_, scene) = await App.AddInvitationAsync(Org.A.Id, Org.A.Secretary.Id, singleUse: false);

        var bind = await (await App.SignInUnboundAsync()).BindAsync(scene, entry);

        await bind.AssertProblemAsync(HttpStatusCode.Conflict, "member.already_bound");
    }

    [Test]
    public async Task Returns400WithSameAnswer_WhenDetailsDoNotMatchOrBelongToAnotherBranch()
    {
        var entry = await App.AddMemberAsync(Org.A.Id);
        var otherBranch = await App.AddMemberAsync(Org.B.Id);
        var (_, scene) = await App.AddInvitationAsync(Org.A.Id, Org.A.Secretary.Id, singleUse: false);
        var user = await App.SignInUnboundAsync();

        var wrongName = await user.BindAsync(scene, "别人", entry.Number);
        var unknownNumber = await user.BindAsync(scene, entry.Name, "NOSUCH");
        var wrongBranch = await user.BindAsync(scene, otherBranch);
        var unknownInvitation = await user.BindAsync("i=zzzzzzzzzzzz", entry);

        var details = new List<string?>();
        foreach (var response in new[] { wrongName, unknownNumber, wrongBranch, unknownInvitation })
        {
            details.Add((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        }

        Assert.That(details.Distinct().Count(), Is.EqualTo(1), string.Join(" | ", details));
        Assert.That(details[0], Does.Not.Contain(entry.Name).And.Not.Contain(otherBranch.Name));
        Assert.That(await OpenIdOfAsync(otherBranch.Id), Is.Null);
    }

    [Test]
    public async Task Returns429_WhenAccountFailedFiveTimes()
    {
        var entry = await App.AddMemberAsync(Org.A.Id);
        var (_, scene) = await App.AddInvitationAsync(Org.A.Id, Org.A.Secretary.Id, singleUse: false);
        var user = await App.SignInUnboundAsync();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await user.BindAsync(scene, entry.Name, $"WRONG{i}");
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        var right = await user.BindAsync(scene, entry);
        var otherAccount = await (await App.SignInUnboundAsync()).BindAsync(scene, entry);

        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(right.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(otherAccount.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the limit is per WeChat account");
    }

    [Test]
    public async Task Returns409_WhenCallerIsAlreadyBound()
    {
        var entry = await App.AddMemberAsync(Org.A.Id);
        var (_, scene) = await App.AddInvitationAsync(Org.A.Id, Org.A.Secretary.Id, singleUse: false);
        var member = await App.SignInAsync(Org.A.Members[0]);

        var bind = await member.BindAsync(scene, entry);

        await bind.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(await OpenIdOfAsync(entry.Id), Is.Null);
    }

    [Test]
    public async Task Returns400_WhenInvitationExpiryIsTooFar()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);

        var response = await secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/invitations", new { expiresAt = App.Time!.GetUtcNow().AddDays(120) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Two new roster entries of branch A and an invitation of the branch from its secretary.</summary>
    private async Task<(RosterEntry First, RosterEntry Second, string Scene)> TwoEntriesInvitedAsync(bool singleUse)
    {
        var first = await App.AddMemberAsync(Org.A.Id);
        var second = await App.AddMemberAsync(Org.A.Id);
        var (_, scene) = await App.AddInvitationAsync(Org.A.Id, Org.A.Secretary.Id, singleUse);
        return (first, second, scene);
    }

    private Task<string?> OpenIdOfAsync(int memberId) =>
        App.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.OpenId).SingleAsync());
}
