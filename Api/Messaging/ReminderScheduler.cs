using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Messaging;

/// <summary>
/// The one way features schedule, move and cancel reminders. It only adds or changes outbox rows on the
/// caller's DbContext; the caller saves them with its own change, so a reminder exists exactly when the
/// thing it is about does. Delivery (WeChat subscription message and inbox) is the dispatcher's job.
/// </summary>
public sealed class ReminderScheduler(AppDbContext db, TimeProvider time)
{
    /// <summary>
    /// Schedules one reminder per member for the subject's <paramref name="slot"/>. Members who already
    /// have that reminder keep theirs (scheduling is idempotent). Returns how many were added.
    /// </summary>
    public Task<int> ScheduleAsync(
        ReminderKind kind,
        string subjectType,
        int subjectId,
        string slot,
        IEnumerable<int> memberIds,
        DateTimeOffset dueAt,
        ReminderContent content,
        CancellationToken cancellationToken) =>
        ScheduleAsync(kind, subjectType, subjectId, slot, memberIds.Select(Recipient.Member), dueAt, content, cancellationToken);

    /// <summary>
    /// Schedules one reminder per recipient (a member, or a person in development bound to their development record)
    /// for the subject's <paramref name="slot"/>. Recipients who already have that reminder keep theirs (scheduling is
    /// idempotent). Returns how many were added.
    /// </summary>
    public async Task<int> ScheduleAsync(
        ReminderKind kind,
        string subjectType,
        int subjectId,
        string slot,
        IEnumerable<Recipient> recipients,
        DateTimeOffset dueAt,
        ReminderContent content,
        CancellationToken cancellationToken)
    {
        var wanted = recipients.Distinct().ToList();
        var memberIds = wanted.Select(r => r.MemberId).OfType<int>().ToList();
        var applicantIds = wanted.Select(r => r.ApplicantId).OfType<int>().ToList();
        var existing = await db.Reminders
            .Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId && r.Slot == slot
                && ((r.MemberId != null && memberIds.Contains(r.MemberId.Value)) || (r.ApplicantId != null && applicantIds.Contains(r.ApplicantId.Value))))
            .Select(r => new { r.MemberId, r.ApplicantId })
            .ToListAsync(cancellationToken);
        var pendingLocal = db.Reminders.Local
            .Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId && r.Slot == slot)
            .Select(r => r.Recipient);
        var skip = existing.Select(r => Recipient.From(r.MemberId, r.ApplicantId)).Concat(pendingLocal).ToHashSet();
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var recipient in wanted.Where(r => !skip.Contains(r)))
        {
            db.Reminders.Add(new Reminder(kind, subjectType, subjectId, slot, recipient, dueAt, content, now));
            added++;
        }

        return added;
    }

    /// <summary>Moves the unsent reminders of a subject's slot to a new time (and new content, if given).</summary>
    public async Task RescheduleAsync(string subjectType, int subjectId, string slot, DateTimeOffset dueAt, ReminderContent? content, CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(subjectType, subjectId, slot, cancellationToken);
        foreach (var reminder in pending)
        {
            reminder.Reschedule(dueAt, content);
        }
    }

    /// <summary>Cancels the unsent reminders of a subject (one slot, or every slot when null); optionally only for some members.</summary>
    public async Task CancelAsync(string subjectType, int subjectId, string? slot, CancellationToken cancellationToken, IReadOnlyCollection<int>? memberIds = null)
    {
        var pending = await PendingAsync(subjectType, subjectId, slot, cancellationToken);
        foreach (var reminder in pending.Where(r => memberIds is null || (r.MemberId is int memberId && memberIds.Contains(memberId))))
        {
            reminder.Cancel();
        }
    }

    private Task<List<Reminder>> PendingAsync(string subjectType, int subjectId, string? slot, CancellationToken cancellationToken) =>
        db.Reminders
            .Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId && (slot == null || r.Slot == slot)
                && (r.Status == ReminderStatus.Scheduled || r.Status == ReminderStatus.Queued))
            .ToListAsync(cancellationToken);
}
