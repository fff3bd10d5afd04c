using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Infrastructure.Emulation;

namespace SmartBranch.Infrastructure.WeChat.Emulator;

/// <summary>
/// mediaCheckAsync v2 (Infrastructure/WeChat/README.md §7b): answers a trace_id at once, then delivers the verdict the way
/// WeChat does, as a signed <c>wxa_media_check</c> event POSTed to the app's message-push URL (§9,
/// JSON; plaintext mode, or safe mode when the app has a PushEncodingAesKey). Every image passes unless a test queued another verdict.
/// </summary>
public sealed partial class WeChatEmulator
{
    /// <summary>Message-push token the emulator signs with when none is configured.</summary>
    public const string DefaultPushToken = "emulator-push-token";

    /// <summary>Path of the app's message-push endpoint, relative to the app's address.</summary>
    public const string DefaultPushPath = "api/wechat/push";

    private const string MediaCheckApi = "wxa/media_check_async";

    private readonly ConcurrentQueue<string> _mediaVerdicts = new();
    private readonly ConcurrentBag<Task> _pushes = [];
    private HttpClient? _pushClient;

    /// <summary>The next media check answers <paramref name="suggest"/> (pass, review or risky) instead of pass.</summary>
    public void QueueMediaVerdict(string suggest) => _mediaVerdicts.Enqueue(suggest);

    /// <summary>
    /// Sends pushed events through <paramref name="client"/> (its base address is the app). Without one the
    /// emulator pushes to the app's own listening address, which an in-memory test server does not have.
    /// </summary>
    public void DeliverPushesTo(HttpClient client) => _pushClient = client;

    /// <summary>Completes when every event pushed so far has been answered by the app.</summary>
    public Task PushesDelivered => Task.WhenAll(_pushes.ToArray());

    private string PushToken => string.IsNullOrWhiteSpace(options.Value.PushToken) ? DefaultPushToken : options.Value.PushToken;

    private void MapMediaRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/wxa/media_check_async", MediaCheckAsync);
        routes.MapPost("/__emulator/media/verdicts", (MediaVerdictRequest request) =>
        {
            QueueMediaVerdict(request.Suggest);
            return Results.NoContent();
        });
    }

    private async Task<IResult> MediaCheckAsync(HttpRequest request)
    {
        var (root, refused) = await SecurityCallAsync(MediaCheckApi, request);
        if (refused is not null)
        {
            return refused;
        }

        if (!root.TryGetProperty("media_type", out var mediaType) || mediaType.ValueKind != JsonValueKind.Number || mediaType.GetInt32() is not (1 or 2))
        {
            return Error(MediaCheckApi, 40097, "invalid media_type");
        }

        if (EmulatedOpenId(root) is not { } openId)
        {
            return Error(MediaCheckApi, 40003, "invalid openid");
        }

        if (string.IsNullOrEmpty(Str(root, "media_url")))
        {
            return Error(MediaCheckApi, 44002, "empty post data");
        }

        var traceId = $"emu-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
        var suggest = _mediaVerdicts.TryDequeue(out var queued) ? queued : "pass";
        Record(MediaCheckApi, 0);

        // WeChat answers first and pushes later; so does the emulator (after the app has stored the trace_id).
        _pushes.Add(Task.Run(() => PushMediaVerdictAsync(openId, traceId, suggest)));
        return Results.Json(new { errcode = 0, errmsg = "ok", trace_id = traceId });
    }

    private async Task PushMediaVerdictAsync(string openId, string traceId, string suggest)
    {
        var client = _pushClient ??= LoopbackHost.AppClient(services);
        if (client is null)
        {
            logger.LogWarning("WeChat emulator: no app address to push the media check result {TraceId} to", traceId);
            return;
        }

        // Give the app time to store the trace_id it just received (WeChat itself takes seconds to minutes).
        // Real time on purpose: a test's fake clock must not hold the push back.
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = WeChatMessagePush.Signature(PushToken, timestamp, nonce);
        var label = suggest == "pass" ? 100 : 20002;
        var payload = new
        {
            ToUserName = "gh_emulator",
            FromUserName = openId,
            CreateTime = long.Parse(timestamp, CultureInfo.InvariantCulture),
            MsgType = "event",
            Event = WeChatMessagePush.MediaCheckEvent,
            appid = AppId,
            trace_id = traceId,
            version = 2,
            detail = new[] { new { strategy = "content_model", errcode = 0, suggest, label, prob = suggest == "pass" ? 0 : 90 } },
            errcode = 0,
            errmsg = "ok",
            result = new { suggest, label },
        };

        var path = $"{DefaultPushPath}?signature={signature}&timestamp={timestamp}&nonce={nonce}";
        object body = payload;
        if (options.Value.PushSafeMode)
        {
            // Safe mode (§9): the event travels encrypted for our appid, authenticated by msg_signature.
            var encrypt = WeChatMessageCrypto.Encrypt(options.Value.PushEncodingAesKey!, AppId, JsonSerializer.Serialize(payload));
            var msgSignature = WeChatMessageCrypto.MsgSignature(PushToken, timestamp, nonce, encrypt);
            path += $"&encrypt_type=aes&msg_signature={msgSignature}";
            body = new { ToUserName = "gh_emulator", Encrypt = encrypt };
        }

        for (var attempt = 0; attempt < 6; attempt++)
        {
            try
            {
                using var response = await client.PostAsJsonAsync(path, body);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                logger.LogWarning("WeChat emulator: the app answered {Status} to the media check push", (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "WeChat emulator: media check push failed");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), TimeProvider.System);
        }
    }

    private sealed record MediaVerdictRequest(string Suggest);
}
