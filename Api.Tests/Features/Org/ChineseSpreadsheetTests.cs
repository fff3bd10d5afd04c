using System.IO.Compression;
using System.Security;
using System.Text;
using SmartBranch.Api.Tests.Features.Activities;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>
/// Spreadsheets as Chinese Excel writes them, built byte by byte in the test: a GB18030 "CSV (逗号分隔)",
/// an xlsx whose ID cells are numbers under a <c>0000000</c> format and whose dates are serials under
/// built-in and custom formats, full-width digits and Unicode spaces in codes; and exports that never
/// hand Excel a live formula.
/// </summary>
public sealed class ChineseSpreadsheetTests : FunctionalTest
{
    private const string Header = "姓名,学工号,手机号,党员状态,党小组,入党日期,转正日期";

    [OneTimeSetUp]
    public void RegisterCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Test]
    public async Task ImportsTheRows_WhenTheCsvIsGb18030AsChineseExcelSavesIt()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var tag = Tag();
        var csv = $"{Header}\r\n张国庆{tag},G{tag},13812345678,正式,,2021年7月1日,2022/7/1\r\n欧阳晓燕{tag},H{tag},,预备,,2023.07.01,\r\n";
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(csv);
        Assert.That(() => new UTF8Encoding(false, true).GetString(bytes), Throws.InstanceOf<DecoderFallbackException>(), "the file is not UTF-8");

        var response = await ImportAsync(org, bytes, "名册.csv");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await MembersAsync(org.A.Id, tag);
        Assert.That(stored.Select(m => (m.Name, m.Number, m.AdmittedOn, m.FullSince)), Is.EqualTo(new[]
        {
            ($"张国庆{tag}", $"G{tag}", (DateOnly?)new DateOnly(2021, 7, 1), (DateOnly?)new DateOnly(2022, 7, 1)),
            ($"欧阳晓燕{tag}", $"H{tag}", new DateOnly(2023, 7, 1), null),
        }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task ImportsTheRows_WhenTheCsvIsUtf8WithOrWithoutBom(bool bom)
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var tag = Tag();
        var text = $"{Header}\r\n李红{tag},U{tag},,正式,,2019-06-01,2020-06-01\r\n";
        var bytes = (bom ? new UTF8Encoding(true).GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var response = await ImportAsync(org, bytes, "roster.csv");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await MembersAsync(org.A.Id, tag)).Single().Name, Is.EqualTo($"李红{tag}"));
    }

    [Test]
    public async Task RefusesNamingTheEncoding_WhenTheCsvIsNeitherUtf8NorChinese()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes("Фамилия,Номер,Телефон,Статус\r\nИванов Иван Иванович,12345,,член партии\r\nПетров Пётр Петрович,12346,,член партии\r\n");

        var response = await ImportAsync(org, bytes, "roster.csv");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("编码"));
    }

    [Test]
    public async Task StoresWhatExcelShows_WhenIdsAreNumbersWithLeadingZeroFormatAndDatesAreSerials()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var tag = Tag();
        var july1 = new DateTime(2021, 7, 1).ToOADate();
        var xlsx = Xlsx.Build(
            [
                Xlsx.Row("姓名", "学工号", "手机号", "党员状态", "入党日期", "转正日期"),
                Xlsx.Row($"甲{tag}", Xlsx.Number(210023, Xlsx.LeadingZeros), Xlsx.Number(13812345678, Xlsx.Plain), "正式", Xlsx.Number(july1, Xlsx.ChineseDateBuiltIn), Xlsx.Number(july1 + 365, Xlsx.IsoDateBuiltIn)),
                Xlsx.Row($"乙{tag}", Xlsx.Number(7, Xlsx.LeadingZeros), string.Empty, "预备", Xlsx.Number(july1, Xlsx.ChineseDateCustom), string.Empty),
                Xlsx.Row($"丙{tag}", $"X{tag}", string.Empty, "预备", "2021/7/1", string.Empty),
            ]);

        var response = await ImportAsync(org, xlsx, "名册.xlsx");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await App.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.BranchId == org.A.Id && m.Name.EndsWith(tag)).OrderBy(m => m.Name).ToListAsync());
        var byName = stored.ToDictionary(m => m.Name[..1]);
        Assert.That(byName["甲"].Number, Is.EqualTo("0210023"), "the number on the member's card");
        Assert.That(byName["乙"].Number, Is.EqualTo("0000007"));
        Assert.That(byName["丙"].Number, Is.EqualTo($"X{tag}"));
        Assert.That((byName["甲"].AdmittedOn, byName["甲"].FullSince), Is.EqualTo(((DateOnly?)new DateOnly(2021, 7, 1), (DateOnly?)new DateOnly(2022, 7, 1))));
        Assert.That(byName["乙"].AdmittedOn, Is.EqualTo(new DateOnly(2021, 7, 1)));
        Assert.That(byName["丙"].AdmittedOn, Is.EqualTo(new DateOnly(2021, 7, 1)));
        var phones = App.Services.GetRequiredService<SmartBranch.Api.Common.Privacy.PhoneNumbers>();
        Assert.That(phones.Reveal(byName["甲"].Phone), Is.EqualTo("13812345678"));
    }

    [Test]
    public async Task MatchesNumbersWhateverTheirCase_AsBindingDoes()
    {
        var org = await App.SeedAsync(branches: 2, members: 1);
        var tag = Tag();
        var (upper, lower) = ($"S{tag}01", $"s{tag.ToLowerInvariant()}01");
        byte[] Sheet(params string[][] rows) => Xlsx.Build([Xlsx.Row("姓名", "学工号", "党员状态", "入党日期"), .. rows.Select(r => Xlsx.Row(r.Cast<object>().ToArray()))]);
        var first = await ImportAsync(org, Sheet([$"甲{tag}", upper, "预备", "2025/7/1"]), "名册.xlsx");

        // The same person typed in lower case next year: updated (now full), not a second member.
        var again = await ImportAsync(org, Sheet([$"甲{tag}", lower, "正式", "2025/7/1"]), "名册.xlsx");
        var twice = await ImportAsync(org, Sheet([$"甲{tag}", upper, "正式", "2025/7/1"], [$"乙{tag}", lower, "正式", "2025/7/1"]), "名册.xlsx");
        var otherBranch = await (await App.SignInAsync(org.B.Secretary)).PostAsync(
            $"/api/org/units/{org.B.Id}/members/import", OrgTestData.Upload(Sheet([$"丙{tag}", lower, "正式", "2025/7/1"]), "名册.xlsx"));

        var stored = await App.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.Name.EndsWith(tag)).Select(m => new { m.Number, m.Status, m.BranchId }).ToListAsync());
        var duplicate = await twice.AssertProblemAsync(HttpStatusCode.BadRequest);
        var elsewhere = await otherBranch.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
            var report = await again.ReadAsync<System.Text.Json.JsonElement>();
            Assert.That((report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32()), Is.EqualTo((0, 1)));
            Assert.That(stored.Select(m => (m.Number, m.Status.ToString(), m.BranchId)), Is.EqualTo(new[] { (upper, "Full", org.A.Id) }), "one member, now full, its number as the roster spelled it");
            Assert.That(duplicate.GetProperty("rows")[0].GetProperty("reasons")[0].GetString(), Is.EqualTo($"学工号“{lower}”与第 2 行重复"));
            Assert.That(elsewhere.GetProperty("rows")[0].GetProperty("reasons")[0].GetString(), Is.EqualTo($"学工号“{lower}”已属于其他党支部（需先办理组织关系转接）"));
        });
    }

    [Test]
    public async Task StoresTheNormalForm_WhenCodesHaveFullWidthDigitsAndUnicodeSpaces()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var tag = Tag();
        var fullWidthNumber = string.Concat($"Q{tag}".Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));
        var csv = $"{Header}\r\n\u00A0王芳{tag}\u3000,{fullWidthNumber}\u00A0,１３８\u00A01234\u20025678,正式,,２０２１年７月１日,\r\n";

        var response = await ImportAsync(org, Encoding.UTF8.GetBytes(csv), "roster.csv");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var member = (await MembersAsync(org.A.Id, tag)).Single();
        var phones = App.Services.GetRequiredService<SmartBranch.Api.Common.Privacy.PhoneNumbers>();
        Assert.That((member.Name, member.Number, phones.Reveal(member.Phone), member.AdmittedOn), Is.EqualTo(($"王芳{tag}", $"Q{tag}", "13812345678", (DateOnly?)new DateOnly(2021, 7, 1))));
    }

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task ExportsFormulaLikeNamesAsText_WhenTheRosterIsExported(string format)
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var tag = Tag();
        var csv = $"{Header}\r\n\"=HYPERLINK(\"\"http://evil.example\"\",\"\"{tag}\"\")\",F{tag},,正式,,,\r\n@SUM{tag},S{tag},,正式,,,\r\n";
        var imported = await ImportAsync(org, Encoding.UTF8.GetBytes(csv), "roster.csv");
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
        var secretary = await App.SignInAsync(org.A.Secretary);

        var export = await secretary.GetAsync($"/api/org/units/{org.A.Id}/members/export?format={format}");

        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cells = format == "csv" ? CsvCells(await export.Content.ReadAsStringAsync()) : XlsxCells(await export.Content.ReadAsByteArrayAsync());
        Assert.That(cells, Does.Contain($"'=HYPERLINK(\"http://evil.example\",\"{tag}\")"));
        Assert.That(cells, Does.Contain($"'@SUM{tag}"));
        Assert.That(cells.Where(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@'), Is.Empty);
        Assert.That(XlsxHasNoFormula(format, await export.Content.ReadAsByteArrayAsync()), Is.True);

        var again = await ImportAsync(org, await export.Content.ReadAsByteArrayAsync(), $"roster.{format}");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
        Assert.That((await MembersAsync(org.A.Id, tag)).Select(m => m.Name), Is.EquivalentTo(new[] { $"=HYPERLINK(\"http://evil.example\",\"{tag}\")", $"@SUM{tag}" }), "an exported roster imports back unchanged");
    }

    [Test]
    public async Task ExportsFormulaLikeNamesAsText_WhenActivityAttendanceIsExported()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        await App.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == org.A.Members[0].Id);
            member.UpdateDetails("-2+3*cmd", member.Number, member.Phone);
            await db.SaveChangesAsync();
        });
        var activity = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow);
        Assert.That((await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), activity)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var export = await secretary.GetAsync($"/api/activities/{activity}/attendance/export?format=csv");

        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK), await export.Content.ReadAsStringAsync());
        Assert.That(CsvCells(await export.Content.ReadAsStringAsync()), Does.Contain("'-2+3*cmd"));
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant().Replace('O', 'P');

    private async Task<HttpResponseMessage> ImportAsync(SeededOrg org, byte[] file, string fileName) =>
        await (await App.SignInAsync(org.A.Secretary)).PostAsync($"/api/org/units/{org.A.Id}/members/import", OrgTestData.Upload(file, fileName));

    private Task<List<SmartBranch.Domain.Organization.Member>> MembersAsync(int branchId, string tag) =>
        App.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.BranchId == branchId && m.Number.Contains(tag)).OrderBy(m => m.Number).ToListAsync());

    private static List<string> CsvCells(string csv)
    {
        // Enough of RFC 4180 for these files: quoted cells with doubled quotes, commas and CRLF between.
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r').TrimStart('\uFEFF'));
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private static List<string> XlsxCells(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var texts = new List<string>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) && e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
        {
            var document = System.Xml.Linq.XDocument.Load(entry.Open());
            // Shared or inline strings (<t>) and cell values (<v>, where MiniExcel puts its strings).
            texts.AddRange(document.Descendants().Where(e => e.Name.LocalName is "t" or "v").Select(e => e.Value));
        }

        return texts;
    }

    private static bool XlsxHasNoFormula(string format, byte[] content)
    {
        if (format != "xlsx")
        {
            return true;
        }

        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .All(e => !System.Xml.Linq.XDocument.Load(e.Open()).Descendants().Any(x => x.Name.LocalName == "f"));
    }

    /// <summary>A minimal xlsx written part by part (shared strings, styles with number formats, one sheet).</summary>
    private static class Xlsx
    {
        public const int Plain = 0;
        public const int LeadingZeros = 1;
        public const int ChineseDateBuiltIn = 2;
        public const int IsoDateBuiltIn = 3;
        public const int ChineseDateCustom = 4;

        public static object[] Row(params object[] cells) => cells;

        public static (double Value, int Style) Number(double value, int style) => (value, style);

        public static byte[] Build(IReadOnlyList<object[]> rows)
        {
            var strings = new List<string>();
            var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 0; r < rows.Count; r++)
            {
                sheet.Append($"<row r=\"{r + 1}\">");
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case (double value, int style):
                            sheet.Append($"<c r=\"{reference}\" s=\"{style}\"><v>{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                            break;
                        case string text when text.Length > 0:
                            strings.Add(text);
                            sheet.Append($"<c r=\"{reference}\" t=\"s\"><v>{strings.Count - 1}</v></c>");
                            break;
                    }
                }

                sheet.Append("</row>");
            }

            sheet.Append("</sheetData></worksheet>");
            var sharedStrings = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + string.Concat(strings.Select(s => $"<si><t>{SecurityElement.Escape(s)}</t></si>")) + "</sst>";

            // cellXfs: 0 General, 1 custom 0000000, 2 built-in 31 (yyyy"年"m"月"d"日" in Chinese Excel), 3 built-in 14, 4 custom Chinese date.
            const string styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<numFmts count=\"2\"><numFmt numFmtId=\"176\" formatCode=\"0000000\"/><numFmt numFmtId=\"177\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@\"/></numFmts>"
                + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"等线\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"176\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"31\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"177\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                void Add(string path, string content)
                {
                    using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                    writer.Write(content);
                }

                Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
                Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
                Add("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"名册\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                Add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
                Add("xl/styles.xml", styles);
                Add("xl/sharedStrings.xml", sharedStrings);
                Add("xl/worksheets/sheet1.xml", sheet.ToString());
            }

            return stream.ToArray();
        }
    }
}
