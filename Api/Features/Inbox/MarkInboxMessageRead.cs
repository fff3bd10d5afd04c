namespace SmartBranch.Api.Features.Inbox;

public static class MarkInboxMessageRead
{
    /// <summary>The remaining unread count after marking.</summary>
    public sealed record Response(long Id, DateTimeOffset ReadAt, int Unread);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var memberId = current.Id;

        // Another member's message is reported as missing, like one that does not exist.
        var message = await db.InboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.MemberId == memberId, cancellationToken);
        if (message is null)
        {
            return Problems.NotFound("消息不存在。");
        }

        message.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var unread = await db.InboxMessages.CountAsync(m => m.MemberId == memberId && m.ReadAt == null, cancellationToken);
        return TypedResults.Ok(new Response(message.Id, message.ReadAt!.Value, unread));
    }
}
