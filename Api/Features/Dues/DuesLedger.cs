using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

/// <summary>
/// Makes and reads the monthly bills. Bills are made for every owed month of every year that has a base, from
/// the base's first owed month (<see cref="DuesBase.OwedFrom"/>) up to the month asked for; unpaid bills no longer owed (the member left, a transfer letter's paid-up-to) are
/// removed. Called when dues are looked at or paid and by <see cref="DuesJobs"/>.
/// </summary>
public sealed class DuesLedger(AppDbContext db, IOptions<DuesOptions> options, TimeProvider time, ILogger<DuesLedger> logger)
{
    public DuesRates Rates => options.Value.Rates();

    public YearMonth CurrentMonth => YearMonth.Of(LocalCalendar.Today(time.GetUtcNow()));

    /// <summary>The last month that may be paid ahead: December of this year.</summary>
    public YearMonth LastPayableMonth => new(CurrentMonth.Year, 12);

    /// <summary>Brings the bills of <paramref name="memberIds"/> up to date through <paramref name="through"/>.</summary>
    public async Task EnsureBillsAsync(IReadOnlyCollection<int> memberIds, YearMonth through, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.BranchId })
            .ToListAsync(cancellationToken);
        var bases = await db.DuesBases.AsNoTracking().Where(b => memberIds.Contains(b.MemberId) && b.Year <= through.Year).ToListAsync(cancellationToken);
        var facts = await FactsAsync(memberIds, cancellationToken);
        var bills = await db.DuesBills.Where(b => memberIds.Contains(b.MemberId)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var member in members)
        {
            var owes = facts[member.Id];
            var have = bills.Where(b => b.MemberId == member.Id).ToDictionary(b => b.Period);
            var firstOwed = bases.Where(b => b.MemberId == member.Id).ToDictionary(b => b.Year, b => b.FirstOwedMonth);
            foreach (var stale in have.Values.Where(b => b.Status == DuesBillStatus.Unpaid
                && (!DuesSchedule.Owes(owes, b.Month) || (firstOwed.TryGetValue(b.Month.Year, out var first) && b.Month < first))))
            {
                db.DuesBills.Remove(stale);
                changed = true;
            }

            foreach (var year in bases.Where(b => b.MemberId == member.Id))
            {
                var last = YearMonth.Min(new YearMonth(year.Year, 12), through);
                foreach (var month in DuesSchedule.OwedMonths(owes, year.FirstOwedMonth, last).Where(m => !have.ContainsKey(m.Number)))
                {
                    db.DuesBills.Add(new DuesBill(member.Id, member.BranchId, month, year.MonthlyDueFen(Rates), now));
                    changed = true;
                }
            }
        }

        if (!changed)
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another request made (or paid) the same bills at the same moment: the unique (member, month) index
            // kept one of each; start again from what is stored.
            logger.LogInformation(ex, "Dues bills of {Count} members were made concurrently; reloading", memberIds.Count);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The facts deciding which months each member owes here: admission (Member.AdmittedOn); the month they
    /// left (DuesAccount.LeftIn entered by the committee, else the month of Member.ArchivedOn); paid up to
    /// (DuesAccount.PaidUpTo, else the dues paid-up-to month of the latest transfer that brought them into their
    /// branch); an approved reason for not paying.
    /// </summary>
    public Task<Dictionary<int, DuesMemberFacts>> FactsAsync(IReadOnlyCollection<int> memberIds, CancellationToken cancellationToken) =>
        LoadFactsAsync(db, memberIds, cancellationToken);

    /// <summary>
    /// The month each member's dues are paid through by the records (<see cref="DuesSchedule.PaidThrough"/>), null when
    /// there is none. Transfers offer it when the sending committee approves and print it on the letter.
    /// </summary>
    public static async Task<Dictionary<int, YearMonth?>> PaidThroughAsync(AppDbContext db, IReadOnlyCollection<int> memberIds, CancellationToken cancellationToken)
    {
        var facts = await LoadFactsAsync(db, memberIds, cancellationToken);
        var bills = await db.DuesBills.AsNoTracking()
            .Where(b => memberIds.Contains(b.MemberId))
            .Select(b => new { b.MemberId, b.Period, Settled = b.Status == DuesBillStatus.Paid || b.AmountFen == 0 })
            .ToListAsync(cancellationToken);
        return facts.ToDictionary(f => f.Key, f => DuesSchedule.PaidThrough(
            f.Value,
            bills.Where(b => b.MemberId == f.Key).Select(b => (YearMonth.FromNumber(b.Period), b.Settled))));
    }

    private static async Task<Dictionary<int, DuesMemberFacts>> LoadFactsAsync(AppDbContext db, IReadOnlyCollection<int> memberIds, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.BranchId, m.AdmittedOn, m.ArchivedOn })
            .ToListAsync(cancellationToken);
        var accounts = await db.DuesAccounts.AsNoTracking().Where(a => memberIds.Contains(a.MemberId)).ToDictionaryAsync(a => a.MemberId, cancellationToken);
        var transfers = await db.Transfers.AsNoTracking()
            .Where(t => memberIds.Contains(t.MemberId) && t.DuesPaidUpTo != null && t.ToBranchId != null
                && (t.State == Domain.Organization.TransferState.Accepted || t.State == Domain.Organization.TransferState.Received))
            .Select(t => new { t.Id, t.MemberId, t.ToBranchId, t.DuesPaidUpTo })
            .ToListAsync(cancellationToken);
        return members.ToDictionary(m => m.Id, m =>
        {
            var account = accounts.GetValueOrDefault(m.Id);
            var letter = transfers.Where(t => t.MemberId == m.Id && t.ToBranchId == m.BranchId).OrderByDescending(t => t.Id).FirstOrDefault();
            YearMonth? paidUpTo = account?.PaidUpTo is int paid ? YearMonth.FromNumber(paid)
                : letter?.DuesPaidUpTo is DateOnly d ? YearMonth.Of(d) : null;
            YearMonth? leftIn = account?.LeftIn is int left ? YearMonth.FromNumber(left)
                : m.ArchivedOn is DateOnly archived ? YearMonth.Of(archived) : null;
            return new DuesMemberFacts(m.AdmittedOn, paidUpTo, leftIn, account?.ExcuseReason is not null);
        });
    }

    /// <summary>Each member's arrears as of the current month, from their stored bills.</summary>
    public async Task<Dictionary<int, ArrearsStanding>> ArrearsAsync(IReadOnlyCollection<int> memberIds, CancellationToken cancellationToken)
    {
        var current = CurrentMonth;
        var unpaid = await db.DuesBills.AsNoTracking()
            .Where(DuesBill.Outstanding)
            .Where(b => memberIds.Contains(b.MemberId) && b.Period < current.Number)
            .Select(b => new { b.MemberId, b.Period })
            .ToListAsync(cancellationToken);
        var excused = await db.DuesAccounts.AsNoTracking()
            .Where(a => memberIds.Contains(a.MemberId) && a.ExcuseReason != null)
            .Select(a => a.MemberId)
            .ToListAsync(cancellationToken);
        var o = options.Value;
        return memberIds.ToDictionary(
            id => id,
            id => DuesSchedule.Arrears(
                new DuesMemberFacts(null, null, null, excused.Contains(id)),
                unpaid.Where(u => u.MemberId == id).Select(u => YearMonth.FromNumber(u.Period)).ToList(),
                current,
                o.RemindAfterMonths,
                o.FlagAfterMonths));
    }

    /// <summary>The 组织委员 of a branch today (its secretary when it has none), who hear about arrears and disputed payments.</summary>
    public async Task<List<int>> CommissionersAsync(int branchId, CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Today(time.GetUtcNow());
        var roles = await db.Appointments.AsNoTracking()
            .Where(a => a.UnitId == branchId && a.StartsOn <= today && a.EndsOn >= today
                && (a.Role == Domain.Organization.CommitteeRole.OrganizationCommissioner || a.Role == Domain.Organization.CommitteeRole.Secretary))
            .Select(a => new { a.MemberId, a.Role })
            .ToListAsync(cancellationToken);
        var commissioners = roles.Where(r => r.Role == Domain.Organization.CommitteeRole.OrganizationCommissioner).Select(r => r.MemberId).ToList();
        return commissioners.Count > 0 ? commissioners : roles.Select(r => r.MemberId).ToList();
    }

    /// <summary>"¥12.34" for 1234 fen.</summary>
    /// <summary>
    /// A new monthly amount (fen) for the member's unpaid months of <paramref name="year"/>: paid months keep what was
    /// paid; the caller saves.
    /// </summary>
    public async Task RepriceUnpaidAsync(int memberId, int year, long monthlyFen, CancellationToken cancellationToken)
    {
        var unpaid = await db.DuesBills
            .Where(b => b.MemberId == memberId && b.Status == DuesBillStatus.Unpaid && b.Period >= year * 100 && b.Period <= (year * 100) + 12)
            .ToListAsync(cancellationToken);
        foreach (var bill in unpaid)
        {
            bill.Reprice(monthlyFen);
        }
    }

    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
