using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Requests Kestrel refuses before the app runs answer with a ProblemDetails body like every other error.
/// The in-memory test server never sees such requests, so these go over a real socket to a real Kestrel.
/// </summary>
public sealed class KestrelRejectionTests : FunctionalTest
{
    private Uri _address = null!;

    protected override AppFactory CreateApp()
    {
        var app = new AppFactory();
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    [OneTimeSetUp]
    public void FindAddress() =>
        _address = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Sends raw bytes and reads the whole answer (Kestrel closes the connection after a rejection).</summary>
    private async Task<(int Status, Dictionary<string, string> Headers, string Body)> SendRawAsync(string request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, timeout.Token);
        var bytes = answer.ToArray();
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.That(split, Is.GreaterThan(0), Encoding.UTF8.GetString(bytes));
        var lines = Encoding.ASCII.GetString(bytes, 0, split).Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = bytes[(split + 4)..];
        return (int.Parse(lines[0].Split(' ')[1]), headers, Encoding.UTF8.GetString(headers.GetValueOrDefault("Transfer-Encoding") == "chunked" ? Unchunk(body) : body));
    }

    /// <summary>Decodes a chunked body.</summary>
    private static byte[] Unchunk(byte[] body)
    {
        using var result = new MemoryStream();
        for (var at = 0; ;)
        {
            var end = at + body.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, at, end - at), 16);
            if (size == 0)
            {
                return result.ToArray();
            }

            result.Write(body, end + 2, size);
            at = end + 2 + size + 2;
        }
    }

    private static void AssertProblem((int Status, Dictionary<string, string> Headers, string Body) answer, int status)
    {
        Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
        Assert.That(answer.Headers["Content-Type"], Does.StartWith("application/problem+json"));
        if (answer.Headers.TryGetValue("Content-Length", out var length))
        {
            Assert.That(int.Parse(length), Is.EqualTo(Encoding.UTF8.GetByteCount(answer.Body)));
        }
        var problem = JsonSerializer.Deserialize<JsonElement>(answer.Body);
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(status));
        Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
        Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Returns400Problem_WhenThePathHoldsANul()
    {
        var answer = await SendRawAsync("GET /api/notices/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n");

        AssertProblem(answer, 400);
        Assert.That(JsonSerializer.Deserialize<JsonElement>(answer.Body).GetProperty("title").GetString(), Is.EqualTo("请求有误"));
    }

    [Test]
    public async Task Returns414Problem_WhenTheUrlIsOver8KB()
    {
        var answer = await SendRawAsync($"GET /api/notices?q={new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        AssertProblem(answer, 414);
    }

    [Test]
    public async Task Returns431Problem_WhenHeadersAreTooLarge()
    {
        var answer = await SendRawAsync($"GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('b', 40_000)}\r\n\r\n");

        AssertProblem(answer, 431);
    }

    [Test]
    public async Task Returns400Problem_WhenAHeaderIsMalformed()
    {
        AssertProblem(await SendRawAsync("GET /health/live HTTP/1.1\r\nHost: localhost\r\nNo colon in this header\r\n\r\n"), 400);
    }

    [Test]
    public async Task Returns505Problem_WhenTheRequestLineIsNotHttp()
    {
        AssertProblem(await SendRawAsync("THIS IS NOT HTTP\r\n\r\n"), 505);
    }

    /// <summary>Kestrel's MaxRequestBodySize is its default: 30,000,000 bytes.</summary>
    private const long BodyLimit = 30_000_000;

    [Test]
    public async Task Returns413Problem_WhenTheDeclaredBodyIsOverTheLimit()
    {
        var answer = await SendRawAsync($"POST /api/auth/wechat-login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {BodyLimit + 1}\r\n\r\n{{\"code\":\"");

        AssertProblem(answer, 413);
        var problem = JsonSerializer.Deserialize<JsonElement>(answer.Body);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("上传内容过大"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("请求内容过大，服务器未处理。"));
    }

    [Test]
    public async Task Returns413Problem_WhenAChunkedBodyGrowsOverTheLimit()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync("POST /api/auth/wechat-login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), timeout.Token);
        var chunk = Encoding.ASCII.GetBytes($"{1 << 20:x}\r\n{new string(' ', 1 << 20)}\r\n");
        var writing = Task.Run(async () =>
        {
            try
            {
                for (long sent = 0; sent <= BodyLimit; sent += 1 << 20)
                {
                    await stream.WriteAsync(chunk, timeout.Token);
                }
            }
            catch (IOException)
            {
                // The server answered and closed the connection before the whole body was sent.
            }
        });
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, timeout.Token);
        await writing;

        var text = Encoding.UTF8.GetString(answer.ToArray());
        Assert.That(text, Does.StartWith("HTTP/1.1 413 "), text);
        Assert.That(text, Does.Contain("application/problem+json"));
        Assert.That(text, Does.Contain("请求内容过大，服务器未处理。"));
    }

    [Test]
    public async Task DocumentsTheBodyLimit_OnEveryOperationThatTakesABody()
    {
        using var client = new HttpClient { BaseAddress = _address };
        var document = JsonSerializer.Deserialize<JsonElement>(await client.GetStringAsync("/swagger/v1/swagger.json"));

        var withBody = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", Operation: operation.Value)))
            .Where(o => o.Operation.TryGetProperty("requestBody", out _))
            .ToList();
        var undocumented = withBody
            .Where(o => !o.Operation.GetProperty("responses").TryGetProperty("413", out var tooLarge)
                || !tooLarge.GetProperty("content").TryGetProperty("application/problem+json", out _))
            .Select(o => o.Name)
            .ToList();

        Assert.That(withBody, Has.Count.GreaterThan(40));
        Assert.That(undocumented, Is.Empty);
    }

    [Test]
    public async Task LeavesTheAppsOwnAnswersAlone_OnTheSameServer()
    {
        var healthy = await SendRawAsync("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        var missing = await SendRawAsync("GET /api/no-such-thing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.That(healthy.Status, Is.EqualTo(200));
        Assert.That(healthy.Body, Is.EqualTo("Healthy"));
        AssertProblem(missing, 404);
        Assert.That(JsonSerializer.Deserialize<JsonElement>(missing.Body).TryGetProperty("traceId", out _), Is.True, "the app's own problem, not the rewritten one");
    }

    [Test]
    public async Task ServesJsonAnswersWholeAndKeepsTheConnection_OnTheSameServer()
    {
        using var client = new HttpClient { BaseAddress = _address };

        var login = await client.PostAsJsonAsync("/api/auth/wechat-login", new { code = $"dev-socket-{Guid.NewGuid():N}" });
        var document = await client.GetStringAsync("/swagger/v1/swagger.json");
        var refused = await client.PostAsJsonAsync("/api/auth/wechat-login", new { code = "abc" });

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
        Assert.That((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString(), Is.Not.Empty);
        Assert.That(document.Length, Is.GreaterThan(64 * 1024), "a body larger than the held buffer");
        Assert.That(JsonSerializer.Deserialize<JsonElement>(document).GetProperty("paths").EnumerateObject().Count(), Is.GreaterThan(60));
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
