namespace SmartBranch.Api.Features.Brand;

/// <summary>
/// The big screen (互动大屏): a static page (Api/wwwroot/screen) that polls <c>/screen/{token}/data</c>. An
/// unknown or revoked token gets a Chinese error page with status 404.
/// </summary>
public static class ScreenPage
{
    /// <summary>The page's own files; nothing else under wwwroot/screen is served.</summary>
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["screen.css"] = "text/css; charset=utf-8",
        ["screen.js"] = "text/javascript; charset=utf-8",
    };

    public static async Task<IResult> Handle(string token, AppDbContext db, IWebHostEnvironment environment, HttpContext context, CancellationToken cancellationToken)
    {
        var active = await db.ScreenLinks.AsNoTracking().AnyAsync(l => l.Token == token && l.RevokedAt == null, cancellationToken);
        NoCache(context);
        return active
            ? Results.Content(await ReadAsync(environment, "index.html", cancellationToken), "text/html; charset=utf-8")
            : Results.Content(await ReadAsync(environment, "error.html", cancellationToken), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> Asset(string name, IWebHostEnvironment environment, CancellationToken cancellationToken) =>
        Assets.TryGetValue(name, out var contentType)
            ? Results.Content(await ReadAsync(environment, name, cancellationToken), contentType)
            : Problems.NotFound("大屏页面没有这个文件。");

    internal static void NoCache(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
    }

    private static async Task<string> ReadAsync(IWebHostEnvironment environment, string name, CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo($"screen/{name}");
        if (!file.Exists)
        {
            throw new InvalidOperationException($"wwwroot/screen/{name} is missing from the deployment.");
        }

        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
