using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Dues;

/// <summary>
/// A member's dues base for one calendar year (党费基数): the after-tax monthly income declared by the member
/// or entered by the 组织委员 at the start of the year, or a flat category. (MemberId, Year) is unique.
/// A reduction (less than the rule) needs the committee's approval; paying more is always allowed.
/// The base is owed from <see cref="OwedFrom"/>: January when it continues the previous year's base (the base is
/// fixed at the start of each year, Domain/README.md §Dues), else the month it was first set: before a member's first
/// base nobody could pay here, so earlier months were settled on paper and are never arrears here.
/// </summary>
public sealed class DuesBase
{
    public const int ReasonMaxLength = 200;

    /// <summary>The largest base accepted: 10 million yuan a month, in fen.</summary>
    public const long MaxBaseFen = 1_000_000_000;

    private DuesBase()
    {
    }

    public DuesBase(int memberId, int year, YearMonth owedFrom, DuesCategory category, long? monthlyBaseFen, int setByMemberId, DateTimeOffset at)
    {
        MemberId = memberId;
        Year = year;
        OwedFrom = owedFrom.Number;
        Set(category, monthlyBaseFen, setByMemberId, at);
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public int Year { get; private set; }

    /// <summary>yyyymm, in <see cref="Year"/>: the first month this base is owed (see the type's summary).</summary>
    public int OwedFrom { get; private set; }

    /// <summary><see cref="OwedFrom"/> as a month.</summary>
    public YearMonth FirstOwedMonth => YearMonth.FromNumber(OwedFrom);

    public DuesCategory Category { get; private set; }

    /// <summary>After-tax monthly income (or pension) in fen; null for the flat categories.</summary>
    public long? MonthlyBaseFen { get; private set; }

    /// <summary>An approved monthly amount below the rule, in fen; null when the rule applies.</summary>
    public long? ReducedMonthlyFen { get; private set; }

    public string? ReductionReason { get; private set; }

    public int? ReductionApprovedByMemberId { get; private set; }

    public DateTimeOffset? ReductionApprovedAt { get; private set; }

    public int SetByMemberId { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    /// <summary>
    /// The first month a new base for <paramref name="year"/> is owed when the committee does not say: January when
    /// the member had a base the year before (or the base is set ahead for a coming year, or for a past year), else
    /// <paramref name="setIn"/>, the month it is set (a member new to dues here: a base set on 1 December owes December,
    /// not January to November). Admission, transfer letters and leaving narrow it further (<see cref="DuesSchedule"/>).
    /// </summary>
    public static YearMonth DefaultOwedFrom(int year, YearMonth setIn, bool continuesPreviousYear) =>
        continuesPreviousYear || setIn.Year != year ? new YearMonth(year, 1) : setIn;

    /// <summary>A month chosen by the committee must lie in the base's year.</summary>
    public static DomainError? CheckOwedFrom(int year, YearMonth owedFrom) => owedFrom.Year == year ? null :
        new DomainError("dues.owed_from_outside_year", $"起交月份必须在{year}年内。");

    /// <summary>The committee moves the first owed month; the caller checked it with <see cref="CheckOwedFrom"/>.</summary>
    public void StartFrom(YearMonth owedFrom)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(owedFrom.Year, Year, nameof(owedFrom));
        OwedFrom = owedFrom.Number;
    }

    /// <summary>
    /// Salaried and retired members need a base, one on which the rule asks at least a fen a month (a base of 0, or one
    /// so small that its share rounds to 0, would leave months that can never be paid: the member is 下岗失业 or needs
    /// a reduction approved, not a base of nothing); the flat categories must not have one.
    /// </summary>
    public static DomainError? Check(DuesCategory category, long? monthlyBaseFen, DuesRates rates) => category switch
    {
        DuesCategory.Salaried or DuesCategory.Retired when monthlyBaseFen is null =>
            new DomainError("dues.base_required", "在职和离退休党员需要填写税后月收入作为党费基数。"),
        DuesCategory.Salaried or DuesCategory.Retired when monthlyBaseFen is < 0 or > MaxBaseFen =>
            new DomainError("dues.base_out_of_range", "党费基数超出范围。"),
        DuesCategory.Salaried or DuesCategory.Retired when rates.Assess(category, monthlyBaseFen).MonthlyFen == 0 =>
            new DomainError("dues.base_dues_zero", "按此基数每月应交党费为0元，请核对税后月收入。"),
        DuesCategory.Student or DuesCategory.Unemployed or DuesCategory.Relief when monthlyBaseFen is not null =>
            new DomainError("dues.base_not_applicable", "学生、下岗失业和依靠最低生活保障的党员按固定标准交纳，不填写基数。"),
        _ => null,
    };

    /// <summary>Sets the category and base; an earlier approved reduction no longer applies to a new base.</summary>
    public void Set(DuesCategory category, long? monthlyBaseFen, int setByMemberId, DateTimeOffset at)
    {
        Category = category;
        MonthlyBaseFen = monthlyBaseFen;
        SetByMemberId = setByMemberId;
        SetAt = at;
        ReducedMonthlyFen = null;
        ReductionReason = null;
        ReductionApprovedByMemberId = null;
        ReductionApprovedAt = null;
    }

    /// <summary>What the rule asks each month (before any reduction).</summary>
    public DuesAssessment Assess(DuesRates rates) => rates.Assess(Category, MonthlyBaseFen);

    /// <summary>What the member owes each month: the approved reduction when there is one, else the rule.</summary>
    public long MonthlyDueFen(DuesRates rates) => ReducedMonthlyFen ?? Assess(rates).MonthlyFen;

    /// <summary>Approves paying <paramref name="monthlyFen"/> a month, which must be below what the rule asks.</summary>
    public Result ApproveReduction(long monthlyFen, string reason, DuesRates rates, int approverMemberId, DateTimeOffset at)
    {
        if (monthlyFen < 0 || monthlyFen >= Assess(rates).MonthlyFen)
        {
            return new DomainError("dues.reduction_not_lower", "减免后的月交纳额必须低于按标准计算的金额。");
        }

        ReducedMonthlyFen = monthlyFen;
        ReductionReason = reason;
        ReductionApprovedByMemberId = approverMemberId;
        ReductionApprovedAt = at;
        return Result.Ok;
    }
}
