using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SmartBranch.Api.Common.Tables;
using static SmartBranch.Api.Tests.Features.Development.DevelopmentApi;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>The ledger (发展党员工作台账): export → import round trip reproduces every date; the roster's import rules.</summary>
public sealed class LedgerTests : FunctionalTest
{
    [Test]
    public async Task ReproducesEveryDate_WhenAnExportedLedgerIsImportedIntoAnotherBranch()
    {
        var (org, secretaryA) = await App.SeedSignedInAsync(branches: 2, members: 2);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = await CreateAsync(secretaryA, org.A.Id, "赵一", $"L{Guid.NewGuid():N}"[..12], today.AddYears(-19), today.AddDays(-3));
        await StepOkAsync(secretaryA, first.GetProperty("id").GetInt32(), new { kind = "ApplicantTalk", talkPartnerIds = new[] { org.A.Secretary.Id }, occurredOn = today.AddDays(-1) });
        var second = await CreateAsync(secretaryA, org.A.Id, "钱二", $"L{Guid.NewGuid():N}"[..12], today.AddYears(-22), today.AddMonths(-14));
        var id2 = second.GetProperty("id").GetInt32();
        await StepOkAsync(secretaryA, id2, new { kind = "ApplicantTalk", talkPartnerIds = new[] { org.A.Secretary.Id }, occurredOn = today.AddMonths(-14).AddDays(9) });
        await StepOkAsync(secretaryA, id2, new { kind = "ActivistConfirmed", occurredOn = today.AddMonths(-13) });
        await StepOkAsync(secretaryA, id2, new { kind = "ActivistFiled", occurredOn = today.AddMonths(-13).AddDays(2) });
        await StepOkAsync(secretaryA, id2, new { kind = "ContactsAssigned", contactIds = new[] { org.A.Members[0].Id }, occurredOn = today.AddMonths(-13).AddDays(5) });
        await StepOkAsync(secretaryA, id2, new { kind = "ActivistObservation", occurredOn = today.AddMonths(-7) });
        await StepOkAsync(secretaryA, id2, new { kind = "CandidateConfirmed", occurredOn = today.AddMonths(-1) });

        var exported = await secretaryA.GetByteArrayAsync($"/api/development/units/{org.A.Id}/ledger");
        var admin = await App.SignInAsync(org.Admin);
        var dry = await ImportAsync(admin, org.B.Id, exported, "台账.xlsx", dryRun: true);
        var afterDry = await App.WithDbAsync(db => db.DevelopmentRecords.CountAsync(r => r.BranchId == org.B.Id));
        var import = await ImportAsync(admin, org.B.Id, exported, "台账.xlsx", dryRun: false);
        var reexported = await admin.GetByteArrayAsync($"/api/development/units/{org.B.Id}/ledger?format=xlsx");

        var before = Rows(exported);
        var after = Rows(reexported);
        Assert.Multiple(async () =>
        {
            Assert.That((await dry.ReadAsync<JsonElement>()).GetProperty("created").GetInt32(), Is.EqualTo(2));
            Assert.That(afterDry, Is.Zero, "a dry run writes nothing");
            Assert.That((await import.ReadAsync<JsonElement>()).GetProperty("created").GetInt32(), Is.EqualTo(2));
            Assert.That(before.Select(r => r["支部"]).Distinct(), Is.EqualTo(new[] { org.A.Name }));
            Assert.That(after.Select(r => r["支部"]).Distinct(), Is.EqualTo(new[] { org.B.Name }));
            Assert.That(after.Select(WithoutBranch), Is.EqualTo(before.Select(WithoutBranch)), "every name, number and date comes back");
            Assert.That(before.Single(r => r["姓名"] == "钱二")["7.确定为发展对象"], Is.EqualTo(Day(today.AddMonths(-1))));
            Assert.That(before.Single(r => r["姓名"] == "赵一")["3.确定为入党积极分子"], Is.Empty);
        });
    }

