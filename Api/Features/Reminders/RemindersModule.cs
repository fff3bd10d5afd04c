namespace SmartBranch.Api.Features.Reminders;

public static class RemindersModule
{
    /// <summary>Registers the reminders area's services (none beyond the shared ones).</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services) => services.AddAreaRoutes(MapRemindersEndpoints);

    public static IEndpointRouteBuilder MapRemindersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reminders").WithTag("Reminders", "Reminder preferences and the member's subscription-message quota.").RequireAuthorization(Policies.Member);

        group.MapGet("/", GetSubjectReminders.Handle)
            .WithName(nameof(GetSubjectReminders))
            .WithSummary("For the committee: who a meeting's, activity's or notice's reminders reached by WeChat, by inbox only, or not at all")
            .WithValidation<GetSubjectReminders.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
