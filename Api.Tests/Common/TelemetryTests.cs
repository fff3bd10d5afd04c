using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SmartBranch.Api.Common.Telemetry;

namespace SmartBranch.Api.Tests.Common;

/// <summary>The app's meter and the OpenTelemetry export that is off unless an OTLP endpoint is configured.</summary>
public sealed class TelemetryTests : FunctionalTest
{
    [Test]
    public async Task CountsLoginsByOutcome_OnTheAppMeter()
    {
        var meters = App.Services.GetRequiredService<IMeterFactory>();
        var outcomes = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this app's factory: other fixtures' apps live in the same test process.
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == AppMetrics.MeterName && instrument.Name == "smartbranch.logins")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcomes.Add($"{tag.Value}×{value}");
                }
            }
        });
        listener.Start();
        var org = await App.SeedAsync(branches: 1, members: 1);

        await App.SignInAsync(org.A.Members[0]);
        await App.SignInUnboundAsync();
        var refused = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = "not-a-dev-code" });

        await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outcomes, Is.EquivalentTo(new[] { "member×1", "unbound×1", "invalid_code×1" }));
    }

    [Test]
    public void RegistersNoExporter_WhenNoEndpointIsConfigured()
    {
        Assert.That(App.Services.GetService<MeterProvider>(), Is.Null);
        Assert.That(App.Services.GetService<TracerProvider>(), Is.Null);
    }

    [Test]
    public void ExportsMetricsAndTraces_WhenAnOtlpEndpointIsConfigured()
    {
        // Nothing listens there: the exporter only has to exist (it sends in the background and drops on failure).
        using var app = new AppFactory(new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9" });

        Assert.That(app.Services.GetService<MeterProvider>(), Is.Not.Null);
        Assert.That(app.Services.GetService<TracerProvider>(), Is.Not.Null);
    }
}
