using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

using SmartBranch.Infrastructure.Emulation;

namespace SmartBranch.Infrastructure.WeChat.Emulator;

/// <summary>A call the emulator answered, for tests and benchmarks to count.</summary>
public sealed record EmulatorCall(string Api, DateTimeOffset At, int ErrCode);

/// <summary>
/// How a request reached the emulator: its body framing (WeChat's servers want Content-Length, not chunked), and
/// whether it carried a W3C trace context (<c>traceparent</c>), which nothing of ours should send to WeChat.
/// </summary>
public sealed record EmulatorRequest(string Method, string Path, long? ContentLength, bool Chunked, bool TraceContext = false);

/// <summary>A getwxacodeunlimit body the emulator received (Infrastructure/WeChat/README.md §8).</summary>
public sealed record EmulatorQrCodeRequest(string? Scene, string? Page, bool CheckPath, string EnvVersion, int Width);

/// <summary>
/// A local stand-in for api.weixin.qq.com that speaks the same paths and JSON for the calls SmartBranch
/// makes. It runs on loopback in Development and tests; Production refuses to start with it.
/// Codes <c>dev-&lt;name&gt;</c> sign in as a stable openid as often as wanted (handy for development);
/// <c>dev-&lt;name&gt;~&lt;anything&gt;</c> signs in as the same openid but, like every real WeChat code, only once
/// (40163 afterwards); anything else is errcode 40029. How each request body was framed (Content-Length or
/// chunked) is kept in <see cref="Requests"/>. Feature-specific APIs live in the other parts of this partial class.
/// </summary>
public sealed partial class WeChatEmulator(IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatEmulator> logger, IServiceProvider services) : IAsyncDisposable
{
    /// <summary>AppId and secret the emulator accepts when none are configured.</summary>
    public const string DefaultAppId = "wx00emulator00000";
    public const string DefaultAppSecret = "emulator-secret";

    private const int TokenLifetimeSeconds = 7200;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _faults = new();
    private readonly EmulatorLog<EmulatorCall> _calls = new();
    private readonly ConcurrentDictionary<string, long> _callCounts = new(StringComparer.Ordinal);
    private readonly EmulatorLog<EmulatorRequest> _requests = new();
    private readonly EmulatorLog<EmulatorQrCodeRequest> _qrCodes = new();
    private readonly ConcurrentDictionary<string, byte> _usedCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unpublishedPages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private readonly Lock _tokenLock = new();
    private string? _currentToken;
    private WebApplication? _app;

    /// <summary>Where the emulator listens, e.g. http://127.0.0.1:5123/.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:0/");

    public bool IsStarted => _app is not null;

    private string AppId => options.Value.AppId ?? DefaultAppId;

    private string AppSecret => options.Value.AppSecret ?? DefaultAppSecret;

