using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Features.ConsoleLogin;

public static class ViewLoginTicket
{
    /// <summary>
    /// What the confirmation page shows: the member who would be signed in, the browser that shows the code, when it
    /// was shown (UTC; the page shows China time) and until when it can be confirmed.
    /// </summary>
    public sealed record Response(string Ticket, string MemberName, string Browser, DateTimeOffset ShownAt, DateTimeOffset ExpiresAt);

    /// <summary>
    /// Read by the mini-program after a scan (bound members only: 401 unsigned, 403 unbound). 404 when the ticket is
    /// unknown or expired, 409 when it was already confirmed or refused.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        string ticket,
        CurrentMember current,
        ILoginTicketStore tickets,
        CancellationToken cancellationToken)
    {
        var found = await tickets.GetAsync(ticket, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("登录二维码已过期，请在电脑上刷新后重新扫码。");
        }

        if (found.State != LoginTicketState.Pending)
        {
            return Problems.Conflict("二维码已使用", "该登录二维码已被确认或拒绝，请在电脑上刷新后重新扫码。");
        }

        var member = await current.GetMemberAsync(cancellationToken);
        return TypedResults.Ok(new Response(found.Id, member.Name, found.Browser, found.CreatedAt, found.ExpiresAt));
    }
}
