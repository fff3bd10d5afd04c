using System.Globalization;

namespace SmartBranch.Domain.Dues;

/// <summary>
/// A calendar month (China time), the unit dues are owed in. Stored as the integer <c>yyyymm</c>
/// (<see cref="Number"/>), which orders the same way as the months.
/// </summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>yyyymm, e.g. 202603.</summary>
    public int Number => (Year * 100) + Month;

    public static YearMonth Of(DateOnly day) => new(day.Year, day.Month);

    public static YearMonth FromNumber(int yyyymm) => new(yyyymm / 100, yyyymm % 100);

    public static bool IsValidNumber(int yyyymm) => yyyymm / 100 is >= 2000 and <= 2999 && yyyymm % 100 is >= 1 and <= 12;

    public YearMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new YearMonth(index / 12, (index % 12) + 1);
    }

    /// <summary>Months from <paramref name="from"/> to <paramref name="to"/>, both inclusive (empty when to is earlier).</summary>
    public static IEnumerable<YearMonth> Range(YearMonth from, YearMonth to)
    {
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    public int CompareTo(YearMonth other) => Number.CompareTo(other.Number);

    public static bool operator <(YearMonth a, YearMonth b) => a.Number < b.Number;

    public static bool operator >(YearMonth a, YearMonth b) => a.Number > b.Number;

    public static bool operator <=(YearMonth a, YearMonth b) => a.Number <= b.Number;

    public static bool operator >=(YearMonth a, YearMonth b) => a.Number >= b.Number;

    public static YearMonth Max(YearMonth a, YearMonth b) => a >= b ? a : b;

    public static YearMonth Min(YearMonth a, YearMonth b) => a <= b ? a : b;

    /// <summary>"2026-03".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
