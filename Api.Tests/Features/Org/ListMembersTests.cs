using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Org;

public sealed class ListMembersTests() : SeededTest(branches: 2, members: 2)
{
    private RosterEntry _entry = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _entry = await App.AddMemberAsync(Org.A.Id, Org.A.PartyGroupId);
    }

    [Test]
    public async Task ShowsFullDetailsAndPhone_WhenCallerIsOnTheCommittee()
    {
        foreach (var caller in new[] { Org.A.Secretary, Org.Admin })
        {
            var client = await App.SignInAsync(caller);

            var entry = await FindAsync(client, _entry.Id);

            Assert.Multiple(() =>
            {
                Assert.That(entry.GetProperty("phone").GetString(), Is.EqualTo(_entry.Phone));
                Assert.That(entry.GetProperty("phoneMasked").GetBoolean(), Is.False);
                Assert.That(entry.GetProperty("number").GetString(), Is.EqualTo(_entry.Number));
                Assert.That(entry.GetProperty("status").GetString(), Is.EqualTo("Full"));
                Assert.That(entry.GetProperty("isBound").GetBoolean(), Is.False);
                Assert.That(entry.GetProperty("partyGroup").GetProperty("id").GetInt32(), Is.EqualTo(Org.A.PartyGroupId));
            });
        }
    }

    [Test]
    public async Task ShowsNameGroupRolesAndMaskedPhoneOnly_WhenCallerIsPlainMember()
    {
        var client = await App.SignInAsync(Org.A.Members[0]);

        var entry = await FindAsync(client, _entry.Id);
        var secretary = await FindAsync(client, Org.A.Secretary.Id);

        Assert.Multiple(() =>
        {
            Assert.That(entry.GetProperty("name").GetString(), Is.EqualTo(_entry.Name));
            Assert.That(entry.GetProperty("phone").GetString(), Is.EqualTo($"{_entry.Phone[..3]}****{_entry.Phone[^4..]}"));
            Assert.That(entry.GetProperty("phoneMasked").GetBoolean(), Is.True);
            Assert.That(entry.GetProperty("number").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(entry.GetProperty("status").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(entry.GetProperty("admittedOn").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(secretary.GetProperty("roles")[0].GetProperty("roleName").GetString(), Is.EqualTo("书记"));
        });
    }

    [Test]
    public async Task StoresPhoneEncrypted_WhenReadFromRawColumn()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);
        var created = await secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/members", new
        {
            name = "加密测试",
            number = $"P{Guid.NewGuid():N}"[..16],
            phone = "138 1234 5678",
            status = "Full",
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();

        var raw = await App.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT Phone AS Value FROM Members WHERE Id = {id}").SingleAsync());
        var seededRaw = await App.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT Phone AS Value FROM Members WHERE Id = {_entry.Id}").SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That(raw, Does.Not.Contain("13812345678").And.Not.Contain("5678"));
            Assert.That(raw.Length, Is.GreaterThan(40));
            Assert.That(seededRaw, Does.Not.Contain(_entry.Phone));
        });
        var shown = await FindAsync(secretary, id);
        Assert.That(shown.GetProperty("phone").GetString(), Is.EqualTo("13812345678"));
    }

    [Test]
    public async Task Returns409_WhenANumberIsAddedAgainInAnotherLetterCase_ButLetsItsOwnerChangeTheCase()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);
        var number = $"Q{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        object Body(string n) => new { name = "大小写测试", number = n, status = "Full" };
        var created = await secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/members", Body(number));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();

        var again = await secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/members", Body(number.ToLowerInvariant()));
        var recased = await secretary.PutAsJsonAsync($"/api/members/{id}", Body(number.ToLowerInvariant()));

        Assert.That((await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), Does.Contain("该学工号已在名册中"));
        Assert.That(recased.StatusCode, Is.EqualTo(HttpStatusCode.OK), await recased.Content.ReadAsStringAsync());
        Assert.That(await App.WithDbAsync(db => db.Members.CountAsync(m => m.Number.ToUpper() == number)), Is.EqualTo(1));
    }

    [Test]
    public async Task Returns400InPlainWords_WhenAMemberIsAddedToAPartyGroup()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);

        var response = await secretary.PostAsJsonAsync($"/api/org/units/{Org.A.PartyGroupId}/members", new { name = "党小组新人", number = $"G{Guid.NewGuid():N}"[..16], status = "Full" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unit.not_branch");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("党员只能添加到党支部；要编入党小组，请在所属党支部下添加党员时选择党小组。"));
        Assert.That(await App.WithDbAsync(db => db.Members.CountAsync(m => m.Name == "党小组新人")), Is.Zero);
    }

    [Test]
    public async Task Returns404_WhenMemberOfAnotherBranchGuessesUnitOrMemberIds()
    {
        var stranger = await App.SignInAsync(Org.B.Members[0]);

        await (await stranger.GetAsync($"/api/org/units/{Org.A.Id}/members")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/org/units/{Org.A.PartyGroupId}/members")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/org/units/{Org.A.PartyGroupId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync("/api/org/units/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PutAsJsonAsync($"/api/members/{_entry.Id}", new { name = "x", number = "x", status = "Full" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ListsOnlyGroupMembers_WhenUnitIsPartyGroup()
    {
        var outsideGroup = await App.AddMemberAsync(Org.A.Id);
        var client = await App.SignInAsync(Org.A.Members[0]);

        var list = await (await client.GetAsync($"/api/org/units/{Org.A.PartyGroupId}/members")).ReadAsync<JsonElement>();

        var ids = list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ToList();
        Assert.That(ids, Does.Contain(_entry.Id).And.Not.Contain(outsideGroup.Id));
    }

    [Test]
    public async Task Returns403_WhenPlainMemberListsTheWholeGeneralBranch()
    {
        var member = await App.SignInAsync(Org.A.Members[0]);
        var admin = await App.SignInAsync(Org.Admin);

        await (await member.GetAsync($"/api/org/units/{Org.GeneralBranchId}/members")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var all = await (await admin.GetAsync($"/api/org/units/{Org.GeneralBranchId}/members")).ReadAsync<JsonElement>();
        var branches = all.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("branch").GetProperty("id").GetInt32()).Distinct();
        Assert.That(branches, Is.EquivalentTo(new[] { Org.A.Id, Org.B.Id }));
    }

    private static async Task<JsonElement> FindAsync(HttpClient client, int memberId)
    {
        var response = await client.GetAsync($"/api/org/units/{await BranchOfAsync(client)}/members");
        var list = await response.ReadAsync<JsonElement>();
        return list.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == memberId);
    }

    private static async Task<int> BranchOfAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/me")).ReadAsync<JsonElement>()).GetProperty("member").GetProperty("branch").GetProperty("id").GetInt32();
}
