using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Appraisals;

public static class ExportAppraisalResults
{
    /// <summary>
    /// The results as xlsx for the branch's records: one row per appraised member (ballots, count per grade, or
    /// "不足3票不显示" when too few), then turnout and the non-voters. Same access and errors as the results.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (round, refusal) = await AppraisalAccess.FindAsync(db, access, id, tracked: false, mustRun: true, cancellationToken);
        if (round is null)
        {
            return Problems.From(refusal!);
        }

        if (round.IsOpen)
        {
            return Problems.Conflict("评议尚未结束", "评议结束后才能导出结果。");
        }

        var results = await AppraisalResults.ComputeAsync(db, round, cancellationToken);
        var grades = Enum.GetValues<AppraisalGrade>();
        IReadOnlyList<string> headers = ["姓名", "票数", .. grades.Select(g => g.DisplayName()), "备注"];
        var rows = results.Appraised.Select(r => (IReadOnlyList<object?>)
            [r.Name, r.Ballots, .. grades.Select(g => (object?)r.Grades?[g]), r.Grades is null ? $"不足{AppraisalRound.MinimumBallotsForBreakdown}票，不显示分项" : null])
            .Append([$"投票人数 {results.Voted}/{results.Voters}（{results.TurnoutPercent}%）", null, .. grades.Select(_ => (object?)null), null])
            .Append([$"未投票：{string.Join("、", results.NonVoters.Select(n => n.Name))}", null, .. grades.Select(_ => (object?)null), null]);
        var content = TableFile.Write(TableFormat.Xlsx, headers, rows);
        return TypedResults.File(content, TableFile.ContentType(TableFormat.Xlsx), $"{round.Title}-民主评议结果.xlsx");
    }
}
