using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Mailbox;

/// <summary>The writer, shown only on messages that are not anonymous (and always to the writer).</summary>
public sealed record MailboxAuthor(int MemberId, string Name, string BranchName);

/// <summary>One answer: who answered (a committee member or admin), when, and whether it came by its deadline.</summary>
public sealed record MailboxReplyView(string Text, string AnsweredBy, DateTimeOffset AnsweredAt, bool OnTime);

/// <summary>
/// A mailbox message as the caller may see it. For readers of an anonymous message <c>author</c> is null and
/// <c>sentAt</c>/<c>resolvedAt</c> are cut to the hour (China time), so neither a name nor an exact time points
/// at the writer. <c>replyDueAt</c> and <c>escalateAt</c> fall at midnight China time (end of a working day).
/// <c>overdue</c>: unanswered past <c>replyDueAt</c>; <c>escalated</c>: unanswered past <c>escalateAt</c>, so the
/// general branch sees it too. <c>images</c> are media URLs.
/// </summary>
public sealed record MailboxMessageView(
    int Id,
    MailboxCategory Category,
    MailboxAddressee Addressee,
    string Text,
    IReadOnlyList<string> Images,
    bool Anonymous,
    MailboxAuthor? Author,
    DateTimeOffset SentAt,
    MailboxStatus Status,
    DateTimeOffset ReplyDueAt,
    DateTimeOffset EscalateAt,
    bool Overdue,
    bool Escalated,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<MailboxReplyView> Replies);

internal static class MailboxViews
{
    /// <summary>Chinese names of the categories (mini-program, reminders, export).</summary>
    public static string DisplayName(this MailboxCategory category) => EnumLabels.Of(category);

    /// <summary>Builds the views of <paramref name="messages"/>, loading the names they may show in two queries.</summary>
    public static async Task<List<MailboxMessageView>> ToViewsAsync(AppDbContext db, IReadOnlyList<MailboxMessage> messages, int viewerMemberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var memberIds = messages.Where(m => !m.IsAnonymous || m.AuthorMemberId == viewerMemberId).Select(m => m.AuthorMemberId)
            .Concat(messages.SelectMany(m => m.Replies).Select(r => r.AnsweredByMemberId))
            .Distinct()
            .ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Join(db.Units, m => m.BranchId, u => u.Id, (m, u) => new { m.Id, m.Name, Branch = u.Name })
            .ToDictionaryAsync(m => m.Id, cancellationToken);

        return messages.Select(m =>
        {
            var hidden = m.IsAnonymous && m.AuthorMemberId != viewerMemberId;
            var author = hidden || !names.TryGetValue(m.AuthorMemberId, out var a) ? null : new MailboxAuthor(a.Id, a.Name, a.Branch);
            return new MailboxMessageView(
                m.Id,
                m.Category,
                m.Addressee,
                m.Text,
                m.Images.Select(BrandRules.MediaUrl).ToList(),
                m.IsAnonymous,
                author,
                hidden ? ToHour(m.SentAt) : m.SentAt,
                m.Status,
                m.ReplyDueAt,
                m.EscalateAt,
                m.IsOverdue(now),
                m.IsEscalated(now),
                m.ResolvedAt is { } resolved && hidden ? ToHour(resolved) : m.ResolvedAt,
                m.Replies.OrderBy(r => r.AnsweredAt)
                    .Select(r => new MailboxReplyView(r.Text, names.TryGetValue(r.AnsweredByMemberId, out var by) ? by.Name : string.Empty, r.AnsweredAt, r.OnTime))
                    .ToList());
        }).ToList();
    }

    /// <summary>The start of the hour (UTC+8 has whole hours, so this is the China-time hour too).</summary>
    private static DateTimeOffset ToHour(DateTimeOffset instant) =>
        new(instant.UtcDateTime.Year, instant.UtcDateTime.Month, instant.UtcDateTime.Day, instant.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
}
