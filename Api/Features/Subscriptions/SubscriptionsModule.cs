namespace SmartBranch.Api.Features.Subscriptions;

public static class SubscriptionsModule
{
    /// <summary>Registers the subscriptions area's services (none beyond the shared ones).</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services) => services.AddAreaRoutes(MapSubscriptionsEndpoints);

    public static IEndpointRouteBuilder MapSubscriptionsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/subscriptions").WithTag("Subscriptions", "WeChat subscription-message consents (订阅消息) the mini-program records.").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/", GetSubscriptions.Handle)
            .WithName(nameof(GetSubscriptions))
            .WithSummary("The reminder kinds, their subscription-message templates and the sends the caller (a member or a bound person in development) has banked")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", RecordSubscriptions.Handle)
            .WithName(nameof(RecordSubscriptions))
            .WithSummary("Report what wx.requestSubscribeMessage answered; each accept banks one send")
            .WithValidation<RecordSubscriptions.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
