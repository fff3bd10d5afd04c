namespace SmartBranch.Api.Features.Calendar;

public static class CalendarModule
{
    /// <summary>Registers the calendar area's services (none beyond the shared ones).</summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services) => services.AddAreaRoutes(MapCalendarEndpoints);

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        // Calendar apps fetch the feed without signing in: the secret in the URL is the credential.
        app.MapGroup("/api/calendar").WithTag("Calendar", "Calendar feeds (iCalendar) of meetings and activities, and the member's own calendar subscription.").AllowAnonymous()
            .MapGet("/{secret}.ics", GetCalendarFeed.Handle)
            .WithName(nameof(GetCalendarFeed))
            .WithSummary("The member's iCalendar feed behind their secret URL")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGroup("/api/me/calendar").WithTags("Calendar").RequireAuthorization(Policies.Member)
            .MapPost("/reset", ResetCalendarSecret.Handle)
            .WithName(nameof(ResetCalendarSecret))
            .WithSummary("Issue a new calendar feed URL; the old one stops working")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
