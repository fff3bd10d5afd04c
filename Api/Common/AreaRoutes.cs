namespace SmartBranch.Api.Common;

/// <summary>
/// One area's routes, registered by the area's own <c>Add&lt;Area&gt;()</c> so Program.cs names each area once:
/// <c>services.AddAreaRoutes(Map&lt;Area&gt;Endpoints)</c> in the module, <see cref="AreaRegistration.MapAreaRoutes"/> once at startup.
/// Areas are mapped in the order they were added.
/// </summary>
public sealed class AreaRoutes(Func<IEndpointRouteBuilder, IEndpointRouteBuilder> map)
{
    internal void Map(IEndpointRouteBuilder routes) => map(routes);
}

public static class AreaRegistration
{
    /// <summary>Registers an area's route mapping (its <c>Map&lt;Area&gt;Endpoints</c>).</summary>
    public static IServiceCollection AddAreaRoutes(this IServiceCollection services, Func<IEndpointRouteBuilder, IEndpointRouteBuilder> map) =>
        services.AddSingleton(new AreaRoutes(map));

    /// <summary>Maps the routes of every area that registered itself.</summary>
    public static WebApplication MapAreaRoutes(this WebApplication app)
    {
        foreach (var area in app.Services.GetServices<AreaRoutes>())
        {
            area.Map(app);
        }

        return app;
    }
}
