namespace SmartBranch.Api.Features.Inbox;

public static class GetInboxUnreadCount
{
    /// <summary>How many inbox messages the member has not read (the badge on the inbox tab).</summary>
    public sealed record Response(int Unread);

    public static async Task<Ok<Response>> Handle(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var memberId = current.Id;
        var unread = await db.InboxMessages.CountAsync(m => m.MemberId == memberId && m.ReadAt == null, cancellationToken);
        return TypedResults.Ok(new Response(unread));
    }
}
