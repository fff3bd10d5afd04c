using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SmartBranch.Api.Common;

/// <summary>Section "ForwardedHeaders": the reverse proxy (nginx in deploy/) whose X-Forwarded-* headers are believed.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Apply X-Forwarded-For/-Proto/-Host. Null: on everywhere except Development.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Proxy addresses trusted besides loopback, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks trusted besides loopback, in CIDR form, e.g. "172.30.0.0/24" (the compose network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep to read X-Forwarded-For (1: only the proxy in front of the app).</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>
/// Behind nginx the connection comes from the proxy; the client address (rate limits, audit) and the
/// scheme (links) come from the forwarded headers, but only when the proxy is one we trust.
/// </summary>
public static class ReverseProxy
{
    public static IHostApplicationBuilder AddReverseProxySupport(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();

        // Parsed here, not lazily, so a typo stops the start with the setting's name instead of failing the first request.
        var proxies = settings.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address : throw Invalid("KnownProxies", p))
            .ToList();
        var networks = settings.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network) ? network : throw Invalid("KnownNetworks", n))
            .ToList();

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = settings.ForwardLimit;
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return builder;
    }

    private static InvalidOperationException Invalid(string key, string value) =>
        new($"{ForwardedHeadersSettings.SectionName}:{key} contains \"{value}\", which is not an IP address (KnownProxies) or CIDR network (KnownNetworks).");

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        if (settings.Enabled ?? !app.Environment.IsDevelopment())
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
