namespace SmartBranch.Api.Features.ConsoleLogin;

/// <summary>
/// Scan-to-login for the PC console (Api/Areas/Console/README.md): the PC asks for a ticket and shows its mini-program
/// code, a member scans it and confirms or refuses in the mini-program, the PC polls and gets the console cookie.
/// </summary>
public static class ConsoleLoginModule
{
    public static IServiceCollection AddConsoleLogin(this IServiceCollection services) => services.AddScoped<ConsoleSessions>().AddAreaRoutes(MapConsoleLoginEndpoints);

    public static IEndpointRouteBuilder MapConsoleLoginEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/console-login").WithTag("ConsoleLogin", "Scan-to-login for the PC console: one-time tickets shown as a mini-program code, confirmed on the phone.");

        group.MapPost("/tickets", CreateLoginTicket.Handle)
            .WithName(nameof(CreateLoginTicket))
            .WithSummary("Start a scan-to-login on a PC: a two-minute ticket bound to this browser")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/tickets/{ticket}/code", GetLoginTicketCode.Handle)
            .WithName(nameof(GetLoginTicketCode))
            .WithSummary("The ticket's mini-program code (PNG), for the browser that created it")
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/tickets/{ticket}/status", PollLoginTicket.Handle)
            .WithName(nameof(PollLoginTicket))
            .WithSummary("Poll the ticket from the PC; when confirmed, sets the console cookie (once)")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/tickets/{ticket}", ViewLoginTicket.Handle)
            .WithName(nameof(ViewLoginTicket))
            .WithSummary("What the mini-program's confirmation page shows after a scan")
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/tickets/{ticket}/confirm", DecideLoginTicket.Confirm)
            .WithName("ConfirmLoginTicket")
            .WithSummary("Confirm a scanned ticket: the PC signs in as the caller")
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/tickets/{ticket}/refuse", DecideLoginTicket.Refuse)
            .WithName("RefuseLoginTicket")
            .WithSummary("Refuse a scanned ticket: the PC shows the refusal")
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/sign-out", SignOutOfConsole.Handle)
            .WithName(nameof(SignOutOfConsole))
            .WithSummary("End this browser's console session (cookie and CSRF token required)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
