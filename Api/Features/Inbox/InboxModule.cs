namespace SmartBranch.Api.Features.Inbox;

public static class InboxModule
{
    /// <summary>Registers the inbox area's services (none beyond the shared ones).</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services) => services.AddAreaRoutes(MapInboxEndpoints);

    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inbox").WithTag("Inbox", "The inbox of a member or of a person in development bound to their record: reminders and messages they received.").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/", GetInbox.Handle)
            .WithName(nameof(GetInbox))
            .WithSummary("The member's inbox, newest first, a page at a time")
            .WithValidation<GetInbox.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/unread-count", GetInboxUnreadCount.Handle)
            .WithName(nameof(GetInboxUnreadCount))
            .WithSummary("How many inbox messages are unread")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/{id:long}/read", MarkInboxMessageRead.Handle)
            .WithName(nameof(MarkInboxMessageRead))
            .WithSummary("Mark one inbox message read")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
