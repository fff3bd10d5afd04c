using System.ComponentModel.DataAnnotations;
using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

/// <summary>Section "Dues": the rate table (configurable, defaults from the domain reference) and the payment timings.</summary>
public sealed class DuesOptions
{
    public const string SectionName = "Dues";

    /// <summary>Salaried brackets (ascending, the last unbounded); empty = the defaults (0.5% / 1% / 1.5% / 2% at 3,000 / 5,000 / 10,000 yuan).</summary>
    public List<DuesBracket> Brackets { get; set; } = [];

    /// <summary>Retired brackets; empty = the defaults (0.5% up to 5,000 yuan, 1% above).</summary>
    public List<DuesBracket> RetiredBrackets { get; set; } = [];

    /// <summary>Monthly amount of students, unemployed members and members on relief, in fen.</summary>
    [Range(0, 100_000)]
    public long FlatMonthlyFen { get; set; } = DuesRates.DefaultFlatMonthlyFen;

    /// <summary>Consecutive unpaid months after which the member and the 组织委员 are reminded.</summary>
    [Range(1, 24)]
    public int RemindAfterMonths { get; set; } = DuesSchedule.DefaultRemindAfterMonths;

    /// <summary>Consecutive unpaid months (without an approved reason) after which the member is flagged for the branch.</summary>
    [Range(1, 36)]
    public int FlagAfterMonths { get; set; } = DuesSchedule.DefaultFlagAfterMonths;

    /// <summary>How long a WeChat Pay order may be paid (time_expire); afterwards it is closed.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan OrderLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An unpaid order with no notification is queried after this long (the notification may never come).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan LateQueryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run the dues jobs (late query, closing stale orders, arrears reminders) in the background; tests run them by hand.</summary>
    public bool BackgroundJobs { get; set; } = true;

    /// <summary>Rest between runs of the dues jobs (real time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(5);

    public DuesRates Rates() => new(
        Brackets.Count > 0 ? Brackets : DuesRates.DefaultBrackets,
        RetiredBrackets.Count > 0 ? RetiredBrackets : DuesRates.DefaultRetiredBrackets,
        FlatMonthlyFen);
}
