using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Mailbox;

public static class ListMailbox
{
    /// <summary><c>status</c> filters (Open, Answered, Resolved); <c>overdueOnly</c> keeps unanswered messages past their deadline.</summary>
    public sealed record Request(MailboxStatus? Status, bool? OverdueOnly);

    /// <summary>
    /// The messages the caller reads (secretary, deputy, general-branch admin), oldest deadline first, with
    /// <c>overdue</c> and <c>escalated</c> counts for the badge. Anonymous messages show no author and times cut to the hour.
    /// </summary>
    public sealed record Response(int Overdue, int Escalated, IReadOnlyList<MailboxMessageView> Items);

    /// <summary>Everyone signed in gets 200; a caller who reads no mailbox gets an empty list.</summary>
    public static async Task<Ok<Response>> Handle([AsParameters] Request request, CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var now = time.GetUtcNow();
        var query = db.MailboxMessages.AsNoTracking().Include(m => m.Replies).ReadableBy(access, now);
        if (request.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (request.OverdueOnly == true)
        {
            query = query.Where(m => m.Status == MailboxStatus.Open && m.ReplyDueAt <= now);
        }

        var messages = await query.OrderBy(m => m.Status).ThenBy(m => m.ReplyDueAt).ThenBy(m => m.Id).Take(500).ToListAsync(cancellationToken);
        var views = await MailboxViews.ToViewsAsync(db, messages, current.Id, now, cancellationToken);
        return TypedResults.Ok(new Response(views.Count(v => v.Overdue), views.Count(v => v.Escalated), views));
    }
}
