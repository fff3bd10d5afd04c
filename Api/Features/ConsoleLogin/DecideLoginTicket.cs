using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Features.ConsoleLogin;

public static class DecideLoginTicket
{
    /// <summary>Confirms the scanned ticket: the PC that shows it is signed in as the caller with the caller's rights.</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> Confirm(string ticket, CurrentMember current, ILoginTicketStore tickets, CancellationToken cancellationToken) =>
        DecideAsync(ticket, LoginTicketState.Confirmed, current, tickets, cancellationToken);

    /// <summary>Refuses the scanned ticket: the PC shows that the login was refused.</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> Refuse(string ticket, CurrentMember current, ILoginTicketStore tickets, CancellationToken cancellationToken) =>
        DecideAsync(ticket, LoginTicketState.Refused, current, tickets, cancellationToken);

    /// <summary>A pending ticket is decided once (bound members only): 404 when unknown or expired, 409 when already decided.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DecideAsync(
        string ticket,
        LoginTicketState decision,
        CurrentMember current,
        ILoginTicketStore tickets,
        CancellationToken cancellationToken)
    {
        if (await tickets.DecideAsync(ticket, decision, current.OpenId, cancellationToken))
        {
            return TypedResults.NoContent();
        }

        return await tickets.GetAsync(ticket, cancellationToken) is null
            ? Problems.NotFound("登录二维码已过期，请在电脑上刷新后重新扫码。")
            : Problems.Conflict("二维码已使用", "该登录二维码已被确认或拒绝，请在电脑上刷新后重新扫码。");
    }
}
