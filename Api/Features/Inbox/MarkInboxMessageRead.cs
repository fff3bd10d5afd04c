using SmartBranch.Api.Messaging;

namespace SmartBranch.Api.Features.Inbox;

public static class MarkInboxMessageRead
{
    /// <summary>The remaining unread count after marking.</summary>
    public sealed record Response(long Id, DateTimeOffset ReadAt, int Unread);

    /// <summary>200 with the remaining unread count; 404 for a message that is not the caller's; 403 for an account bound to neither a member nor a person in development.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(long id, CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await ReminderRecipients.ForCallerAsync(current, db, cancellationToken) is not { } recipient)
        {
            return Problems.Forbidden(ReminderRecipients.NotBoundDetail);
        }

        // Another person's message is reported as missing, like one that does not exist.
        var message = await ReminderRecipients.Inbox(db, recipient).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return Problems.NotFound("消息不存在。");
        }

        message.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var unread = await ReminderRecipients.Inbox(db, recipient).CountAsync(m => m.ReadAt == null, cancellationToken);
        return TypedResults.Ok(new Response(message.Id, message.ReadAt!.Value, unread));
    }
}
