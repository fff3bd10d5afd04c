using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Dues;

/// <summary>How a member's monthly dues are assessed for a year.</summary>
public enum DuesCategory
{
    /// <summary>在职: a percentage of the declared after-tax monthly base, by <see cref="DuesRates.Brackets"/>.</summary>
    [Label("在职")]
    Salaried,

    /// <summary>离退休: a percentage of the pension by <see cref="DuesRates.RetiredBrackets"/>.</summary>
    [Label("离退休")]
    Retired,

    /// <summary>学生: the flat monthly amount.</summary>
    [Label("学生")]
    Student,

    /// <summary>下岗失业: the flat monthly amount.</summary>
    [Label("下岗失业")]
    Unemployed,

    /// <summary>依靠最低生活保障: the flat monthly amount.</summary>
    [Label("享受最低生活保障")]
    Relief,
}

/// <summary>One bracket: bases up to <see cref="UpToFen"/> (inclusive; null = no upper bound) pay <see cref="RateBasisPoints"/>.</summary>
public sealed class DuesBracket
{
    /// <summary>Inclusive upper bound of the after-tax monthly base, in fen; null for the last bracket.</summary>
    public long? UpToFen { get; set; }

    /// <summary>Rate in basis points (1/100 of a percent): 50 = 0.5%, 100 = 1%, 150 = 1.5%, 200 = 2%.</summary>
    public int RateBasisPoints { get; set; }
}

/// <summary>
/// The rate table (all configurable; the defaults are the 2008 rules in the domain reference). Brackets are
/// in ascending order of <see cref="DuesBracket.UpToFen"/> and the last has no upper bound.
/// </summary>
public sealed class DuesRates
{
    /// <summary>Salaried: ≤3,000 yuan 0.5%; 3,000.01–5,000 1%; 5,000.01–10,000 1.5%; above 10,000 2%.</summary>
    public static readonly IReadOnlyList<DuesBracket> DefaultBrackets =
    [
        new() { UpToFen = 300_000, RateBasisPoints = 50 },
        new() { UpToFen = 500_000, RateBasisPoints = 100 },
        new() { UpToFen = 1_000_000, RateBasisPoints = 150 },
        new() { UpToFen = null, RateBasisPoints = 200 },
    ];

    /// <summary>Retired: ≤5,000 yuan 0.5%, above 1%.</summary>
    public static readonly IReadOnlyList<DuesBracket> DefaultRetiredBrackets =
    [
        new() { UpToFen = 500_000, RateBasisPoints = 50 },
        new() { UpToFen = null, RateBasisPoints = 100 },
    ];

    /// <summary>Students, unemployed members and members on relief: 0.2 yuan.</summary>
    public const long DefaultFlatMonthlyFen = 20;

    public static readonly DuesRates Default = new(DefaultBrackets, DefaultRetiredBrackets, DefaultFlatMonthlyFen);

    public DuesRates(IReadOnlyList<DuesBracket> brackets, IReadOnlyList<DuesBracket> retiredBrackets, long flatMonthlyFen)
    {
        Brackets = brackets;
        RetiredBrackets = retiredBrackets;
        FlatMonthlyFen = flatMonthlyFen;
    }

    public IReadOnlyList<DuesBracket> Brackets { get; }

    public IReadOnlyList<DuesBracket> RetiredBrackets { get; }

    public long FlatMonthlyFen { get; }

    /// <summary>Null when the table is usable; otherwise what is wrong with it (English, for the operator).</summary>
    public static string? Check(IReadOnlyList<DuesBracket> brackets)
    {
        if (brackets.Count == 0)
        {
            return "at least one bracket is needed";
        }

        if (brackets[^1].UpToFen is not null || brackets.Take(brackets.Count - 1).Any(b => b.UpToFen is null))
        {
            return "only the last bracket has no upper bound";
        }

        for (var i = 1; i < brackets.Count - 1; i++)
        {
            if (brackets[i].UpToFen <= brackets[i - 1].UpToFen)
            {
                return "upper bounds must ascend";
            }
        }

        return brackets.Any(b => b.RateBasisPoints is < 0 or > 10_000) ? "rates are between 0 and 10000 basis points" : null;
    }

    /// <summary>
    /// The monthly amount the rule asks of <paramref name="category"/> with <paramref name="baseFen"/>.
    /// Rounding: base × rate is computed exactly in 1/10000 fen and rounded to the nearest fen, halves
    /// away from zero (so 3,333.33 yuan at 1% is 3,333.3333 fen → 3,333 fen; 1,001.00 yuan at 0.5% is
    /// 500.5 fen → 501 fen).
    /// </summary>
    public DuesAssessment Assess(DuesCategory category, long? baseFen)
    {
        if (category is DuesCategory.Student or DuesCategory.Unemployed or DuesCategory.Relief)
        {
            return new DuesAssessment(category, null, null, FlatMonthlyFen);
        }

        var amount = baseFen ?? 0;
        var table = category == DuesCategory.Retired ? RetiredBrackets : Brackets;
        var bracket = table.First(b => b.UpToFen is null || amount <= b.UpToFen);
        var product = amount * bracket.RateBasisPoints;
        var fen = Math.DivRem(product, 10_000, out var remainder) + (remainder * 2 >= 10_000 ? 1 : 0);
        return new DuesAssessment(category, amount, bracket.RateBasisPoints, fen);
    }
}

/// <summary>What the rule asks for one month: the base and rate it used (null for flat categories) and the amount in fen.</summary>
public sealed record DuesAssessment(DuesCategory Category, long? BaseFen, int? RateBasisPoints, long MonthlyFen);
