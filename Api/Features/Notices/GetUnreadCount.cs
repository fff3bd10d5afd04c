using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

public static class GetUnreadCount
{
    /// <summary>For the badge: published notices addressed to the caller not yet opened, and those still awaiting sign-off.</summary>
    public sealed record Response(int Unread, int AwaitingAck);

    public static async Task<Ok<Response>> Handle(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        if (current.MemberId is not int me)
        {
            return TypedResults.Ok(new Response(0, 0));
        }

        var mine = db.NoticeRecipients.AsNoTracking()
            .Where(r => r.MemberId == me)
            .Join(db.Notices.Where(n => n.Status == NoticeStatus.Published), r => r.NoticeId, n => n.Id, (r, n) => new { r.FirstReadAt, r.AckedAt, n.RequiresAck });
        var unread = await mine.CountAsync(x => x.FirstReadAt == null, cancellationToken);
        var awaitingAck = await mine.CountAsync(x => x.RequiresAck && x.AckedAt == null, cancellationToken);
        return TypedResults.Ok(new Response(unread, awaitingAck));
    }
}
