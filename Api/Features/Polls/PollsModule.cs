namespace SmartBranch.Api.Features.Polls;

/// <summary>Quick polls of a branch, a meeting or an activity.</summary>
public static class PollsModule
{
    /// <summary>Polls have no services of their own; the method keeps every area wired the same way.</summary>
    public static IServiceCollection AddPolls(this IServiceCollection services) => services.AddAreaRoutes(MapPollsEndpoints);

    /// <summary>Every route needs a bound member; a poll whose branch, meeting or activity the caller may not see is 404.</summary>
    public static IEndpointRouteBuilder MapPollsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/polls").WithTag("Polls", "Quick polls of a branch, a meeting or an activity.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", CreatePoll.Handle)
            .WithName(nameof(CreatePoll))
            .WithSummary("Start a poll (organisers)")
            .WithValidation<CreatePoll.Request>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", ListPolls.Handle)
            .WithName(nameof(ListPolls))
            .WithSummary("Polls of a branch, meeting or activity with live results")
            .WithValidation<ListPolls.Request>();

        group.MapGet("/{id:int}", GetPoll.Handle)
            .WithName(nameof(GetPoll))
            .WithSummary("A poll with live results");

        group.MapPost("/{id:int}/votes", VoteInPoll.Handle)
            .WithName(nameof(VoteInPoll))
            .WithSummary("Vote once")
            .WithValidation<VoteInPoll.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/close", ClosePoll.Handle)
            .WithName(nameof(ClosePoll))
            .WithSummary("End voting early (organisers)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
