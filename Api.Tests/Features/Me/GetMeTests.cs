using System.Net.Http.Headers;
using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Me;

public sealed class GetMeTests() : SeededTest(branches: 1, members: 2, probationary: 1)
{
    [Test]
    public async Task ReturnsProfileBranchAndRoles_WhenSecretaryIsSignedIn()
    {
        var client = await App.SignInAsync(Org.A.Secretary);

        var me = await (await client.GetAsync("/api/me")).ReadAsync<JsonElement>();

        var member = me.GetProperty("member");
        Assert.Multiple(() =>
        {
            Assert.That(member.GetProperty("name").GetString(), Is.EqualTo(Org.A.Secretary.Name));
            Assert.That(member.GetProperty("branch").GetProperty("name").GetString(), Is.EqualTo(Org.A.Name));
            Assert.That(member.GetProperty("partyGroup").GetProperty("id").GetInt32(), Is.EqualTo(Org.A.PartyGroupId));
            Assert.That(member.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()), Is.EqualTo(new[] { "Secretary" }));
        });
    }

    [Test]
    public async Task ShowsNoVote_WhenMemberIsProbationary()
    {
        var client = await App.SignInAsync(Org.A.Members[1]);

        var member = (await (await client.GetAsync("/api/me")).ReadAsync<JsonElement>()).GetProperty("member");

        Assert.That(member.GetProperty("status").GetString(), Is.EqualTo("Probationary"));
        Assert.That(member.GetProperty("hasVote").GetBoolean(), Is.False);
        Assert.That(member.GetProperty("roles").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Returns401Problem_WhenNoToken()
    {
        await (await App.CreateClient().GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Returns401Problem_WhenTokenIsUnknown()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-real-token");

        await (await client.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ReturnsNeedsBinding_WhenAccountIsUnbound()
    {
        var client = await App.SignInUnboundAsync();

        var me = await (await client.GetAsync("/api/me")).ReadAsync<JsonElement>();

        Assert.That(me.GetProperty("needsBinding").GetBoolean(), Is.True);
    }
}
