namespace SmartBranch.Api.Features.Walls;

/// <summary>
/// Message walls (留言墙) of meetings and activities. The big screen (/screen/{token}) shows unit-wide public
/// content; showing a Public activity's approved wall messages there belongs to the big-screen work.
/// </summary>
public static class WallsModule
{
    /// <summary>Walls have no services of their own; the method keeps every area wired the same way.</summary>
    public static IServiceCollection AddWalls(this IServiceCollection services) => services.AddAreaRoutes(MapWallsEndpoints);

    /// <summary>Every route needs a bound member; a wall whose meeting or activity the caller may not see is 404.</summary>
    public static IEndpointRouteBuilder MapWallsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/walls").WithTag("Walls", "Message walls (留言墙) of a unit or an activity.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", OpenMessageWall.Handle)
            .WithName(nameof(OpenMessageWall))
            .WithSummary("Open a message wall for a meeting or activity (organisers)")
            .WithValidation<OpenMessageWall.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", FindMessageWall.Handle)
            .WithName(nameof(FindMessageWall))
            .WithSummary("The wall of a meeting or activity")
            .WithValidation<FindMessageWall.Request>();

        group.MapGet("/{id:int}", GetMessageWall.Handle)
            .WithName(nameof(GetMessageWall))
            .WithSummary("Approved messages (pending ones for organisers); afterId for polling");

        group.MapPost("/{id:int}/messages", PostWallMessage.Handle)
            .WithName(nameof(PostWallMessage))
            .WithSummary("Post a short message")
            .WithValidation<PostWallMessage.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:int}/messages/{messageId:int}/decision", DecideWallMessage.Handle)
            .WithName(nameof(DecideWallMessage))
            .WithSummary("Approve or reject a pending message (organisers)")
            .WithValidation<DecideWallMessage.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/close", CloseMessageWall.Handle)
            .WithName(nameof(CloseMessageWall))
            .WithSummary("Close the wall (organisers)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
