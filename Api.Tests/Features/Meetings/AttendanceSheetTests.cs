using PdfSharp.Pdf.IO;

namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>The printable sign-in sheet (签到表): a PDF with one row per expected attendee, for the organisers only.</summary>
public sealed class AttendanceSheetTests : FunctionalTest
{
    [Test]
    public async Task PrintsAnA4Pdf_ForTheBranchCommittee()
    {
        var org = await App.SeedAsync(members: 4);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, DateTimeOffset.UtcNow.AddDays(2), "第一季度党员大会");

        var response = await secretary.GetAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}/attendance-sheet");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        using var pdf = PdfReader.Open(await response.Content.ReadAsStreamAsync(), PdfDocumentOpenMode.Import);
        Assert.That(pdf.PageCount, Is.EqualTo(1));
        Assert.That(pdf.Info.Title, Is.EqualTo("签到表 第一季度党员大会"));
    }

    [Test]
    public async Task RefusesAPlainMember()
    {
        var org = await App.SeedAsync();
        var secretary = await App.SignInAsync(org.A.Secretary);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, DateTimeOffset.UtcNow.AddDays(2));
        var member = await App.SignInAsync(org.A.Members[0]);

        await (await member.GetAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}/attendance-sheet")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
