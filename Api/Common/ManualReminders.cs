using System.Globalization;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Common;

/// <summary>
/// A committee's "remind them now" (a notice's unread members, a study assignment's unfinished ones): each reminder
/// spends one of the member's banked WeChat subscriptions, so a subject may be reminded at most once per cooldown;
/// each press is its own reminder slot, <c>&lt;prefix&gt;yyyy-MM-ddTHH:mm:ss</c> in China time.
/// </summary>
public static class ManualReminders
{
    /// <summary>
    /// Each reminder spends one of the member's banked WeChat subscriptions, so a committee may remind the same subject
    /// at most once in this period.
    /// </summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(1);

    /// <summary>
    /// The slot for a reminder now, or 409 (提醒过于频繁, with the minutes to wait) when a reminder with the same slot
    /// prefix was queued for the subject less than <see cref="Cooldown"/> ago. <paramref name="whom"/> names who
    /// was reminded (e.g. 未读党员).
    /// </summary>
    private static async Task<Result<string>> NextSlotAsync(
        AppDbContext db, string subjectType, int subjectId, string slotPrefix, string whom, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lastReminded = await db.Reminders.AsNoTracking()
            .Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId && r.Slot.StartsWith(slotPrefix))
            .MaxAsync(r => (DateTimeOffset?)r.CreatedAt, cancellationToken);
        if (lastReminded is { } last && now - last < Cooldown)
        {
            var wait = (int)Math.Ceiling((last + Cooldown - now).TotalMinutes);
            return new DomainError("reminder.too_soon", $"刚刚已提醒过{whom}，为避免打扰，请{wait}分钟后再提醒。", ErrorKind.Conflict, "提醒过于频繁");
        }

        return slotPrefix + LocalCalendar.ToLocal(now).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The "remind them now" press, start to end: the slot (or the 409 of <see cref="NextSlotAsync"/> within
    /// <see cref="Cooldown"/>), the recipients (asked for only when a reminder may go), one reminder each through the
    /// messaging module (notice template), and, when any was added, the audit entry <paramref name="auditSummary"/>(how
    /// many) in the subject's unit, saved with them. Answers how many were reminded and the slot.
    /// </summary>
    public static async Task<Result<(int Reminded, string Slot)>> RemindAsync(
        AppDbContext db,
        ReminderScheduler reminders,
        AuditTrail audit,
        Press press,
        Func<CancellationToken, Task<List<int>>> recipients,
        ReminderContent content,
        Func<int, string> auditSummary,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var (slot, tooSoon) = await NextSlotAsync(db, press.SubjectType, press.SubjectId, press.SlotPrefix, press.Whom, now, cancellationToken);
        if (tooSoon is not null)
        {
            return tooSoon;
        }

        var memberIds = await recipients(cancellationToken);
        var added = await reminders.ScheduleAsync(ReminderKind.Notice, press.SubjectType, press.SubjectId, slot!, memberIds, now, content, cancellationToken);
        if (added > 0)
        {
            audit.Record(press.UnitId, press.AuditAction, press.SubjectType, press.SubjectId, auditSummary(added));
            await db.SaveChangesAsync(cancellationToken);
        }

        return (added, slot!);
    }

    /// <summary>
    /// What a press reminds of: the subject (<see cref="SubjectTypes"/>) and the unit its audit entry is filed under, the
    /// slot prefix that sets its cooldown apart, and <paramref name="Whom"/> it reminds (e.g. 未读党员) for the 409 text.
    /// </summary>
    public sealed record Press(string SubjectType, int SubjectId, int UnitId, string SlotPrefix, string Whom, string AuditAction);
}
