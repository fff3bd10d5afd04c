namespace SmartBranch.Api.Areas.Portal;

/// <summary>
/// The public portal (门户网站, Api/Areas/Portal/README.md): server-rendered pages under /portal that anyone may open,
/// showing only Public content (<see cref="Features.Brand.PublicContent"/>). The site root redirects here.
/// </summary>
public static class PortalModule
{
    /// <summary>The portal's address; <c>/</c> redirects to it (302, so the root can be given to something else later).</summary>
    public const string Root = "/portal";

    /// <summary>Adds the portal's caching and the root redirect; call before <c>MapRazorPages</c>.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase), b => b.UseMiddleware<PortalCaching>());
        app.MapGet("/", () => TypedResults.Redirect(Root)).ExcludeFromDescription();
        return app;
    }
}
