using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Dues;

/// <summary>
/// The committee's word on a member's dues where the member record and transfer letters do not say it or say it
/// wrong: paid up to (a letter from outside this installation), the month the member left, and an approved
/// reason for not paying (which keeps six months' arrears from being flagged). One per member, made when first needed.
/// </summary>
public sealed class DuesAccount
{
    public const int ReasonMaxLength = 200;

    private DuesAccount()
    {
    }

    public DuesAccount(int memberId)
    {
        MemberId = memberId;
    }

    public int MemberId { get; private set; }

    /// <summary>yyyymm paid up to elsewhere (the transfer letter's 党费交至); nothing up to it is owed here.</summary>
    public int? PaidUpTo { get; private set; }

    /// <summary>yyyymm the member left (archived, transferred out); nothing from this month on is owed.</summary>
    public int? LeftIn { get; private set; }

    /// <summary>An approved reason for not paying (e.g. serious illness); while set, arrears are not flagged.</summary>
    public string? ExcuseReason { get; private set; }

    public int? ExcusedByMemberId { get; private set; }

    /// <summary>
    /// Refuses months that cannot be: paid up to later than <paramref name="lastPayable"/> (the furthest a member may pay
    /// ahead, so no letter can honestly say more), or a month left earlier than the month paid up to.
    /// </summary>
    public static DomainError? Check(YearMonth? paidUpTo, YearMonth? leftIn, YearMonth lastPayable) =>
        paidUpTo is { } paid && paid > lastPayable
            ? new DomainError("dues.paid_up_to_too_late", $"党费交至月份不能晚于{lastPayable.Year}年{lastPayable.Month}月（最多预交到本年12月）。")
        : paidUpTo is { } through && leftIn is { } left && left < through
            ? new DomainError("dues.left_before_paid_up_to", "离开月份不能早于党费交至月份。")
        : null;

    public void RecordPaidUpTo(YearMonth? month) => PaidUpTo = month?.Number;

    public void RecordLeft(YearMonth? month) => LeftIn = month?.Number;

    public void Excuse(string? reason, int byMemberId)
    {
        ExcuseReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ExcusedByMemberId = ExcuseReason is null ? null : byMemberId;
    }
}

/// <summary>The facts that decide which months a member owes here.</summary>
/// <param name="AdmittedOn">Admission as a probationary member: dues are owed from that month.</param>
/// <param name="PaidUpTo">From a transfer letter: months up to it were paid elsewhere.</param>
/// <param name="LeftIn">The month the member left: owed no more from it.</param>
/// <param name="Excused">An approved reason for not paying.</param>
public sealed record DuesMemberFacts(DateOnly? AdmittedOn, YearMonth? PaidUpTo, YearMonth? LeftIn, bool Excused = false);

/// <summary>How far behind a member is: consecutive unpaid owed months before the current month.</summary>
public sealed record ArrearsStanding(int ConsecutiveUnpaidMonths, YearMonth? OldestUnpaid, bool Remind, bool Flag);

/// <summary>Which months a member owes and how far behind they are. Source: domain reference, Dues.</summary>
public static class DuesSchedule
{
    /// <summary>Arrears of this many consecutive months remind the member and the 组织委员 (configurable).</summary>
    public const int DefaultRemindAfterMonths = 3;

    /// <summary>
    /// Arrears of this many consecutive months without an approved reason are flagged for the branch's decision
    /// (treated as leaving the Party; the branch decides, the system never changes status).
    /// </summary>
    public const int DefaultFlagAfterMonths = 6;

    /// <summary>True when <paramref name="month"/> is owed here: from the admission month, after paid-up-to, before leaving.</summary>
    public static bool Owes(DuesMemberFacts facts, YearMonth month) =>
        (facts.AdmittedOn is not { } admitted || month >= YearMonth.Of(admitted))
        && (facts.PaidUpTo is not { } paidUpTo || month > paidUpTo)
        && (facts.LeftIn is not { } left || month < left);

    /// <summary>The owed months in <paramref name="from"/>..<paramref name="to"/>.</summary>
    public static IReadOnlyList<YearMonth> OwedMonths(DuesMemberFacts facts, YearMonth from, YearMonth to) =>
        YearMonth.Range(from, to).Where(m => Owes(facts, m)).ToList();

    /// <summary>
    /// The month a member's dues are paid through, as a transfer letter states it (党费交至, Domain/README.md
    /// §Relationship transfer): the paid-up-to month recorded from an earlier letter or by the committee, then every
    /// month billed here that follows it paid, up to the first unpaid one. Null when there is no record at all: nothing
    /// is assumed, least of all the current month. <paramref name="bills"/>: each billed month and whether it is paid.
    /// </summary>
    public static YearMonth? PaidThrough(DuesMemberFacts facts, IEnumerable<(YearMonth Month, bool Paid)> bills)
    {
        var through = facts.PaidUpTo;
        foreach (var (month, paid) in bills.OrderBy(b => b.Month))
        {
            if (through is { } before && month <= before)
            {
                continue;
            }

            if (!paid)
            {
                break;
            }

            through = month;
        }

        return through;
    }

    /// <summary>
    /// Counts the unpaid owed months running back from the month before <paramref name="current"/> (the
    /// current month is not late yet). <paramref name="unpaid"/> are the owed months not paid.
    /// </summary>
    public static ArrearsStanding Arrears(
        DuesMemberFacts facts,
        IReadOnlyCollection<YearMonth> unpaid,
        YearMonth current,
        int remindAfterMonths = DefaultRemindAfterMonths,
        int flagAfterMonths = DefaultFlagAfterMonths)
    {
        var set = unpaid.ToHashSet();
        var count = 0;
        YearMonth? oldest = null;
        for (var m = current.AddMonths(-1); set.Contains(m); m = m.AddMonths(-1))
        {
            count++;
            oldest = m;
        }

        return new ArrearsStanding(count, oldest, count >= remindAfterMonths, count >= flagAfterMonths && !facts.Excused);
    }
}
