using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

public static class GetDuesReport
{
    /// <summary>One month of one branch: members who paid for it and the dues received for it (fen, extras included).</summary>
    public sealed record MonthLine(string Month, int MembersPaid, long ReceivedFen);

    public sealed record BranchReport(int BranchId, string Name, IReadOnlyList<MonthLine> Months, long TotalFen);

    /// <summary>The year's receipts by month (the month the dues are for) and branch, for publication to members.</summary>
    public sealed record Response(int Year, IReadOnlyList<BranchReport> Branches, long TotalFen);

    /// <summary>
    /// The yearly report (<c>year</c>, default this year): members see their own branch's, committees and admins
    /// the branches they manage. <c>format=xlsx</c> returns the same as a spreadsheet. Refunded payments are not counted.
    /// </summary>
    public static async Task<Results<Ok<Response>, FileContentHttpResult, ProblemHttpResult>> Handle(
        int? year,
        string? format,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var chosen = year ?? LocalCalendar.Today(time.GetUtcNow()).Year;
        if (chosen is < 2000 or > 2999)
        {
            return Problems.BadRequest("年度错误", "请选择正确的年度。");
        }

        if (format is not null && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest("格式错误", "格式只能是 xlsx 或 json。");
        }

        var access = await current.GetAccessAsync(cancellationToken);
        var branchIds = access.ManagedBranchIds().Append(access.BranchId).Distinct().ToList();
        var branches = await db.Units.AsNoTracking().Where(u => branchIds.Contains(u.Id)).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var lines = await db.DuesBills.AsNoTracking()
            .Where(b => branchIds.Contains(b.BranchId) && b.Status == DuesBillStatus.Paid && b.Period > chosen * 100 && b.Period <= (chosen * 100) + 12)
            .GroupBy(b => new { b.BranchId, b.Period })
            .Select(g => new { g.Key.BranchId, g.Key.Period, Members = g.Count(), Fen = g.Sum(b => b.PaidFen) })
            .ToListAsync(cancellationToken);
        var reports = branches.Select(branch =>
        {
            var months = Enumerable.Range(1, 12).Select(m =>
            {
                var line = lines.FirstOrDefault(l => l.BranchId == branch.Id && l.Period == (chosen * 100) + m);
                return new MonthLine(new YearMonth(chosen, m).ToString(), line?.Members ?? 0, line?.Fen ?? 0);
            }).ToList();
            return new BranchReport(branch.Id, branch.Name, months, months.Sum(m => m.ReceivedFen));
        }).ToList();

        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var rows = reports.SelectMany(r => r.Months.Select(m => (IReadOnlyList<object?>)[r.Name, m.Month, m.MembersPaid, m.ReceivedFen / 100m]));
            var content = TableFile.Write(TableFormat.Xlsx, ["支部", "月份", "交纳人数", "党费收入（元）"], rows);
            return TypedResults.File(content, TableFile.ContentType(TableFormat.Xlsx), $"党费收缴-{chosen}.xlsx");
        }

        return TypedResults.Ok(new Response(chosen, reports, reports.Sum(r => r.TotalFen)));
    }
}
