using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Infrastructure.Emulation;

/// <summary>
/// Starts an emulator's routes on a loopback-only Kestrel (port 0 = any free port): the one way the WeChat and
/// WeChat Pay emulators listen, so neither is ever reachable from another machine.
/// </summary>
internal static class LoopbackHost
{
    /// <summary>Builds, maps and starts the host; returns it with its base address (ending in '/').</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(int port, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>
    /// A client for the app an emulator runs inside (where it pushes WeChat media verdicts and WeChat Pay
    /// notifications), on loopback: Kestrel may report a wildcard host, and the app is always reachable on
    /// 127.0.0.1 from here. Null while the app has no address (it is not listening yet, or runs in a test server).
    /// </summary>
    public static HttpClient? AppClient(IServiceProvider services)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)) { Path = "/" };
        return new HttpClient { BaseAddress = uri.Uri };
    }
}
