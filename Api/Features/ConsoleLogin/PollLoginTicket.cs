using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Features.ConsoleLogin;

public static class PollLoginTicket
{
    /// <summary>
    /// Where the ticket stands for the PC: <c>pending</c> (not yet scanned or not yet decided), <c>refused</c>,
    /// <c>expired</c> (two minutes passed, or the ticket was already used), or <c>signedIn</c>: then the console cookie
    /// is set and <c>redirect</c> says where to go.
    /// </summary>
    public sealed record Response(string State, string? Redirect);

    /// <summary>
    /// Polled by the login page every two seconds. The confirmed ticket is taken atomically, so exactly one poll opens
    /// exactly one session. Only the browser that created the ticket may poll it; any other caller is told it expired.
    /// </summary>
    public static async Task<Ok<Response>> Handle(
        string ticket,
        HttpContext http,
        ILoginTicketStore tickets,
        ConsoleSessions sessions,
        CancellationToken cancellationToken)
    {
        var found = await tickets.GetAsync(ticket, cancellationToken);
        if (found is null || !ConsoleLoginTickets.IsShownBy(found, http.Request))
        {
            return TypedResults.Ok(new Response("expired", null));
        }

        switch (found.State)
        {
            case LoginTicketState.Pending:
                return TypedResults.Ok(new Response("pending", null));
            case LoginTicketState.Refused:
                return TypedResults.Ok(new Response("refused", null));
        }

        // Confirmed: take it; a second poll racing this one finds nothing and reports expired.
        if (await tickets.TakeConfirmedAsync(ticket, cancellationToken) is not { OpenId: { } openId })
        {
            return TypedResults.Ok(new Response("expired", null));
        }

        await sessions.StartAsync(http, openId, cancellationToken);
        http.Response.Cookies.Delete(ConsoleLoginTickets.BrowserCookie, new CookieOptions { Path = "/api/console-login" });
        return TypedResults.Ok(new Response("signedIn", "/console"));
    }
}
