using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Org;

public sealed class ImportMembersTests : FunctionalTest
{
    [Test]
    public async Task WritesNothingAndReportsExactlyTheBadRows_ThenImportsAllThenChangesNothing_When2000RowFile()
    {
        var org = await App.SeedAsync(branches: 2, members: 1);
        var group = await App.GroupNameAsync(org.A.PartyGroupId);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] Row(int i) =>
        [
            $"成员{tag}{i}",
            $"I{tag}{i:D4}",
            $"137{i:D8}",
            i % 5 == 0 ? "预备" : "正式",
            i % 2 == 0 ? group : string.Empty,
            "2019-06-01",
            i % 5 == 0 ? string.Empty : "2020-06-01",
        ];
        var good = Enumerable.Range(1, 2000).Select(Row).ToList();
        var bad = good.Select(r => r.ToArray()).ToList();
        bad[99][1] = bad[49][1];          // row 101: number repeats row 51
        bad[999][4] = "不存在的党小组";     // row 1001
        bad[1499][2] = "1234567";          // row 1501
        var secretary = await App.SignInAsync(org.A.Secretary);
        var before = await CountAsync(org.A.Id);

        var rejected = await secretary.PostAsync($"/api/org/units/{org.A.Id}/members/import?dryRun=false", OrgTestData.Upload(OrgTestData.Csv(bad), "roster.csv"));

