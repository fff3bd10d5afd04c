using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Mailbox;

public static class ListMailbox
{
    /// <summary>
    /// <c>status</c> filters (Open, Answered, Resolved); <c>overdueOnly</c> keeps unanswered messages past their deadline;
    /// <c>cursor</c> is the <c>nextCursor</c> of the previous page with the same filters (omit for the first page).
    /// </summary>
    public sealed record Request(MailboxStatus? Status, bool? OverdueOnly, string? Cursor);

    /// <summary>
    /// The messages the caller reads (secretary, deputy, general-branch admin), by state, oldest deadline first, 20 a
    /// page, with <c>overdue</c> and <c>escalated</c> counts for the badge (over every message the filters keep, not
    /// just this page). Anonymous messages show no author and times cut to the hour. <c>nextCursor</c>: pass back as
    /// <c>cursor</c> for the next page; null on the last.
    /// </summary>
    public sealed record Response(int Overdue, int Escalated, IReadOnlyList<MailboxMessageView> Items, string? NextCursor);

    /// <summary>The page size (the shared list default).</summary>
    public const int PageSize = 20;

    /// <summary>
    /// Everyone signed in gets 200; a caller who reads no mailbox gets an empty list. 400 for a cursor that is not a
    /// previous <c>nextCursor</c> (code <c>list.invalid_cursor</c>).
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        [AsParameters] Request request, CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ListCursor.TryReadKeys(request.Cursor, 3, out var after)
            || (after is [var afterStatus, var afterTicks, _] && (!Enum.IsDefined(typeof(MailboxStatus), (int)Math.Min(afterStatus, int.MaxValue)) || afterTicks > DateTimeOffset.MaxValue.UtcTicks)))
        {
            return Problems.InvalidCursor();
        }

        var access = await current.GetAccessAsync(cancellationToken);
        var now = time.GetUtcNow();
        var query = db.MailboxMessages.AsNoTracking().ReadableBy(access, now);
        if (request.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (request.OverdueOnly == true)
        {
            query = query.Where(m => m.Status == MailboxStatus.Open && m.ReplyDueAt <= now);
        }

        var overdue = await query.CountAsync(m => m.Status == MailboxStatus.Open && m.ReplyDueAt <= now, cancellationToken);
        var escalated = await query.CountAsync(m => m.Status == MailboxStatus.Open && m.EscalateAt <= now, cancellationToken);
        var page = query;
        if (after is [var statusKey, var ticks, var idKey])
        {
            // Keyset on (status, reply deadline, id). Status is stored as its name, so the database orders states by
            // name: the states after the cursor's are those whose names sort after it.
            var state = (MailboxStatus)(int)statusKey;
            var later = Enum.GetValues<MailboxStatus>().Where(s => string.CompareOrdinal(s.ToString(), state.ToString()) > 0).ToArray();
            var dueAt = new DateTimeOffset(ticks, TimeSpan.Zero);
            var id = (int)Math.Min(idKey, int.MaxValue);
            page = page.Where(m => later.Contains(m.Status) || (m.Status == state && (m.ReplyDueAt > dueAt || (m.ReplyDueAt == dueAt && m.Id > id))));
        }

        var messages = await page.Include(m => m.Replies).OrderBy(m => m.Status).ThenBy(m => m.ReplyDueAt).ThenBy(m => m.Id)
            .Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = messages.Count > PageSize;
        if (more)
        {
            messages.RemoveAt(PageSize);
        }

        var views = await MailboxViews.ToViewsAsync(db, messages, current.Id, now, cancellationToken);
        var last = messages.LastOrDefault();
        var next = more && last is not null ? ListCursor.WriteKeys((int)last.Status, last.ReplyDueAt.UtcTicks, last.Id) : null;
        return TypedResults.Ok(new Response(overdue, escalated, views, next));
    }
}
