using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

/// <summary>
/// Makes and reads the monthly bills. Bills are made for every owed month of every year that has a base, up
/// to the month asked for; unpaid bills no longer owed (the member left, a transfer letter's paid-up-to) are
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
            .Select(m => new { m.Id, m.BranchId, m.AdmittedOn })
            .ToListAsync(cancellationToken);
        var bases = await db.DuesBases.AsNoTracking().Where(b => memberIds.Contains(b.MemberId) && b.Year <= through.Year).ToListAsync(cancellationToken);
        var accounts = await db.DuesAccounts.AsNoTracking().Where(a => memberIds.Contains(a.MemberId)).ToDictionaryAsync(a => a.MemberId, cancellationToken);
        var bills = await db.DuesBills.Where(b => memberIds.Contains(b.MemberId)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var member in members)
        {
            var facts = Facts(accounts.GetValueOrDefault(member.Id), member.AdmittedOn);
            var have = bills.Where(b => b.MemberId == member.Id).ToDictionary(b => b.Period);
            foreach (var stale in have.Values.Where(b => b.Status == DuesBillStatus.Unpaid && !DuesSchedule.Owes(facts, b.Month)))
            {
                db.DuesBills.Remove(stale);
                changed = true;
            }

            foreach (var year in bases.Where(b => b.MemberId == member.Id))
            {
                var last = YearMonth.Min(new YearMonth(year.Year, 12), through);
                foreach (var month in DuesSchedule.OwedMonths(facts, new YearMonth(year.Year, 1), last).Where(m => !have.ContainsKey(m.Number)))
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

    public static DuesMemberFacts Facts(DuesAccount? account, DateOnly? admittedOn) =>
        account?.Facts(admittedOn) ?? new DuesMemberFacts(admittedOn, null, null);

    /// <summary>Each member's arrears as of the current month, from their stored bills.</summary>
    public async Task<Dictionary<int, ArrearsStanding>> ArrearsAsync(IReadOnlyCollection<int> memberIds, CancellationToken cancellationToken)
    {
        var current = CurrentMonth;
        var unpaid = await db.DuesBills.AsNoTracking()
            .Where(b => memberIds.Contains(b.MemberId) && b.Status == DuesBillStatus.Unpaid && b.Period < current.Number)
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
    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
