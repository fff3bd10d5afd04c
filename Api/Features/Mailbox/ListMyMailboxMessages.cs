namespace SmartBranch.Api.Features.Mailbox;

public static class ListMyMailboxMessages
{
    /// <summary>The caller's own messages, newest first, with every answer.</summary>
    public sealed record Response(IReadOnlyList<MailboxMessageView> Items);

    public static async Task<Ok<Response>> Handle(CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var messages = await db.MailboxMessages.AsNoTracking().Include(m => m.Replies)
            .Where(m => m.AuthorMemberId == current.Id)
            .OrderByDescending(m => m.SentAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response(await MailboxViews.ToViewsAsync(db, messages, current.Id, time.GetUtcNow(), cancellationToken)));
    }
}
