using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using SmartBranch.Api.Features.Activities;

namespace SmartBranch.Api.Features.Brand;

/// <summary>
/// <c>GET /screen/{token}/events</c>: the live part of the big screen as server-sent events (text/event-stream).
/// <list type="bullet">
/// <item><c>live</c>: a <see cref="ScreenLive.Snapshot"/>, first at once, then whenever it changes: a check-in,
/// an approved message or a vote in the screen's units reaches open screens as soon as it is saved
/// (<see cref="ScreenSignals"/>), not on a timer;</item>
/// <item><c>ping</c> (no data): every <see cref="HeartbeatSeconds"/> seconds while nothing changed, which
/// keeps proxies from closing the stream; the screen also looks again then, for what time alone changes (a meeting
/// whose check-in opens);</item>
/// <item><c>revoked</c> (no data): the link was revoked; the stream ends.</item>
/// </list>
/// Every event carries an id, and <c>retry: 1000</c> makes the browser reconnect a second after a lost connection,
/// getting a fresh <c>live</c> first. 404 ProblemDetails when the token is unknown or revoked.
/// </summary>
public static class StreamScreen
{
    public const int HeartbeatSeconds = 15;

    internal static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    public static async Task<Results<ServerSentEventsResult<ScreenLive.Snapshot?>, ProblemHttpResult>> Handle(
        string token,
        HttpContext context,
        AppDbContext db,
        ScreenSignals signals,
        IOptions<ActivityOptions> activityOptions,
        IOptions<JsonOptions> jsonOptions,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var scope = await ScreenScope.ForRequestAsync(context, db, token, cancellationToken);
        if (scope is null)
        {
            return ScreenScope.Unknown;
        }

        // nginx would otherwise hold events back in its buffer.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var stream = new Stream(token, db, signals, activityOptions.Value, jsonOptions.Value.SerializerOptions, time);
        return TypedResults.ServerSentEvents(stream.EventsAsync(scope, lifetime.ApplicationStopping, cancellationToken));
    }

    private sealed class Stream(string token, AppDbContext db, ScreenSignals signals, ActivityOptions activityOptions, JsonSerializerOptions json, TimeProvider time)
    {
        private long _eventId;

        public async IAsyncEnumerable<SseItem<ScreenLive.Snapshot?>> EventsAsync(ScreenScope scope, CancellationToken stopping, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            // Listen before the first read, so a change saved in between still rings.
            using var listener = signals.Listen(scope.UnitIds);
            using var until = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
            var last = await ScreenLive.BuildAsync(db, scope, activityOptions, time.GetUtcNow(), cancellationToken);
            var shown = JsonSerializer.Serialize(last, json);
            yield return Item(last, "live");

            for (;;)
            {
                var rang = await listener.WaitAsync(TimeSpan.FromSeconds(HeartbeatSeconds), time, until.Token);
                if (rang is null)
                {
                    yield break;
                }

                var current = await ScreenScope.LoadAsync(db, token, cancellationToken);
                if (current is null)
                {
                    yield return Item(null, "revoked");
                    yield break;
                }

                var snapshot = await ScreenLive.BuildAsync(db, current, activityOptions, time.GetUtcNow(), cancellationToken);
                var serialized = JsonSerializer.Serialize(snapshot, json);
                if (serialized != shown)
                {
                    shown = serialized;
                    yield return Item(snapshot, "live");
                }
                else if (rang == false)
                {
                    yield return Item(null, "ping");
                }
            }
        }

        private SseItem<ScreenLive.Snapshot?> Item(ScreenLive.Snapshot? data, string type) =>
            new(data, type) { EventId = (++_eventId).ToString(CultureInfo.InvariantCulture), ReconnectionInterval = Retry };
    }
}
