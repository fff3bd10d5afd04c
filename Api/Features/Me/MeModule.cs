namespace SmartBranch.Api.Features.Me;

public static class MeModule
{
    /// <summary>Registers the me area's services (none beyond the shared ones).</summary>
    public static IServiceCollection AddMe(this IServiceCollection services) => services.AddAreaRoutes(MapMeEndpoints);

    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTag("Me", "The signed-in caller: profile, roles and what they may do.").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", GetMe.Handle)
            .WithName(nameof(GetMe))
            .WithSummary("The signed-in member's profile, branch and roles")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
