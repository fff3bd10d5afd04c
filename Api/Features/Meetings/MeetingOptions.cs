using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>Meeting settings (section "Meetings").</summary>
public sealed class MeetingOptions
{
    public const string SectionName = "Meetings";

    private static readonly TimeSpan[] DefaultOffsets = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    /// <summary>How long before the start attendees are reminded; empty → 24 hours and 1 hour.</summary>
    public TimeSpan[]? ReminderOffsets { get; set; }

    /// <summary>Checking in later than this after the start counts as late.</summary>
    public TimeSpan LateGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A branch with no meeting (notice, activity) for this many days is flagged inactive.</summary>
    [Range(1, 3650)]
    public int InactiveAfterDays { get; set; } = 30;

    /// <summary>
    /// The reminder slots, each named after its offset ("24h", "1h", "30m"). Config binding appends to
    /// initialised arrays, so the defaults apply only when nothing is configured.
    /// </summary>
    public IReadOnlyList<(string Slot, TimeSpan Offset)> ReminderSlots() =>
        (ReminderOffsets is { Length: > 0 } configured ? configured : DefaultOffsets)
            .Where(o => o > TimeSpan.Zero)
            .Distinct()
            .OrderByDescending(o => o)
            .Select(o => (SlotName(o), o))
            .ToList();

    private static string SlotName(TimeSpan offset) =>
        offset.TotalMinutes % 60 == 0
            ? $"{(offset.TotalMinutes / 60).ToString(CultureInfo.InvariantCulture)}h"
            : $"{offset.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m";
}
