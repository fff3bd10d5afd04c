using System.Net.Http.Headers;
using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Brand;

/// <summary>Reads a big screen's server-sent events (/screen/{token}/events) the way a browser's EventSource does.</summary>
internal sealed class ScreenEvents : IAsyncDisposable
{
    // Only a safety net so a broken stream fails the test instead of hanging it; nothing is timed.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<string> _seen = [];

    private ScreenEvents(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>The raw data of every event read so far.</summary>
    public IReadOnlyList<string> Seen => _seen;

    public static async Task<ScreenEvents> OpenAsync(HttpClient display, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/screen/{token}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await display.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/event-stream"));
        return new ScreenEvents(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event: its type, id, retry and data.</summary>
    public async Task<(string Type, string? Id, string? Retry, string Data)> NextAsync()
    {
        using var giveUp = new CancellationTokenSource(GiveUpAfter);
        string type = "message", data = string.Empty;
        string? id = null, retry = null;
        for (;;)
        {
            var line = await _reader.ReadLineAsync(giveUp.Token) ?? throw new AssertionException("the stream ended");
            if (line.Length == 0)
            {
                _seen.Add(data);
                return (type, id, retry, data);
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event": type = value; break;
                case "data": data = data.Length == 0 ? value : data + "\n" + value; break;
                case "id": id = value; break;
                case "retry": retry = value; break;
            }
        }
    }

    /// <summary>Reads <c>live</c> events until one satisfies <paramref name="wanted"/> and returns it.</summary>
    public async Task<JsonElement> LiveUntilAsync(Func<JsonElement, bool> wanted)
    {
        for (;;)
        {
            var (type, _, _, data) = await NextAsync();
            if (type == "live")
            {
                var live = JsonSerializer.Deserialize<JsonElement>(data);
                if (wanted(live))
                {
                    return live;
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
