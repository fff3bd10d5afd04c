using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Org;

public sealed class UnitTreeTests() : SeededTest(branches: 2, members: 1)
{
    [Test]
    public async Task ShowsOwnBranchOnly_WhenCallerIsPlainMember()
    {
        var client = await App.SignInAsync(Org.A.Members[0]);

        var tree = await (await client.GetAsync("/api/org/units")).ReadAsync<JsonElement>();

        var root = tree.GetProperty("items").EnumerateArray().Single();
        Assert.That(root.GetProperty("id").GetInt32(), Is.EqualTo(Org.GeneralBranchId));
        var branch = root.GetProperty("children").EnumerateArray().Single();
        Assert.That(branch.GetProperty("id").GetInt32(), Is.EqualTo(Org.A.Id));
        Assert.That(branch.GetProperty("canManage").GetBoolean(), Is.False);
        Assert.That(branch.GetProperty("children").EnumerateArray().Select(g => g.GetProperty("id").GetInt32()), Is.EqualTo(new[] { Org.A.PartyGroupId }));
    }

    [Test]
    public async Task ShowsEveryBranch_WhenCallerIsAdmin()
    {
        var client = await App.SignInAsync(Org.Admin);

        var tree = await (await client.GetAsync("/api/org/units")).ReadAsync<JsonElement>();

        var root = tree.GetProperty("items").EnumerateArray().Single();
        Assert.That(root.GetProperty("canManage").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("children").EnumerateArray().Select(b => b.GetProperty("id").GetInt32()), Is.EqualTo(new[] { Org.A.Id, Org.B.Id }));
    }

    [Test]
    public async Task ShowsCommitteeAndHeadCount_WhenBranchIsOpened()
    {
        var client = await App.SignInAsync(Org.A.Members[0]);

        var unit = await (await client.GetAsync($"/api/org/units/{Org.A.Id}")).ReadAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(unit.GetProperty("name").GetString(), Is.EqualTo(Org.A.Name));
            Assert.That(unit.GetProperty("parent").GetProperty("id").GetInt32(), Is.EqualTo(Org.GeneralBranchId));
            Assert.That(unit.GetProperty("memberCount").GetInt32(), Is.EqualTo(3), "secretary, member and the admin sit in branch A");
            var seat = unit.GetProperty("committee").EnumerateArray().Single();
            Assert.That(seat.GetProperty("memberId").GetInt32(), Is.EqualTo(Org.A.Secretary.Id));
            Assert.That(seat.GetProperty("roleName").GetString(), Is.EqualTo("书记"));
        });
    }
}
