using SmartBranch.Api.Common.Privacy;
using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class ExportMembers
{
    /// <summary>The branch roster as xlsx (default) or csv, with the import headers (姓名, 学工号, 手机号, 党员状态, 党小组, 入党日期, 转正日期).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        int id,
        string? format,
        PhoneNumbers phones,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadUnitAsync(access, id, access.CanManage, cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var tableFormat = string.IsNullOrEmpty(format) ? TableFormat.Xlsx : TableFile.ParseFormat(format);
        if (tableFormat is not { } chosen)
        {
            return Problems.BadRequest("格式无效", "导出格式只能是 xlsx 或 csv。");
        }

        if (unit.Kind != UnitKind.Branch)
        {
            return Problems.BadRequest("无法导出", "名册按党支部导出。");
        }

        var groups = await db.Units.AsNoTracking().Where(u => u.ParentId == id).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var members = await db.Members.AsNoTracking().Where(m => m.BranchId == id).OrderBy(m => m.Number).ToListAsync(cancellationToken);
        var rows = members.Select(m => (IReadOnlyList<object?>)
        [
            m.Name,
            m.Number,
            phones.Reveal(m.Phone),
            RosterSheet.StatusText(m.Status),
            m.PartyGroupId is int g ? groups[g] : null,
            m.AdmittedOn,
            m.FullSince,
        ]);

        var content = TableFile.Write(chosen, RosterSheet.Headers, rows);
        var fileName = $"{unit.Name}-名册-{LocalCalendar.Today(time.GetUtcNow()):yyyyMMdd}.{TableFile.Extension(chosen)}";
        return TypedResults.File(content, TableFile.ContentType(chosen), fileName);
    }
}
