using System.Text.Json;
using SmartBranch.Api.Tests.Features.Org;

namespace SmartBranch.Api.Tests.Features.Audit;

public sealed class ListAuditLogTests() : SeededTest(branches: 2, members: 1)
{
    [Test]
    public async Task ListsWhoChangedWhatNewestFirst_WhenCommitteeAndAdminRead()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);
        var entry = await App.AddMemberAsync(Org.A.Id, bound: true);
        await secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/members", new { name = "审计新人", number = $"U{Guid.NewGuid():N}"[..16], status = "Full" });
        await secretary.PostAsync($"/api/members/{entry.Id}/unbind", null);
        var admin = await App.SignInAsync(Org.Admin);

        var branchLog = await (await secretary.GetAsync($"/api/audit?unitId={Org.A.Id}")).ReadAsync<JsonElement>();
        var generalLog = await (await admin.GetAsync($"/api/audit?unitId={Org.GeneralBranchId}&limit=1")).ReadAsync<JsonElement>();
        var nextPage = await (await admin.GetAsync($"/api/audit?unitId={Org.GeneralBranchId}&limit=1&cursor={generalLog.GetProperty("nextCursor").GetString()}")).ReadAsync<JsonElement>();

        var items = branchLog.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.GetProperty("action").GetString()), Is.EqualTo(new[] { "member.unbound", "member.created" }));
            Assert.That(items[0].GetProperty("actorName").GetString(), Is.EqualTo(Org.A.Secretary.Name));
            Assert.That(items[0].GetProperty("targetId").GetInt64(), Is.EqualTo(entry.Id));
            Assert.That(items[1].GetProperty("summary").GetString(), Does.Contain("审计新人"));
            Assert.That(generalLog.GetProperty("items").EnumerateArray().Single().GetProperty("action").GetString(), Is.EqualTo("member.unbound"));
            Assert.That(nextPage.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64(),
                Is.LessThan(generalLog.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64()));
        });
    }

    [Test]
    public async Task Returns403ForMemberAnd404ForOtherBranch_WhenNotTheCommittee()
    {
        var member = await App.SignInAsync(Org.A.Members[0]);
        var otherSecretary = await App.SignInAsync(Org.B.Secretary);

        await (await member.GetAsync($"/api/audit?unitId={Org.A.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await otherSecretary.GetAsync($"/api/audit?unitId={Org.A.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var noUnit = await (await otherSecretary.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That((noUnit.GetProperty("title").GetString(), noUnit.GetProperty("detail").GetString()), Is.EqualTo(("未选择组织", "请先选择要查看操作记录的组织。")), "plain words, no field name");
    }
}
