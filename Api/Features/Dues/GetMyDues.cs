using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

public static class GetMyDues
{
    /// <summary>
    /// What the caller owes and why. <c>basis</c> is null when no base is set for this year (the 组织委员 or the
    /// member declares it). <c>unpaid</c> lists past and current unpaid months; <c>payable</c> the months that may be
    /// paid now, oldest first, through December. Amounts in fen, months "yyyy-MM".
    /// </summary>
    public sealed record Response(
        int MemberId,
        string Name,
        int Year,
        Basis? Basis,
        IReadOnlyList<DuesViews.MonthDue> Unpaid,
        long UnpaidFen,
        IReadOnlyList<DuesViews.MonthDue> Payable,
        Arrears Arrears,
        string? PaidUpTo,
        IReadOnlyList<DuesViews.Payment> OpenOrders);

    /// <summary>The year's base: category, base and rate (null for flat categories), the rule's and the owed monthly amount (fen), and why.</summary>
    public sealed record Basis(DuesCategory Category, long? BaseFen, int? RateBasisPoints, long RuleMonthlyFen, long MonthlyFen, string Explanation);

    /// <summary>Consecutive unpaid months before this month; <c>flagged</c> at six without an approved reason.</summary>
    public sealed record Arrears(int ConsecutiveMonths, string? OldestUnpaid, bool Flagged);

    public static async Task<Ok<Response>> Handle(
        CurrentMember current,
        AppDbContext db,
        DuesLedger ledger,
        DuesSettlement settlement,
        CancellationToken cancellationToken)
    {
        // Query-on-open: the member may just have paid and the notification not come yet.
        var open = await db.DuesPayments.Where(p => p.MemberId == current.Id && p.Status == DuesPaymentStatus.Pending).ToListAsync(cancellationToken);
        foreach (var payment in open)
        {
            await settlement.QueryAsync(payment, cancellationToken);
        }

        return TypedResults.Ok(await LoadAsync(db, ledger, current.Id, cancellationToken));
    }

    internal static async Task<Response> LoadAsync(AppDbContext db, DuesLedger ledger, int memberId, CancellationToken cancellationToken)
    {
        await ledger.EnsureBillsAsync([memberId], ledger.LastPayableMonth, cancellationToken);
        var current = ledger.CurrentMonth;
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Id, m.Name }).SingleAsync(cancellationToken);
        var year = await db.DuesBases.AsNoTracking().FirstOrDefaultAsync(b => b.MemberId == memberId && b.Year == current.Year, cancellationToken);
        var account = await db.DuesAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.MemberId == memberId, cancellationToken);
        var unpaid = await db.DuesBills.AsNoTracking()
            .Where(DuesBill.Outstanding)
            .Where(b => b.MemberId == memberId)
            .OrderBy(b => b.Period)
            .Select(b => new { b.Period, b.AmountFen })
            .ToListAsync(cancellationToken);
        var arrears = (await ledger.ArrearsAsync([memberId], cancellationToken))[memberId];
        var open = await db.DuesPayments.AsNoTracking()
            .Where(p => p.MemberId == memberId && p.Status == DuesPaymentStatus.Pending)
            .OrderByDescending(p => p.Id)
            .ToListAsync(cancellationToken);

        Basis? basis = null;
        if (year is not null)
        {
            var rule = year.Assess(ledger.Rates);
            var monthly = year.MonthlyDueFen(ledger.Rates);
            basis = new Basis(year.Category, rule.BaseFen, rule.RateBasisPoints, rule.MonthlyFen, monthly, DuesViews.Explain(rule, monthly, year));
        }

        var due = unpaid.Where(b => b.Period <= current.Number).Select(b => new DuesViews.MonthDue(YearMonth.FromNumber(b.Period).ToString(), b.AmountFen)).ToList();
        return new Response(
            member.Id,
            member.Name,
            current.Year,
            basis,
            due,
            due.Sum(d => d.AmountFen),
            unpaid.Select(b => new DuesViews.MonthDue(YearMonth.FromNumber(b.Period).ToString(), b.AmountFen)).ToList(),
            new Arrears(arrears.ConsecutiveUnpaidMonths, arrears.OldestUnpaid?.ToString(), arrears.Flag),
            account?.PaidUpTo is int paid ? YearMonth.FromNumber(paid).ToString() : null,
            open.Select(DuesViews.ToView).ToList());
    }
}
