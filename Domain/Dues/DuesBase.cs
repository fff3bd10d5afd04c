using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Dues;

/// <summary>
/// A member's dues base for one calendar year (党费基数): the after-tax monthly income declared by the member
/// or entered by the 组织委员 at the start of the year, or a flat category. (MemberId, Year) is unique.
/// A reduction (less than the rule) needs the committee's approval; paying more is always allowed.
/// </summary>
public sealed class DuesBase
{
    public const int ReasonMaxLength = 200;

    /// <summary>The largest base accepted: 10 million yuan a month, in fen.</summary>
    public const long MaxBaseFen = 1_000_000_000;

    private DuesBase()
    {
    }

    public DuesBase(int memberId, int year, DuesCategory category, long? monthlyBaseFen, int setByMemberId, DateTimeOffset at)
    {
        MemberId = memberId;
        Year = year;
        Set(category, monthlyBaseFen, setByMemberId, at);
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public int Year { get; private set; }

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

    /// <summary>Salaried and retired members need a base; the flat categories must not have one.</summary>
    public static DomainError? Check(DuesCategory category, long? monthlyBaseFen) => category switch
    {
        DuesCategory.Salaried or DuesCategory.Retired when monthlyBaseFen is null =>
            new DomainError("dues.base_required", "在职和离退休党员需要填写税后月收入作为党费基数。"),
        DuesCategory.Salaried or DuesCategory.Retired when monthlyBaseFen is < 0 or > MaxBaseFen =>
            new DomainError("dues.base_out_of_range", "党费基数超出范围。"),
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
