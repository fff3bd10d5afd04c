using SmartBranch.Api.Messaging;

namespace SmartBranch.Api.Features.Inbox;

public static class GetInboxUnreadCount
{
    /// <summary>How many inbox messages the member has not read (the badge on the inbox tab).</summary>
    public sealed record Response(int Unread);

    /// <summary>200 with the unread count; 403 for an account bound to neither a member nor a person in development.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await ReminderRecipients.ForCallerAsync(current, db, cancellationToken) is not { } recipient)
        {
            return Problems.Forbidden(ReminderRecipients.NotBoundDetail);
        }

        var unread = await ReminderRecipients.Inbox(db, recipient).CountAsync(m => m.ReadAt == null, cancellationToken);
        return TypedResults.Ok(new Response(unread));
    }
}
