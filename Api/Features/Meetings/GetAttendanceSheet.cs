using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SmartBranch.Api.Features.Transfers;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Infrastructure.Pdf;

namespace SmartBranch.Api.Features.Meetings;

public static class GetAttendanceSheet
{
    /// <summary>
    /// The meeting's printable sign-in sheet (签到表, application/pdf, A4): the meeting's unit, type, topic, time (China
    /// time) and place, then one row per expected attendee (number, name, 学工号, 正式/预备, attendance or leave as
    /// recorded so far) with an empty signature cell. Same access as the roll call (<c>GET /api/meetings/{id}/attendance</c>:
    /// convener, recorder or committee; 403/404 otherwise); 503 when the server has no CJK font (Letters:FontPath).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        int id,
        IOptions<LetterOptions> fonts,
        ILoggerFactory loggers,
        [AsParameters] HandlerServices services)
    {
        var (_, db, _, _, cancellationToken) = services;
        // The roll call decides who may print and who is on the sheet; the sheet only lays it out.
        var roll = await GetMeetingAttendance.Handle(id, services);
        if (roll.Result is not Ok<GetMeetingAttendance.Response> { Value: { } attendance })
        {
            return (ProblemHttpResult)roll.Result;
        }

        if (PdfFonts.Install(fonts.Value.FontPath) is { } problem)
        {
            return Problems.NoChineseFont(loggers.CreateLogger(typeof(GetAttendanceSheet)), "签到表", problem);
        }

        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == meeting.UnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        var rows = attendance.Attendees.OrderBy(a => a.Number, StringComparer.Ordinal).ToList();
        var pdf = Print(meeting, unitName, rows);
        return TypedResults.File(pdf, "application/pdf", $"attendance-sheet-{meeting.Id}.pdf");
    }

    private static byte[] Print(Meeting meeting, string unitName, IReadOnlyList<GetMeetingAttendance.Attendee> rows)
    {
        var document = new PdfDocument();
        document.Info.Title = $"签到表 {meeting.Topic}";
        var options = PdfFonts.Options;
        var title = new XFont(CjkFontResolver.FaceName, 18, XFontStyleEx.Regular, options);
        var body = new XFont(CjkFontResolver.FaceName, 11, XFontStyleEx.Regular, options);
        var starts = LocalCalendar.ToLocal(meeting.StartsAt);
        var ends = LocalCalendar.ToLocal(meeting.EndsAt);
        string[] headers = ["序号", "姓名", "学工号", "身份", "出勤情况", "签名"];
        double[] widths = [40, 90, 100, 60, 90, 95];
        const double left = 60, rowHeight = 26, top = 60;

        var index = 0;
        do
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var g = XGraphics.FromPdfPage(page);
            var y = top;
            g.DrawString($"{unitName}{meeting.Type.DisplayName()}签到表", title, XBrushes.Black, new XRect(0, y, page.Width.Point, 24), XStringFormats.TopCenter);
            y += 36;
            g.DrawString($"会议主题：{meeting.Topic}", body, XBrushes.Black, left, y, XStringFormats.TopLeft);
            y += 20;
            g.DrawString($"时间：{starts:yyyy年M月d日 HH:mm}—{ends:HH:mm}", body, XBrushes.Black, left, y, XStringFormats.TopLeft);
            y += 20;
            g.DrawString($"地点：{meeting.Place ?? meeting.OnlineLink ?? "（未填写）"}　　应到：{rows.Count}人", body, XBrushes.Black, left, y, XStringFormats.TopLeft);
            y += 28;
            DrawRow(g, body, headers, widths, left, y, rowHeight);
            y += rowHeight;
            while (index < rows.Count && y + rowHeight < page.Height.Point - 60)
            {
                var a = rows[index];
                var attendance = a.Leave is { Status: LeaveStatus.Approved } ? "请假" : a.StatusName ?? string.Empty;
                DrawRow(g, body, [(index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name, a.Number, a.HasVote ? "正式党员" : "预备党员", attendance, string.Empty], widths, left, y, rowHeight);
                y += rowHeight;
                index++;
            }

            g.DrawString($"第 {document.PageCount} 页", body, XBrushes.Gray, new XRect(0, page.Height.Point - 40, page.Width.Point, 16), XStringFormats.TopCenter);
        }
        while (index < rows.Count);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void DrawRow(XGraphics g, XFont font, IReadOnlyList<string> cells, IReadOnlyList<double> widths, double x, double y, double height)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            g.DrawRectangle(XPens.Black, x, y, widths[i], height);
            g.DrawString(cells[i], font, XBrushes.Black, new XRect(x + 4, y, widths[i] - 8, height), XStringFormats.CenterLeft);
            x += widths[i];
        }
    }
}
