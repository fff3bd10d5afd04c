using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SmartBranch.Api.Common.Errors;
using SmartBranch.Api.Common.Idempotency;
using SmartBranch.Api.Common.OpenApi;
using SmartBranch.Api.Common.Telemetry;
using SmartBranch.Api.Common.Time;
using SmartBranch.Api.Messaging;
using SmartBranch.Infrastructure;

namespace SmartBranch.Api.Common;

public static class ApiSetup
{
    /// <summary>Registers what every area shares: errors, validation, auth, rate limits, Swagger and the messaging module. Areas register themselves (Program.cs).</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddErrorHandling();
        services.AddKestrelRejectionProblems();
        services.AddRequestValidation();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.ConfigureHttpJsonOptions(o => StrictJson.Apply(o.SerializerOptions));
        services.AddIdempotency();
        services.AddOrganizationTime(builder.Configuration);
        services.AddHttpContextAccessor();
        builder.AddTelemetry();
        services.AddHybridCache();
        services.AddSingleton<AccessCache>();
        services.AddSingleton<SmartBranch.Api.Common.MiniProgramCodes.MiniProgramCodeImages>();
        services.AddScoped<CurrentMember>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AudienceResolver>();
        services.AddSingleton<SmartBranch.Api.Common.Privacy.PhoneNumbers>();
        services.AddScoped<SmartBranch.Api.Common.ContentSecurity.TextContentCheck>();
        services.AddMessaging();

        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser().RequireClaim(AppClaims.MemberId));

        services.AddRateLimits();
        services.AddResponseHeaders();
        builder.AddReverseProxySupport();

        services.AddApiDocument();
        return builder;
    }

    /// <summary>The middleware pipeline, in order.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseReverseProxySupport();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The API description is for developers: on outside Production unless Swagger:Enabled says false, off in
        // Production unless it says true (its middleware looks at every request's path).
        if (app.Configuration.GetValue("Swagger:Enabled", !app.Environment.IsProduction()))
        {
            app.UseApiDocument();
            app.UseSwaggerUI(o => o.DocumentTitle = "SmartBranch API");
        }

        app.UseAuthentication();
        app.UseConsoleCsrf();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseIdempotency();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTag("Health", "Liveness and readiness probes for the container orchestrator (anonymous).");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(DependencyInjection.ReadyTag) }).WithTag("Health", "Liveness and readiness probes for the container orchestrator (anonymous).");
        return app;
    }
}