        var problem = await rejected.AssertProblemAsync(HttpStatusCode.BadRequest);
        var rows = problem.GetProperty("rows").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.GetProperty("row").GetInt32()), Is.EqualTo(new[] { 101, 1001, 1501 }));
            Assert.That(rows[0].GetProperty("reasons")[0].GetString(), Does.Contain("与第 51 行重复"));
            Assert.That(rows[1].GetProperty("reasons")[0].GetString(), Does.Contain("不存在的党小组"));
            Assert.That(rows[2].GetProperty("reasons")[0].GetString(), Does.Contain("手机号"));
        });
        Assert.That(await CountAsync(org.A.Id), Is.EqualTo(before));

        var imported = await secretary.PostAsync($"/api/org/units/{org.A.Id}/members/import?dryRun=false", OrgTestData.Upload(OrgTestData.Csv(good), "roster.csv"));
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
        var first = await imported.ReadAsync<JsonElement>();
        Assert.That((first.GetProperty("created").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("unchanged").GetInt32()), Is.EqualTo((2000, 0, 0)));
        Assert.That(await CountAsync(org.A.Id), Is.EqualTo(before + 2000));

        var again = await (await secretary.PostAsync($"/api/org/units/{org.A.Id}/members/import?dryRun=false", OrgTestData.Upload(OrgTestData.Csv(good), "roster.csv"))).ReadAsync<JsonElement>();
        Assert.That((again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()), Is.EqualTo((0, 0, 2000)));
        Assert.That(await CountAsync(org.A.Id), Is.EqualTo(before + 2000));

        var stored = await App.WithDbAsync(db => db.Members.Where(m => m.Number == $"I{tag}0010").Select(m => new { m.Status, m.PartyGroupId, m.AdmittedOn, m.FullSince }).SingleAsync());
        Assert.That(stored.Status.ToString(), Is.EqualTo("Probationary"));
        Assert.That(stored.PartyGroupId, Is.EqualTo(org.A.PartyGroupId));
        Assert.That(stored.AdmittedOn, Is.EqualTo(new DateOnly(2019, 6, 1)));
        Assert.That(stored.FullSince, Is.Null);
        Assert.That(await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.UnitId == org.A.Id && a.Action == "members.imported")), Is.EqualTo(1));
    }

    [Test]
    public async Task ReportsButWritesNothing_WhenDryRun()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var existing = org.A.Members[0];
        var before = await CountAsync(org.A.Id);
        var csv = OrgTestData.Csv(
        [
            ["改名了", existing.Number, "13900000000", "正式", string.Empty, string.Empty, string.Empty],
            ["新人甲", $"D{Guid.NewGuid():N}"[..16], string.Empty, "预备", string.Empty, "2025-01-01", string.Empty],
        ]);

        var report = await (await secretary.PostAsync($"/api/org/units/{org.A.Id}/members/import?dryRun=true", OrgTestData.Upload(csv, "roster.csv"))).ReadAsync<JsonElement>();

        Assert.That(report.GetProperty("dryRun").GetBoolean(), Is.True);
        Assert.That((report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32()), Is.EqualTo((1, 1)));
        Assert.That(await App.WithDbAsync(db => db.Members.Where(m => m.Id == existing.Id).Select(m => m.Name).SingleAsync()), Is.EqualTo(existing.Name));
        Assert.That(await CountAsync(org.A.Id), Is.EqualTo(before));
    }

    [Test]
    public async Task ReportsNumberOfAnotherBranchAndBadStatusAndDates_WhenRowsAreWrong()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 1);
        var csv = OrgTestData.Csv(
        [
            ["甲", org.B.Members[0].Number, string.Empty, "正式", string.Empty, string.Empty, string.Empty],
            ["乙", "OK-1", string.Empty, "积极分子", string.Empty, string.Empty, string.Empty],
            ["丙", "OK-2", string.Empty, "预备", string.Empty, "2020-13-01", string.Empty],
            [string.Empty, "OK-3", string.Empty, "预备", string.Empty, "2020-01-01", "2021-01-01"],
        ]);

        var problem = await (await secretary.PostAsync($"/api/org/units/{org.A.Id}/members/import", OrgTestData.Upload(csv, "roster.csv")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var reasons = problem.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("row").GetInt32(), r => string.Join("；", r.GetProperty("reasons").EnumerateArray().Select(x => x.GetString())));
        Assert.Multiple(() =>
        {
            Assert.That(reasons.Keys, Is.EqualTo(new[] { 2, 3, 4, 5 }));
            Assert.That(reasons[2], Does.Contain("其他党支部"));
            Assert.That(reasons[3], Does.Contain("党员状态"));
            Assert.That(reasons[4], Does.Contain("入党日期格式"));
            Assert.That(reasons[5], Does.Contain("缺少姓名").And.Contain("转正日期"));
        });
    }

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task ImportsBackUnchanged_WhenRosterWasExported(string format)
    {
        var org = await App.SeedAsync(branches: 1, members: 3, probationary: 1);
        var extra = await App.AddMemberAsync(org.A.Id);
        var secretary = await App.SignInAsync(org.A.Secretary);

        var export = await secretary.GetAsync($"/api/org/units/{org.A.Id}/members/export?format={format}");
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var content = await export.Content.ReadAsByteArrayAsync();
        var report = await (await secretary.PostAsync($"/api/org/units/{org.A.Id}/members/import", OrgTestData.Upload(content, $"export.{format}"))).ReadAsync<JsonElement>();

        Assert.That(export.Content.Headers.ContentDisposition?.FileNameStar, Does.EndWith($".{format}"));
        Assert.That((report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()), Is.EqualTo((0, 0, 6)));
        if (format == "csv")
        {
            var text = System.Text.Encoding.UTF8.GetString(content);
            Assert.That(text, Does.StartWith("\uFEFF姓名,学工号,手机号,党员状态,党小组,入党日期,转正日期"));
            Assert.That(text, Does.Contain($"{extra.Name},{extra.Number},{extra.Phone},正式"));
        }
    }

    [Test]
    public async Task Returns400_WhenFileIsMissingOrNotASheet()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var noFile = await secretary.PostAsync($"/api/org/units/{org.A.Id}/members/import", new MultipartFormDataContent());
        var wrongType = await secretary.PostAsync($"/api/org/units/{org.A.Id}/members/import", OrgTestData.Upload([1, 2, 3], "roster.pdf"));
        var noHeaders = await secretary.PostAsync($"/api/org/units/{org.A.Id}/members/import", OrgTestData.Upload("a,b\r\n1,2\r\n"u8.ToArray(), "roster.csv"));
        var badExportFormat = await secretary.GetAsync($"/api/org/units/{org.A.Id}/members/export?format=pdf");

        await noFile.AssertProblemAsync(HttpStatusCode.BadRequest);
        await wrongType.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That((await noHeaders.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), Does.Contain("缺少必填列"));
        await badExportFormat.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private Task<int> CountAsync(int branchId) => App.WithDbAsync(db => db.Members.CountAsync(m => m.BranchId == branchId));
}
