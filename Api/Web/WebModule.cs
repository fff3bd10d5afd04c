using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.FileProviders;
using SmartBranch.Api.Areas.Console;
using SmartBranch.Api.Areas.Portal;

namespace SmartBranch.Api.Web;

/// <summary>
/// The server-rendered web: the secretary's PC console (Razor Pages in <c>Api/Areas/Console</c>, under /console) and
/// the public portal (<c>Api/Areas/Portal</c>, under /portal). Razor Pages render on the server with no build step,
/// share the Api's process, rules and DbContext, and bring antiforgery tokens for every form. Browser libraries are
/// served from <c>Api/wwwroot/lib</c> under /lib (vendored by deploy/vendor-web.sh; no CDN), the console's own script
/// and styles from <c>Api/wwwroot/console</c> under /console/assets.
/// </summary>
public static class WebModule
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            // Every console page needs a bound member's console session (Api/Areas/Console/README.md); only the login page is open.
            options.Conventions.AuthorizeAreaFolder("Console", "/", Policies.Member);
            options.Conventions.AllowAnonymousToAreaPage("Console", "/Login");
        });
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((o, environment) => ConsoleSessions.ConfigureAntiforgery(o, environment.IsProduction()));
        services.AddScoped<ConsoleViewer>();

        // Chinese pages: write CJK text as it is, not as &#x…; entities (still HTML-encoded where it must be).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    public static WebApplication MapWebEndpoints(this WebApplication app)
    {
        var root = app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot");
        Serve(app, Path.Combine(root, "lib"), "/lib", "public, max-age=86400");
        Serve(app, Path.Combine(root, "console"), "/console/assets", "no-cache");

        // The site icon (Api/wwwroot/favicon.svg: a simple mark in the brand red, no emblem): linked by the console and
        // portal layouts, and answered at /favicon.ico too, where browsers ask on pages without a link.
        var icon = Path.Combine(root, "favicon.svg");
        foreach (var path in new[] { "/favicon.svg", "/favicon.ico" })
        {
            app.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=86400";
                return TypedResults.PhysicalFile(icon, "image/svg+xml");
            }).AllowAnonymous().ExcludeFromDescription();
        }
        app.UsePortal();
        app.MapRazorPages();
        return app;
    }

    private static void Serve(WebApplication app, string folder, string path, string cacheControl) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = path,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = cacheControl,
        });
}
