using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SmartBranch.Api.Common;

/// <summary>
/// Response headers for every answer, set by NetEscapades.AspNetCore.SecurityHeaders rather than by handlers:
/// <c>X-Content-Type-Options: nosniff</c>, a <c>Referrer-Policy</c>, no <c>Server</c> header, and
/// <c>Cache-Control: no-store</c> on every /api answer (member lists, exports and phones must never sit in a
/// shared cache) unless the endpoint opts into <see cref="Cacheable"/> and sets its own caching.
/// </summary>
public static class ResponseHeaders
{
    /// <summary>Policy for /api endpoints whose answers may be cached (they set Cache-Control themselves).</summary>
    public const string Cacheable = "cacheable";

    private const string Api = "api";

    public static IServiceCollection AddResponseHeaders(this IServiceCollection services)
    {
        // Kestrel writes "Server: Kestrel" itself, after any middleware could remove it.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => p.AddDefaultSecurityHeaders().AddReferrerPolicyStrictOriginWhenCrossOrigin().RemoveServerHeader())
            .AddPolicy(Api, p => p.AddDefaultApiSecurityHeaders().AddReferrerPolicyNoReferrer().RemoveServerHeader().AddCustomHeader("Cache-Control", "no-store"))
            .AddPolicy(Cacheable, p => p.AddDefaultApiSecurityHeaders().AddReferrerPolicyNoReferrer().RemoveServerHeader())
            .SetPolicySelector(context => context.EndpointPolicy
                ?? (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? context.ConfiguredPolicies[Api]
                    : context.DefaultPolicy)));
        return services;
    }
}