    [Test]
    public async Task ImportsNothingAndListsEveryBadRow_WhenSomeRowsAreBad()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var csv = "支部,姓名,学工号,出生日期,1.递交入党申请书,2.党组织派人谈话,3.确定为入党积极分子\n"
            + $",孙三,Ｃ{Guid.NewGuid():N}"[..20] + ",2003年5月6日,2024年3月1日,2024/3/20,2024.9.1\n"
            + ",李四,C2,2003-01-01,2024-03-01,,2024-09-01\n"
            + ",周五,C3,2003-01-01,2024-03-01,2024-02-01,\n"
            + ",吴六,C4,2003-01-01,某天,,\n";
        var bad = await ImportAsync(secretary, org.A.Id, Encoding.UTF8.GetBytes(csv), "ledger.csv", dryRun: false);
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        var stored = await App.WithDbAsync(db => db.DevelopmentRecords.CountAsync(r => r.BranchId == org.A.Id));
        var good = await ImportAsync(secretary, org.A.Id, Encoding.UTF8.GetBytes(csv.Split('\n')[0] + "\n" + csv.Split('\n')[1] + "\n"), "ledger.csv", dryRun: false);
        var record = await App.WithDbAsync(db => db.DevelopmentRecords.AsNoTracking().Include(r => r.Steps).SingleAsync(r => r.BranchId == org.A.Id));

        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()), Is.EqualTo(new[] { 3, 4, 5 }));
            Assert.That(problem.GetProperty("rows")[0].GetProperty("reasons")[0].GetString(), Does.Contain("为空"));
            Assert.That(problem.GetProperty("rows")[1].GetProperty("reasons")[0].GetString(), Does.Contain("不能早于上一步骤"));
            Assert.That(problem.GetProperty("rows")[2].GetProperty("reasons")[0].GetString(), Does.Contain("无法识别"));
            Assert.That(stored, Is.Zero, "all or nothing");
            Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(record.Name, Is.EqualTo("孙三"));
            Assert.That(record.Number, Does.StartWith("C"), "full-width letters are normalised");
            Assert.That(record.BirthDate, Is.EqualTo(new DateOnly(2003, 5, 6)));
            Assert.That(record.Steps.OrderBy(s => s.OccurredOn).Select(s => s.OccurredOn), Is.EqualTo(new[] { new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 20), new DateOnly(2024, 9, 1) }));
            Assert.That(record.Stage.ToString(), Is.EqualTo("Activist"));
        });
    }

    [Test]
    public async Task RefusesTheRow_WhenTheBirthDateIsAfterTheApplicationOrToday()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3);
        var csv = "支部,姓名,学工号,出生日期,1.递交入党申请书\n"
            + ",郑七,D1,2003-01-01,2024-03-01\n"
            + ",王八,D2,2024-05-01,2024-03-01\n"
            + $",冯九,D3,{future:yyyy-MM-dd},2024-03-01\n";

        var dry = await ImportAsync(secretary, org.A.Id, Encoding.UTF8.GetBytes(csv), "ledger.csv", dryRun: true);
        var problem = await dry.AssertProblemAsync(HttpStatusCode.BadRequest);

        var rows = problem.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(), r => r.GetProperty("reasons")[0].GetString());
        Assert.That(rows, Is.EqualTo(new Dictionary<int, string?>
        {
            [3] = "出生日期「2024-05-01」不早于「1.递交入党申请书」的日期",
            [4] = $"出生日期「{future:yyyy-MM-dd}」晚于今天",
        }));
    }

    [Test]
    public async Task RefusesTheRows_WhenANumberRepeatsInAnotherLetterCase()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var number = $"E{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var first = await ImportAsync(secretary, org.A.Id, Encoding.UTF8.GetBytes($"支部,姓名,学工号,出生日期,1.递交入党申请书\n,郑一,{number},2003-01-01,2024-03-01\n"), "ledger.csv", dryRun: false);
        var other = $"F{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var csv = "支部,姓名,学工号,出生日期,1.递交入党申请书\n"
            + $",郑二,{number.ToLowerInvariant()},2003-01-01,2024-03-01\n"
            + $",郑三,{other},2003-01-01,2024-03-01\n"
            + $",郑四,{other.ToLowerInvariant()},2003-01-01,2024-03-01\n";

        var bad = await ImportAsync(secretary, org.A.Id, Encoding.UTF8.GetBytes(csv), "ledger.csv", dryRun: false);
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        var stored = await App.WithDbAsync(db => db.DevelopmentRecords.Where(r => r.BranchId == org.A.Id).Select(r => r.Number).ToListAsync());

        var rows = problem.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(), r => r.GetProperty("reasons")[0].GetString());
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(rows, Is.EqualTo(new Dictionary<int, string?>
            {
                [2] = $"学工号 {number.ToLowerInvariant()} 已在本支部发展对象中",
                [4] = $"学工号 {other.ToLowerInvariant()} 与第 3 行重复",
            }));
            Assert.That(stored, Is.EqualTo(new[] { number }), "nothing of the refused file is written");
        });
    }

    [Test]
    public async Task SaysTheFileIsEmpty_WhenAnEmptyFileIsUploaded()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var empty = await ImportAsync(secretary, org.A.Id, [], "ledger.csv", dryRun: true);
        var problem = await empty.AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("文件无效"));
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("文件是空的，请检查后重新上传。"));
        });
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, int branchId, byte[] file, string fileName, bool dryRun)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return await client.PostAsync($"/api/development/units/{branchId}/ledger?dryRun={(dryRun ? "true" : "false")}", form);
    }

    private static List<IReadOnlyDictionary<string, string>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return TableFile.Read(stream, TableFormat.Xlsx).Select(r => r.Cells).ToList();
    }

    private static string WithoutBranch(IReadOnlyDictionary<string, string> row) =>
        string.Join("|", row.Where(c => c.Key != "支部").OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}
