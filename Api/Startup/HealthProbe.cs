namespace SmartBranch.Api.Startup;

/// <summary>
/// <c>dotnet SmartBranch.Api.dll --health-check [path]</c>: asks the instance running in the same
/// container for its health and exits 0 (healthy) or 1. The aspnet runtime image has no curl or wget,
/// and installing one only for the Docker HEALTHCHECK would add a package to patch; the app already
/// carries an HTTP client.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "--health-check";

    public static async Task<int> RunAsync(string[] args)
    {
        var path = args.SkipWhile(a => a != Argument).Skip(1).FirstOrDefault() ?? "/health/ready";

        // The port the aspnet image listens on (ASPNETCORE_HTTP_PORTS, 8080 unless changed).
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split([';', ','])[0].Trim();
        var url = $"http://127.0.0.1:{port}{path}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{url}: {ex.Message}");
            return 1;
        }
    }
}
