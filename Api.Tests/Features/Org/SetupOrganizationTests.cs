using System.Text;
using System.Text.Json;
using SmartBranch.Api.Features.Org;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>
/// A production install from an empty database (no demo data): the setup command, the first admin binding
/// with its invitation, then building the organisation and its roster over HTTP.
/// </summary>
public sealed class SetupOrganizationTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task BuildsOrganisationOverHttp_WhenStartingFromEmptyDatabase()
    {
        Assert.That(await App.WithDbAsync(db => db.Units.CountAsync()), Is.Zero, "the database starts empty");

        var first = await SetupAsync("信息学院党总支", "王管理", "A0001");
        var again = await SetupAsync("另一个党总支", "李某", "A0002");

        Assert.Multiple(() =>
        {
            Assert.That(first.Created, Is.True);
            Assert.That(first.Scene, Does.Match("^i=[a-z0-9]{12}$"));
            Assert.That(first.ExpiresAt, Is.EqualTo(Now.AddHours(SetupOrganization.DefaultInvitationHours)));
            Assert.That(again.Created, Is.False);
            Assert.That(again.UnitId, Is.EqualTo(first.UnitId));
            Assert.That(again.Scene, Is.Not.EqualTo(first.Scene), "the unbound admin gets a fresh invitation");
        });
        Assert.That(await App.WithDbAsync(db => db.Units.CountAsync(u => u.ParentId == null)), Is.EqualTo(1), "a second run creates no second top unit");

        // The first invitation was replaced: it binds nobody.
        var admin = await App.SignInAsync("dev-first-admin");
        var stale = await admin.BindAsync(first.Scene, "王管理", "A0001");
        await stale.AssertProblemAsync(HttpStatusCode.BadRequest, "invitation.revoked");

        var bound = await admin.BindAsync(again.Scene, "王管理", "A0001");
        Assert.That(bound.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bound.Content.ReadAsStringAsync());
        admin = await App.SignInAsync("dev-first-admin");

        var third = await SetupAsync("信息学院党总支", "王管理", "A0001");
        Assert.That((third.Created, third.Scene), Is.EqualTo((false, (string?)null)), "after the admin bound, setup changes nothing");

        var top = first.UnitId;
        var teachers = await CreateAsync(admin, new { name = "教工党支部", kind = "Branch", parentId = top, category = "Teacher" });
        var students = await CreateAsync(admin, new { name = "学生党支部", kind = "Branch", parentId = top, category = "Student" });
        var group = await CreateAsync(admin, new { name = "教工第一党小组", kind = "PartyGroup", parentId = teachers });

        var csv = new StringBuilder("姓名,学工号,手机号,党员状态,党小组,入党日期,转正日期\r\n")
            .Append("张一,T1001,13800000001,正式,教工第一党小组,2010-07-01,2011-07-01\r\n")
            .Append("张二,T1002,13800000002,正式,教工第一党小组,2012-07-01,2013-07-01\r\n")
            .Append("张三,T1003,13800000003,预备,,2025-07-01,\r\n");
        var import = await admin.PostAsync($"/api/org/units/{teachers}/members/import?dryRun=false", OrgTestData.Upload(Encoding.UTF8.GetBytes(csv.ToString()), "roster.csv"));
        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK), await import.Content.ReadAsStringAsync());

        var roster = await (await admin.GetAsync($"/api/org/units/{teachers}/members")).ReadAsync<JsonElement>();
        var zhangYi = roster.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("number").GetString() == "T1001").GetProperty("id").GetInt32();
        var appoint = await admin.PostAsJsonAsync($"/api/org/units/{teachers}/appointments", new { memberId = zhangYi, role = "Secretary" });
        Assert.That(appoint.StatusCode, Is.EqualTo(HttpStatusCode.Created), await appoint.Content.ReadAsStringAsync());

        var unit = await (await admin.GetAsync($"/api/org/units/{teachers}")).ReadAsync<JsonElement>();
        var tree = await (await admin.GetAsync("/api/org/units")).ReadAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(unit.GetProperty("memberCount").GetInt32(), Is.EqualTo(3));
            Assert.That(unit.GetProperty("committee").EnumerateArray().Select(s => (s.GetProperty("memberName").GetString(), s.GetProperty("role").GetString())),
                Is.EqualTo(new[] { ("张一", "Secretary") }));
            Assert.That(unit.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()), Is.EqualTo(new[] { "branch.too_few_full" }),
                "two full members are fewer than three");
            var root = tree.GetProperty("items").EnumerateArray().Single();
            Assert.That(root.GetProperty("id").GetInt32(), Is.EqualTo(top));
            Assert.That(root.GetProperty("children").EnumerateArray().Select(b => b.GetProperty("id").GetInt32()), Is.EqualTo(new[] { teachers, students }));
            Assert.That(root.GetProperty("children")[0].GetProperty("children").EnumerateArray().Select(g => g.GetProperty("id").GetInt32()), Is.EqualTo(new[] { group }));
        });

        // The new secretary signs in after binding and manages their branch.
        var invitation = await (await admin.PostAsJsonAsync($"/api/org/units/{teachers}/invitations", new { singleUse = true })).ReadAsync<JsonElement>();
        var secretary = await App.SignInAsync("dev-zhang-yi");
        var bind = await secretary.BindAsync(invitation.GetProperty("scene").GetString(), "张一", "T1001");
        Assert.That(bind.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bind.Content.ReadAsStringAsync());
        var asSecretary = await (await (await App.SignInAsync("dev-zhang-yi")).GetAsync($"/api/org/units/{teachers}")).ReadAsync<JsonElement>();
        Assert.That(asSecretary.GetProperty("canManage").GetBoolean(), Is.True);
    }

    [Test]
    public void RefusesBadArguments_WhenRequiredOptionsAreMissingOrKindIsUnsupported()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SetupOrganization.Parse(["--name", "党总支"]).Error, Does.StartWith("usage:"));
            Assert.That(SetupOrganization.Parse(["--name", "党委", "--admin-name", "甲", "--admin-number", "A1", "--kind", "PartyCommittee"]).Error, Does.Contain("only GeneralBranch"));
            Assert.That(SetupOrganization.Parse(["--name", "党总支", "--admin-name", "甲", "--admin-number", "A 1"]).Error, Is.Not.Null);
            Assert.That(SetupOrganization.Parse(["--name", "党总支", "--admin-name", "甲", "--admin-number", "A1", "--hours", "0"]).Error, Does.Contain("--hours"));
            Assert.That(SetupOrganization.Parse(["--name", "党总支", "--admin-name", "甲", "--admin-number", "A1", "--hours", "24"]).Arguments,
                Is.EqualTo(new SetupOrganization.Arguments("党总支", "甲", "A1", 24)));
        });
    }

    private async Task<SetupOrganization.Outcome> SetupAsync(string name, string adminName, string adminNumber)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await SetupOrganization.RunAsync(scope.ServiceProvider, new SetupOrganization.Arguments(name, adminName, adminNumber, SetupOrganization.DefaultInvitationHours), CancellationToken.None);
    }

    private static async Task<int> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/org/units", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
