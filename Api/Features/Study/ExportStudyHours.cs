using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Study;

public static class ExportStudyHours
{
    public static readonly IReadOnlyList<string> Headers = ["姓名", "学工号", "资料学时", "会议学时", "合计学时", "年度目标", "是否达到目标"];

    /// <summary>
    /// The branch's study hours per member for <c>year</c> (China time; default this year) as xlsx (default) or csv,
    /// ordered by member number, never by hours (no ranking). The branch's committee and admins above it; 404 for a
    /// branch the caller may not see, 403 for one they see but do not manage.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        int branchId,
        int? year,
        string? format,
        CurrentMember current,
        AppDbContext db,
        IOptions<StudyOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadBranchAsync(access, branchId, access.CanManage, "无法导出", "学习学时按党支部导出。", cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var tableFormat = string.IsNullOrEmpty(format) ? TableFormat.Xlsx : TableFile.ParseFormat(format);
        if (tableFormat is not { } chosenFormat)
        {
            return Problems.BadRequest("格式无效", "导出格式只能是 xlsx 或 csv。");
        }

        var chosenYear = year ?? LocalCalendar.ToLocal(time.GetUtcNow()).Year;
        if (chosenYear is < 2000 or > 2100)
        {
            return Problems.BadRequest("年份无效", "年份应在2000到2100之间。");
        }

        var members = await db.Members.AsNoTracking().Where(m => m.BranchId == branchId && m.ArchivedOn == null).OrderBy(m => m.Number)
            .Select(m => new { m.Id, m.Name, m.Number }).ToListAsync(cancellationToken);
        var hours = await StudyHours.ForAsync(db, members.Select(m => m.Id).ToList(), chosenYear, options.Value, cancellationToken);
        var target = (decimal)options.Value.YearlyTargetHours;
        var rows = members.Select(m => (IReadOnlyList<object?>)
        [
            m.Name,
            m.Number,
            hours[m.Id].MaterialHours,
            hours[m.Id].MeetingHours,
            hours[m.Id].Total,
            target,
            hours[m.Id].Total >= target ? "是" : "否",
        ]);
        var content = TableFile.Write(chosenFormat, Headers, rows);
        return TypedResults.File(content, TableFile.ContentType(chosenFormat), $"{unit.Name}-学习学时-{chosenYear}.{TableFile.Extension(chosenFormat)}");
    }
}
