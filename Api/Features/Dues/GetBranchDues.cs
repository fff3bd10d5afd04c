using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

public static class GetBranchDues
{
    /// <summary>One member's line for the month: what was owed and paid (fen).</summary>
    public sealed record MemberLine(int MemberId, string Name, long AmountFen, long PaidFen);

    /// <summary>Members behind by the same number of consecutive months (before this month), longest first.</summary>
    public sealed record ArrearsGroup(int Months, IReadOnlyList<ArrearsMember> Members);

    /// <summary>A member behind (or without a base): the oldest month of the run ("yyyy-MM"), null in <c>NoBase</c>.</summary>
    public sealed record ArrearsMember(int MemberId, string Name, string? OldestUnpaid, bool Flagged);

    /// <summary>
    /// A member with a base for the month's year and its first owed month ("yyyy-MM", <c>DuesBase.OwedFrom</c>), which
    /// the committee may move with <c>owedFrom</c> on <c>PUT /members/{id}/bases/{year}</c>.
    /// </summary>
    public sealed record BaseLine(int MemberId, string Name, string OwedFrom);

    /// <summary>
    /// The branch's dues for <c>month</c>: who paid, who has not, members with no base for the year,
    /// arrears grouped by length with names, flagged members (six months without an approved reason: for the
    /// branch to decide; the system changes nothing), disputed WeChat Pay payments to look into, and the members with a
    /// base for the year with the first month it is owed (<c>Bases</c>, in roll order). Fen.
    /// </summary>
    public sealed record Response(
        int BranchId,
        string BranchName,
        string Month,
        long DueFen,
        long PaidFen,
        IReadOnlyList<MemberLine> Paid,
        IReadOnlyList<MemberLine> Unpaid,
        IReadOnlyList<ArrearsMember> NoBase,
        IReadOnlyList<ArrearsGroup> Arrears,
        IReadOnlyList<ArrearsMember> Flagged,
        IReadOnlyList<DuesViews.Payment> Disputed,
        IReadOnlyList<BaseLine> Bases);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int branchId,
        string? month,
        CurrentMember current,
        AppDbContext db,
        DuesLedger ledger,
        CancellationToken cancellationToken)
    {
        var (branch, refusal) = await DuesAccess.LoadBranchAsync(db, current, branchId, cancellationToken);
        if (branch is null)
        {
            return Problems.From(refusal!);
        }

        var asked = month is null ? ledger.CurrentMonth : DuesViews.ParseMonth(month);
        if (asked is not { } period)
        {
            return Problems.BadRequest("月份格式错误", "月份格式应为 yyyy-MM。");
        }

        var members = await db.Members.AsNoTracking().Where(m => m.BranchId == branchId).OrderBy(m => m.Number).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        var ids = members.Select(m => m.Id).ToList();
        await ledger.EnsureBillsAsync(ids, ledger.LastPayableMonth, cancellationToken);
        var names = members.ToDictionary(m => m.Id, m => m.Name);
        var bills = await db.DuesBills.AsNoTracking().Where(b => b.BranchId == branchId && b.Period == period.Number).ToListAsync(cancellationToken);
        var owedFrom = await db.DuesBases.AsNoTracking().Where(b => ids.Contains(b.MemberId) && b.Year == period.Year).Select(b => new { b.MemberId, b.OwedFrom }).ToDictionaryAsync(b => b.MemberId, b => YearMonth.FromNumber(b.OwedFrom), cancellationToken);
        var arrears = await ledger.ArrearsAsync(ids, cancellationToken);
        var disputed = await db.DuesPayments.AsNoTracking().Where(p => p.BranchId == branchId && p.Status == DuesPaymentStatus.Disputed).OrderByDescending(p => p.Id).ToListAsync(cancellationToken);

        string Name(int id) => names.GetValueOrDefault(id, string.Empty);
        var behind = arrears.Where(a => a.Value.ConsecutiveUnpaidMonths > 0)
            .Select(a => new ArrearsMember(a.Key, Name(a.Key), a.Value.OldestUnpaid!.Value.ToString(), a.Value.Flag))
            .ToList();
        return TypedResults.Ok(new Response(
            branch.Id,
            branch.Name,
            period.ToString(),
            bills.Sum(b => b.AmountFen),
            bills.Where(b => b.Status == DuesBillStatus.Paid).Sum(b => b.PaidFen),
            bills.Where(b => b.Status == DuesBillStatus.Paid).Select(b => new MemberLine(b.MemberId, Name(b.MemberId), b.AmountFen, b.PaidFen)).OrderBy(l => l.Name).ToList(),
            bills.Where(b => b.IsOutstanding).Select(b => new MemberLine(b.MemberId, Name(b.MemberId), b.AmountFen, 0)).OrderBy(l => l.Name).ToList(),
            members.Where(m => !owedFrom.ContainsKey(m.Id)).Select(m => new ArrearsMember(m.Id, m.Name, null, false)).ToList(),
            behind.GroupBy(b => arrears[b.MemberId].ConsecutiveUnpaidMonths).OrderByDescending(g => g.Key).Select(g => new ArrearsGroup(g.Key, g.ToList())).ToList(),
            behind.Where(b => b.Flagged).ToList(),
            disputed.Select(DuesViews.ToView).ToList(),
            members.Where(m => owedFrom.ContainsKey(m.Id)).Select(m => new BaseLine(m.Id, m.Name, owedFrom[m.Id].ToString())).ToList()));
    }
}
