using System.Text.Json;
using SmartBranch.Api.Tests.Features.Org;

namespace SmartBranch.Api.Tests.Features.Transfers;

/// <summary>A member arriving from outside with a letter: registered by the receiving branch, then invited to bind.</summary>
public sealed class IncomingTransferTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task RegistersMemberAndInvitesThemToBind_WhenLetterComesIn()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var number = $"IN{Guid.NewGuid():N}"[..16];

        var registered = await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/incoming", new
        {
            name = "赵转入",
            number,
            status = "Probationary",
            admittedOn = "2025-10-01",
            partyGroupId = org.A.PartyGroupId,
            letterNumber = "外字2026-017",
            fromOrganization = "中共某某大学委员会",
            issuedOn = "2026-02-20",
            validUntil = "2026-03-21",
            duesPaidUpTo = "2026-02",
        });
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        var body = await registered.ReadAsync<JsonElement>();
        var duplicate = await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/incoming", new
        {
            name = "赵转入", number, status = "Full", letterNumber = "x", fromOrganization = "y", issuedOn = "2026-02-20",
        });
        var newcomer = await App.SignInAsync("dev-zhao-incoming");
        var bind = await newcomer.BindAsync(body.GetProperty("invitationScene").GetString(), "赵转入", number);

        Assert.Multiple(async () =>
        {
            var transfer = body.GetProperty("transfer");
            Assert.That(transfer.GetProperty("kind").GetString(), Is.EqualTo("Incoming"));
            Assert.That(transfer.GetProperty("state").GetString(), Is.EqualTo("Received"));
            Assert.That(transfer.GetProperty("fromOrganization").GetString(), Is.EqualTo("中共某某大学委员会"));
            Assert.That(transfer.GetProperty("letterNumber").GetString(), Is.EqualTo("外字2026-017"));
            Assert.That(transfer.GetProperty("duesPaidUpTo").GetString(), Is.EqualTo("2026-02"));
            await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.That(bind.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bind.Content.ReadAsStringAsync());
            Assert.That((await bind.ReadAsync<JsonElement>()).GetProperty("member").GetProperty("id").GetInt32(), Is.EqualTo(body.GetProperty("memberId").GetInt32()));
        });
    }
}
