using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Features.ConsoleLogin;

public static class CreateLoginTicket
{
    /// <summary>
    /// A new ticket: <c>ticket</c> is the mini-program code's scene, <c>codeUrl</c> the PNG to show, <c>statusUrl</c>
    /// the address to poll, <c>expiresAt</c> two minutes from now.
    /// </summary>
    public sealed record Response(string Ticket, string CodeUrl, string StatusUrl, DateTimeOffset ExpiresAt);

    /// <summary>
    /// Starts a scan-to-login on a PC: stores a pending ticket for two minutes and binds it to this browser with the
    /// HttpOnly <c>sb_console_ticket</c> cookie. Anonymous and rate-limited per address (429).
    /// </summary>
    public static async Task<Ok<Response>> Handle(HttpContext http, ILoginTicketStore tickets, TimeProvider time, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var secret = ConsoleLoginTickets.NewBrowserSecret();
        var ticket = new LoginTicket(
            ConsoleLoginTickets.NewScene(),
            ConsoleLoginTickets.Hash(secret),
            ConsoleLoginTickets.DescribeBrowser(http.Request.Headers.UserAgent),
            now,
            now + ConsoleLoginTickets.Lifetime,
            LoginTicketState.Pending,
            null);
        await tickets.CreateAsync(ticket, cancellationToken);
        http.Response.Cookies.Append(ConsoleLoginTickets.BrowserCookie, secret, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = environment.IsProduction() || http.Request.IsHttps,
            Path = "/api/console-login",
            MaxAge = ConsoleLoginTickets.Lifetime,
        });
        return TypedResults.Ok(new Response(
            ticket.Id,
            $"/api/console-login/tickets/{ticket.Id}/code",
            $"/api/console-login/tickets/{ticket.Id}/status",
            ticket.ExpiresAt));
    }
}
