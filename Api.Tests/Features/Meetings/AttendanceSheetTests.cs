using PdfSharp.Pdf.IO;
using SmartBranch.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>The printable sign-in sheet (签到表): a PDF with one row per expected attendee, for the organisers only.</summary>
public sealed class AttendanceSheetTests : FunctionalTest
{
    [Test]
    public async Task PrintsAnA4Pdf_ForTheBranchCommittee()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 4);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, DateTimeOffset.UtcNow.AddDays(2), "第一季度党员大会");

        var id = meeting.GetProperty("id").GetInt32();
        var response = await secretary.GetAsync($"/api/meetings/{id}/attendance-sheet");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.That(disposition?.DispositionType, Is.EqualTo("attachment"), "browsers save it as a file");
        Assert.That(disposition?.FileNameStar, Is.EqualTo($"attendance-sheet-{id}.pdf"), "the RFC 6266 UTF-8 name (filename*)");
        Assert.That(response.Content.Headers.GetValues("Content-Disposition").Single(), Does.Contain($"filename*=UTF-8''attendance-sheet-{id}.pdf"));
        using var pdf = PdfReader.Open(await response.Content.ReadAsStreamAsync(), PdfDocumentOpenMode.Import);
        Assert.That(pdf.PageCount, Is.EqualTo(1));
        Assert.That(pdf.Info.Title, Is.EqualTo("签到表 第一季度党员大会"));
    }

    /// <summary>The most a one-page sheet may weigh: the font is embedded as a subset of the glyphs used (Infrastructure/Pdf/README.md).</summary>
    private const int MaxSheetBytes = 1024 * 1024;

    [Test]
    public async Task EmbedsOnlyTheGlyphsUsed_AndTheNamesExtractAsChinese()
    {
        var org = await App.SeedAsync(members: 4);
        string[] names = ["张三丰", "李晓梅", "欧阳娜娜", "王建国"];
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < names.Length; i++)
            {
                var member = await db.Members.SingleAsync(m => m.Id == org.A.Members[i].Id);
                member.UpdateDetails(names[i], member.Number, member.Phone);
            }

            await db.SaveChangesAsync();
        });
        var secretary = await App.SignInAsync(org.A.Secretary);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, DateTimeOffset.UtcNow.AddDays(2), "学习贯彻党的二十大精神");

        var response = await secretary.GetAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}/attendance-sheet");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var pdf = await response.Content.ReadAsByteArrayAsync();
        TestContext.Out.WriteLine($"attendance sheet: {pdf.Length:N0} bytes with {PdfFonts.Installed}");
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "attendance-sheet.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        TestContext.AddTestAttachment(file, "the printed sheet, for a reviewer to look at");
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
        Assert.Multiple(() =>
        {
            Assert.That(pdf, Has.Length.LessThan(MaxSheetBytes), $"font: {PdfFonts.Installed}");
            Assert.That(text, Does.Contain("签到表").And.Contain("学习贯彻党的二十大精神"));
            foreach (var name in names)
            {
                Assert.That(text, Does.Contain(name));
            }
        });
    }

    [Test]
    public async Task RefusesAPlainMember()
    {
        var (org, secretary) = await App.SeedSignedInAsync();
        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, DateTimeOffset.UtcNow.AddDays(2));
        var member = await App.SignInAsync(org.A.Members[0]);

        await (await member.GetAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}/attendance-sheet")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