    /// <summary>The stable openid the emulator gives to <c>dev-&lt;name&gt;</c>.</summary>
    public static string OpenIdFor(string name) =>
        "oEMU" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..24];

    // The openids handed out so far by name: a benchmark signs the same few hundred names in again and again.
    private readonly ConcurrentDictionary<string, string> _openIds = new(StringComparer.Ordinal);

    /// <summary>Makes the next <paramref name="times"/> calls to <paramref name="api"/> (e.g. "sns/jscode2session") answer <paramref name="errCode"/>.</summary>
    public void FailNext(string api, int errCode, int times = 1)
    {
        var queue = _faults.GetOrAdd(Normalize(api), _ => new ConcurrentQueue<int>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(errCode);
        }
    }

    /// <summary>The calls answered so far, oldest first (the newest <see cref="EmulatorLog{T}.Capacity"/>).</summary>
    public IReadOnlyList<EmulatorCall> Calls => _calls.ToArray();

    /// <summary>Calls to <paramref name="api"/> answered so far, all of them (not bounded like <see cref="Calls"/>).</summary>
    public int CallCount(string api) => (int)_callCounts.GetValueOrDefault(Normalize(api));

    /// <summary>The requests received so far with their body framing, oldest first (the newest <see cref="EmulatorLog{T}.Capacity"/>).</summary>
    public IReadOnlyList<EmulatorRequest> Requests => _requests.ToArray();

    /// <summary>The getwxacodeunlimit bodies received so far, oldest first (the newest <see cref="EmulatorLog{T}.Capacity"/>).</summary>
    public IReadOnlyList<EmulatorQrCodeRequest> QrCodeRequests => _qrCodes.ToArray();

    /// <summary>
    /// Treats <paramref name="page"/> as missing from the released mini-program: a code for it with
    /// check_path true is 41030, as WeChat answers before the page is published.
    /// </summary>
    public void UnpublishPage(string page) => _unpublishedPages[page] = 0;

    /// <summary>Invalidates every access token it issued, as if they had expired.</summary>
    public void ExpireTokens()
    {
        lock (_tokenLock)
        {
            _tokens.Clear();
            _currentToken = null;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        (_app, BaseAddress) = await LoopbackHost.StartAsync(
            options.Value.EmulatorPort,
            app =>
            {
                app.Use(RecordFramingAsync);
                MapRoutes(app);
            },
            cancellationToken);
        logger.LogWarning("WeChat emulator listening on {Address}; no real WeChat calls are made", BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/sns/jscode2session", JsCode2Session);
        routes.MapPost("/cgi-bin/stable_token", StableToken);
        routes.MapPost("/wxa/getwxacodeunlimit", GetUnlimitedQrCode);
        // Feature APIs live in WeChatEmulator.<Feature>.cs files; add one Map…Routes call per file here.
        MapSecurityRoutes(routes);
        MapSubscribeRoutes(routes);
        MapMediaRoutes(routes);
        MapPhoneRoutes(routes);
        MapControlRoutes(routes);
    }

    private IResult JsCode2Session(HttpRequest request)
    {
        const string api = "sns/jscode2session";
        if (TakeFault(api) is { } fault)
        {
            return fault;
        }

        string? Query(string key) => request.Query[key] is { Count: > 0 } values ? values[0] : null;
        if (Query("appid") != AppId)
        {
            return Error(api, 40013, "invalid appid");
        }

        if (Query("secret") != AppSecret)
        {
            return Error(api, 40125, "invalid appsecret");
        }

        if (Query("grant_type") != "authorization_code")
        {
            return Error(api, 40002, "invalid grant_type");
        }

        var code = Query("js_code");
        var name = code?.IndexOf('~', StringComparison.Ordinal) is int tilde and >= 0 ? code[..tilde] : code;
        if (code is null || name is null || !name.StartsWith("dev-", StringComparison.Ordinal) || name.Length <= 4)
        {
            return Error(api, 40029, "invalid code");
        }

        if (name.Length != code.Length && !_usedCodes.TryAdd(code, 0))
        {
            return Error(api, 40163, "code been used");
        }

        Record(api, 0);
        return Results.Json(new
        {
            openid = _openIds.GetOrAdd(name, static n => OpenIdFor(n[4..])),
            session_key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
        });
    }

    private async Task<IResult> StableToken(HttpRequest request)
    {
        const string api = "cgi-bin/stable_token";
        if (TakeFault(api) is { } fault)
        {
            return fault;
        }

        var body = await ReadJsonAsync(request);
        if (body is null)
        {
            return Error(api, 47001, "data format error");
        }

        var root = body.RootElement;
        if (Str(root, "grant_type") != "client_credential")
        {
            return Error(api, 40002, "invalid grant_type");
        }

        if (Str(root, "appid") != AppId)
        {
            return Error(api, 40013, "invalid appid");
        }

        if (Str(root, "secret") != AppSecret)
        {
            return Error(api, 40125, "invalid appsecret");
        }

        var force = root.TryGetProperty("force_refresh", out var f) && f.ValueKind == JsonValueKind.True;
        string token;
        DateTimeOffset expiresAt;
        lock (_tokenLock)
        {
            var now = time.GetUtcNow();
            if (force || _currentToken is null || _tokens.GetValueOrDefault(_currentToken) <= now)
            {
                _currentToken = "EMU_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
                _tokens[_currentToken] = now.AddSeconds(TokenLifetimeSeconds);
            }

            token = _currentToken;
            expiresAt = _tokens[token];
        }

        Record(api, 0);
        return Results.Json(new { access_token = token, expires_in = (int)(expiresAt - time.GetUtcNow()).TotalSeconds });
    }

    private async Task<IResult> GetUnlimitedQrCode(HttpRequest request)
    {
        const string api = "wxa/getwxacodeunlimit";
        if (CheckCall(api, request) is { } refused)
        {
            return refused;
        }

        var body = await ReadJsonAsync(request);
        if (body is null)
        {
            return Error(api, 40169, "data is not json string");
        }

        var root = body.RootElement;
        var scene = Str(root, "scene");
        var page = Str(root, "page");
        var checkPath = !root.TryGetProperty("check_path", out var check) || check.ValueKind != JsonValueKind.False;
        var envVersion = Str(root, "env_version") ?? "release";
        var width = root.TryGetProperty("width", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetInt32() : 430;
        _qrCodes.Add(new EmulatorQrCodeRequest(scene, page, checkPath, envVersion, width));
        if (envVersion is not ("release" or "trial" or "develop"))
        {
            return Error(api, 40097, "invalid env_version");
        }

        if (checkPath && page is not null && (!(page.StartsWith("pages/", StringComparison.Ordinal) || page.StartsWith("pkg-", StringComparison.Ordinal)) || _unpublishedPages.ContainsKey(page)))
        {
            // WeChat: with check_path the page must exist in the released version (main package pages/…, or a subpackage pkg-…).
            return Error(api, 41030, "invalid page rid");
        }

        if (string.IsNullOrEmpty(scene) || scene.Length > 32)
        {
            return Error(api, 40169, "invalid length for scene, or the data is not json string");
        }

        if (!scene.All(IsSceneChar))
        {
            return Error(api, 40129, "invalid scene");
        }

        Record(api, 0);
        return Results.File(EmulatorImages.QrPng(scene), "image/png");
    }

    private static bool IsSceneChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$&'()*+,/:;=?@-._~".Contains(c, StringComparison.Ordinal);

    /// <summary>Fault injection and access-token check shared by every token-authenticated API.</summary>
    private IResult? CheckCall(string api, HttpRequest request)
    {
        if (TakeFault(api) is { } fault)
        {
            return fault;
        }

        var token = request.Query["access_token"].FirstOrDefault();
        if (token is null || !_tokens.TryGetValue(token, out var expiresAt))
        {
            return Error(api, 40001, "invalid credential, access_token is invalid or not latest");
        }

        return expiresAt <= time.GetUtcNow() ? Error(api, 42001, "access_token expired") : null;
    }

    /// <summary>Notes how each request's body was framed (the app must send Content-Length, never chunked).</summary>
    private Task RecordFramingAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var chunked = false;
        foreach (var value in request.Headers.TransferEncoding)
        {
            chunked |= value?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;
        }

        _requests.Add(new EmulatorRequest(request.Method, request.Path, request.ContentLength, chunked, request.Headers.ContainsKey("traceparent")));
        return next(context);
    }

    private IResult? TakeFault(string api) =>
        _faults.TryGetValue(api, out var queue) && queue.TryDequeue(out var code)
            ? Error(api, code, code == -1 ? "system error" : "emulated failure")
            : null;

    private IResult Error(string api, int errCode, string errMsg)
    {
        Record(api, errCode);
        return Results.Json(new { errcode = errCode, errmsg = $"{errMsg} rid: emu-{Guid.NewGuid():N}" });
    }

    private void Record(string api, int errCode)
    {
        _calls.Add(new EmulatorCall(api, time.GetUtcNow(), errCode));
        _callCounts.AddOrUpdate(api, 1, static (_, count) => count + 1);
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Normalize(string api) => api.Trim('/');

    private void MapControlRoutes(IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup("/__emulator");
        control.MapPost("/faults", (FaultRequest fault) =>
        {
            FailNext(fault.Api, fault.ErrCode, fault.Times ?? 1);
            return Results.NoContent();
        });
        control.MapGet("/calls", (string? api) => Results.Json(Calls.Where(c => api is null || c.Api == Normalize(api))));
        control.MapPost("/tokens/expire", () =>
        {
            ExpireTokens();
            return Results.NoContent();
        });
    }

    private sealed record FaultRequest(string Api, int ErrCode, int? Times);
}

/// <summary>Starts the emulator with the host, before anything that calls WeChat.</summary>
internal sealed class WeChatEmulatorHost(WeChatEmulator emulator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => emulator.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await emulator.DisposeAsync();
}
