using Microsoft.Extensions.FileProviders;
using SmartBranch.Api.Areas.Portal;

namespace SmartBranch.Api.Web;

/// <summary>
/// The server-rendered web: the secretary's PC console (Razor Pages in <c>Api/Areas/Console</c>, under /console) and
/// the public portal (<c>Api/Areas/Portal</c>, under /portal). Razor Pages render on the server with no build step,
/// share the Api's process, rules and DbContext, and bring antiforgery tokens for every form. Browser libraries are
/// served from <c>Api/wwwroot/lib</c> under /lib (vendored by deploy/vendor-web.sh; no CDN).
/// </summary>
public static class WebModule
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddRazorPages();

        // Chinese pages: write CJK text as it is, not as &#x…; entities (still HTML-encoded where it must be).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    public static WebApplication MapWebEndpoints(this WebApplication app)
    {
        var lib = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "lib");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(lib),
            RequestPath = "/lib",
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        app.UsePortal();
        app.MapRazorPages();
        return app;
    }
}
