using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Features.WeChatPush;

/// <summary>
/// POST of the message-push endpoint configured in the mini-program console (Infrastructure/WeChat/README.md §9, JSON format):
/// receives events, today the <c>wxa_media_check</c> verdicts on uploaded images. The signature over the
/// configured token is checked first; a bad signature is 401 and changes nothing. With <c>WeChat:PushEncodingAesKey</c> configured, POSTs are expected in safe mode (安全模式): the body is
/// <c>{"ToUserName","Encrypt"}</c>, verified by <c>msg_signature</c> (401) and decrypted for our appid (400 otherwise).
/// </summary>
public static class ReceiveWeChatPush
{
    public static async Task<IResult> Handle(
        string? signature,
        string? timestamp,
        string? nonce,
        [FromQuery(Name = "encrypt_type")] string? encryptType,
        [FromQuery(Name = "msg_signature")] string? msgSignature,
        HttpRequest request,
        AppDbContext db,
        IOptions<WeChatOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!WeChatMessagePush.IsValid(settings.PushToken, signature, timestamp, nonce))
        {
            return VerifyWeChatPush.SignatureRefused();
        }

        MediaEvent? pushed;
        try
        {
            if (settings.PushSafeMode)
            {
                // Safe mode only: a plaintext event carries no msg_signature and is not trusted.
                if (!string.Equals(encryptType, "aes", StringComparison.OrdinalIgnoreCase))
                {
                    return VerifyWeChatPush.SignatureRefused();
                }

                var envelope = await JsonSerializer.DeserializeAsync<EncryptedEnvelope>(request.Body, JsonSerializerOptions.Web, cancellationToken);
                if (string.IsNullOrEmpty(envelope?.Encrypt))
                {
                    return Problems.BadRequest("消息格式错误", "安全模式的推送缺少 Encrypt 字段。");
                }

                if (!WeChatMessageCrypto.IsValidSignature(settings.PushToken, msgSignature, timestamp, nonce, envelope.Encrypt))
                {
                    return VerifyWeChatPush.SignatureRefused();
                }

                var decrypted = WeChatMessageCrypto.Decrypt(settings.PushEncodingAesKey!, settings.AppId ?? string.Empty, envelope.Encrypt);
                switch (decrypted.Status)
                {
                    case WeChatDecryptStatus.WrongAppId:
                        loggers.CreateLogger(typeof(ReceiveWeChatPush)).LogWarning("Safe-mode push for another appid {AppId}", decrypted.AppId);
                        return Problems.BadRequest("消息解密失败", "推送消息不是发给本小程序的。");
                    case WeChatDecryptStatus.Malformed:
                        return Problems.BadRequest("消息解密失败", "推送消息无法解密，请检查消息推送配置中的 EncodingAESKey。");
                }

                pushed = JsonSerializer.Deserialize<MediaEvent>(decrypted.Message!, JsonSerializerOptions.Web);
            }
            else
            {
                pushed = await JsonSerializer.DeserializeAsync<MediaEvent>(request.Body, JsonSerializerOptions.Web, cancellationToken);
            }
        }
        catch (JsonException)
        {
            return Problems.BadRequest("消息格式错误", "推送内容不是有效的 JSON。");
        }

        if (pushed?.Event != WeChatMessagePush.MediaCheckEvent)
        {
            // Other events are not ours to handle; WeChat only needs to hear that we got them.
            return Results.Text("success", "text/plain");
        }

        var traceId = pushed.TraceId;
        var item = traceId is null ? null : await db.Media.FirstOrDefaultAsync(m => m.CheckTraceId == traceId, cancellationToken);
        var studyMedia = item is null && traceId is not null ? await db.StudyMedia.FirstOrDefaultAsync(m => m.CheckTraceId == traceId, cancellationToken) : null;
        if (studyMedia is not null)
        {
            // Study audio (Api/Features/Study): only "pass" makes it usable.
            studyMedia.RecordVerdict(pushed.Result?.Suggest ?? "review");
            await db.SaveChangesAsync(cancellationToken);
            return Results.Text("success", "text/plain");
        }

        if (item is null)
        {
            // Possibly pushed before the upload stored its trace_id: a non-success answer makes WeChat retry.
            loggers.CreateLogger(typeof(ReceiveWeChatPush)).LogWarning("wxa_media_check for unknown trace_id {TraceId}", traceId);
            return Problems.NotFound("未找到对应的图片检测记录。");
        }

        var suggest = pushed.Result?.Suggest ?? "review";
        item.RecordVerdict(suggest, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Results.Text("success", "text/plain");
    }

    /// <summary>The body of a safe-mode push.</summary>
    public sealed class EncryptedEnvelope
    {
        public string? ToUserName { get; set; }

        public string? Encrypt { get; set; }
    }

    /// <summary>The fields of a pushed event this endpoint reads.</summary>
    public sealed class MediaEvent
    {
        public string? Event { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("trace_id")]
        public string? TraceId { get; set; }

        public MediaResult? Result { get; set; }
    }

    public sealed class MediaResult
    {
        public string? Suggest { get; set; }
    }
}
