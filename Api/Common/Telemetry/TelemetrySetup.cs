using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SmartBranch.Infrastructure.Redis;

namespace SmartBranch.Api.Common.Telemetry;

/// <summary>Options of the OpenTelemetry export (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP endpoint (e.g. <c>http://otel-collector:4317</c>); the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works as well. Empty: nothing is exported.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The service name collectors show.</summary>
    public string ServiceName { get; set; } = "smartbranch-api";
}

public static class TelemetrySetup
{
    /// <summary>The standard variable the OTLP exporter reads itself.</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The app's meter always; the OpenTelemetry SDK with OTLP export of metrics and traces (ASP.NET Core,
    /// EF Core, HttpClient, Redis, runtime, the app's meter) only when an endpoint is configured. Without one
    /// no provider and no exporter exist, so nothing is collected or sent.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<AppMetrics>();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);

        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? options.OtlpEndpoint : builder.Configuration[StandardEndpointVariable];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        var usesRedis = !string.IsNullOrWhiteSpace(builder.Configuration[$"{RedisOptions.SectionName}:ConnectionString"]);
        var target = new Uri(endpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", AppMetrics.MeterName)
                .AddOtlpExporter(o => o.Endpoint = target))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddOtlpExporter(o => o.Endpoint = target);
                if (usesRedis)
                {
                    tracing.AddRedisInstrumentation()
                        .ConfigureRedisInstrumentation((sp, redis) => redis.AddConnection(sp.GetRequiredService<RedisConnection>().Multiplexer));
                }
            });
        return builder;
    }
}
