using System.Globalization;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Common;

/// <summary>
/// A committee's "remind them now" (a notice's unread members, a study assignment's unfinished ones): each reminder
/// spends one of the member's banked WeChat subscriptions, so a subject may be reminded at most once per cooldown;
/// each press is its own reminder slot, <c>&lt;prefix&gt;yyyy-MM-ddTHH:mm:ss</c> in China time.
/// </summary>
public static class ManualReminders
{
    /// <summary>
    /// The slot for a reminder now, or 409 (提醒过于频繁, with the minutes to wait) when a reminder with the same slot
    /// prefix was queued for the subject less than <paramref name="cooldown"/> ago. <paramref name="whom"/> names who
    /// was reminded (e.g. 未读党员).
    /// </summary>
    public static async Task<Result<string>> NextSlotAsync(
        AppDbContext db, string subjectType, int subjectId, string slotPrefix, TimeSpan cooldown, string whom, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lastReminded = await db.Reminders.AsNoTracking()
            .Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId && r.Slot.StartsWith(slotPrefix))
            .MaxAsync(r => (DateTimeOffset?)r.CreatedAt, cancellationToken);
        if (lastReminded is { } last && now - last < cooldown)
        {
            var wait = (int)Math.Ceiling((last + cooldown - now).TotalMinutes);
            return new DomainError("reminder.too_soon", $"刚刚已提醒过{whom}，为避免打扰，请{wait}分钟后再提醒。", ErrorKind.Conflict, "提醒过于频繁");
        }

        return slotPrefix + LocalCalendar.ToLocal(now).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
    }
}
