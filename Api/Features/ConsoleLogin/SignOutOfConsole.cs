namespace SmartBranch.Api.Features.ConsoleLogin;

public static class SignOutOfConsole
{
    /// <summary>Ends the PC session of this browser (its console cookie) and clears the cookie. Needs the CSRF token like every cookie write.</summary>
    public static async Task<NoContent> Handle(HttpContext http, ConsoleSessions sessions, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(http, cancellationToken);
        return TypedResults.NoContent();
    }
}
