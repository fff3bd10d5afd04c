namespace SmartBranch.Api.Features.Mailbox;

public static class ListMyMailboxMessages
{

    public static async Task<Ok<ListPage<MailboxMessageView>>> Handle(CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var messages = await db.MailboxMessages.AsNoTracking().Include(m => m.Replies)
            .Where(m => m.AuthorMemberId == current.Id)
            .OrderByDescending(m => m.SentAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<MailboxMessageView>(await MailboxViews.ToViewsAsync(db, messages, current.Id, time.GetUtcNow(), cancellationToken)));
    }
}
