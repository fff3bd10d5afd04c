using System.Globalization;
using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Meetings;

/// <summary>How often a meeting type must be held.</summary>
public enum Cadence
{
    [Label("每月")]
    Monthly,
    [Label("每季度")]
    Quarterly,
    [Label("每年")]
    Yearly,

    /// <summary>No required number (e.g. a branch that does not count party lessons).</summary>
    [Label("不作要求")]
    NotRequired,
}

/// <summary>One month, quarter or year (China time) a meeting is required in; <see cref="Label"/> is e.g. 2026-03, 2026-Q1, 2026.</summary>
public readonly record struct CadencePeriod(string Label, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => Start <= day && day <= End;
}

public static class Cadences
{
    /// <summary>Chinese name shown in the mini-program.</summary>
    public static string DisplayName(this Cadence cadence) => EnumLabels.Of(cadence);

    /// <summary>
    /// Every period of the cadence that overlaps [<paramref name="from"/>, <paramref name="to"/>], in order.
    /// A period cut by the range still counts: a meeting is due in it.
    /// </summary>
    public static IReadOnlyList<CadencePeriod> Periods(this Cadence cadence, DateOnly from, DateOnly to)
    {
        var periods = new List<CadencePeriod>();
        if (cadence == Cadence.NotRequired || to < from)
        {
            return periods;
        }

        var start = StartOf(cadence, from);
        while (start <= to)
        {
            var next = cadence switch
            {
                Cadence.Monthly => start.AddMonths(1),
                Cadence.Quarterly => start.AddMonths(3),
                _ => start.AddYears(1),
            };
            periods.Add(new CadencePeriod(Label(cadence, start), start, next.AddDays(-1)));
            start = next;
        }

        return periods;
    }

    private static DateOnly StartOf(Cadence cadence, DateOnly day) => cadence switch
    {
        Cadence.Monthly => new DateOnly(day.Year, day.Month, 1),
        Cadence.Quarterly => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    private static string Label(Cadence cadence, DateOnly start) => cadence switch
    {
        Cadence.Monthly => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Cadence.Quarterly => $"{start.Year.ToString(CultureInfo.InvariantCulture)}-Q{((start.Month - 1) / 3) + 1}",
        _ => start.Year.ToString(CultureInfo.InvariantCulture),
    };
}
