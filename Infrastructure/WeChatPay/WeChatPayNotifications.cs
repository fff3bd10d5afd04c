using System.Globalization;
using System.Text.Json;

namespace SmartBranch.Infrastructure.WeChatPay;

/// <summary>The Wechatpay-* headers of a notification or response.</summary>
public sealed record WeChatPaySignatureHeaders(string? Timestamp, string? Nonce, string? Signature, string? Serial)
{
    public const string TimestampHeader = "Wechatpay-Timestamp";
    public const string NonceHeader = "Wechatpay-Nonce";
    public const string SignatureHeader = "Wechatpay-Signature";
    public const string SerialHeader = "Wechatpay-Serial";
}

/// <summary>A notification that passed every check, with its decrypted resource (JSON).</summary>
public sealed record VerifiedNotification(string Id, string EventType, string ResourceType, JsonElement Resource);

/// <summary>The outcome of checking a notification: the verified notification, or why it was refused (English, for the log).</summary>
public sealed record NotificationCheck(VerifiedNotification? Notification, string? Refusal);

/// <summary>
/// Checks WeChat Pay notifications before anything reads them: the serial names our platform key, the
/// timestamp is within the tolerance of now (replays are refused), the signature verifies over
/// timestamp\nnonce\nraw body\n, and only then is the body parsed and its resource decrypted with the APIv3 key.
/// </summary>
public sealed class WeChatPayNotifications(IOptions<WeChatPayOptions> options, WeChatPayKeys keys, TimeProvider time)
{
    public NotificationCheck Check(WeChatPaySignatureHeaders headers, string rawBody)
    {
        if (headers.Refusal(options.Value, keys, time, rawBody) is { } refusal)
        {
            return new NotificationCheck(null, refusal);
        }

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(rawBody).RootElement;
        }
        catch (JsonException)
        {
            return new NotificationCheck(null, "the body is not JSON");
        }

        if (!root.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object
            || Str(resource, "algorithm") != "AEAD_AES_256_GCM"
            || Str(resource, "ciphertext") is not { } ciphertext || Str(resource, "nonce") is not { } nonce)
        {
            return new NotificationCheck(null, "the resource is missing or not AEAD_AES_256_GCM");
        }

        var plain = WeChatPayCrypto.Decrypt(options.Value.ApiV3Key!, nonce, Str(resource, "associated_data") ?? string.Empty, ciphertext);
        if (plain is null)
        {
            return new NotificationCheck(null, "the resource does not decrypt with the APIv3 key");
        }

        try
        {
            var decrypted = JsonDocument.Parse(plain).RootElement.Clone();
            return new NotificationCheck(
                new VerifiedNotification(Str(root, "id") ?? string.Empty, Str(root, "event_type") ?? string.Empty, Str(resource, "original_type") ?? string.Empty, decrypted),
                null);
        }
        catch (JsonException)
        {
            return new NotificationCheck(null, "the decrypted resource is not JSON");
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal static class SignatureChecks
{
    /// <summary>Why a signed message (notification or response) is refused, or null when it verifies.</summary>
    public static string? Refusal(this WeChatPaySignatureHeaders headers, WeChatPayOptions options, WeChatPayKeys keys, TimeProvider time, string rawBody)
    {
        if (headers.Timestamp is null || headers.Nonce is null || headers.Signature is null || headers.Serial is null)
        {
            return "Wechatpay-Timestamp, -Nonce, -Signature or -Serial is missing";
        }

        if (headers.Serial != options.PlatformPublicKeyId)
        {
            return $"Wechatpay-Serial {headers.Serial} is not the configured platform key";
        }

        if (!long.TryParse(headers.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "Wechatpay-Timestamp is not a number";
        }

        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > options.NotificationTolerance)
        {
            return $"Wechatpay-Timestamp is {skew.TotalSeconds:F0} s from now (replay?)";
        }

        return WeChatPayCrypto.Verify(keys.Platform, WeChatPayCrypto.ResponseMessage(headers.Timestamp, headers.Nonce, rawBody), headers.Signature)
            ? null
            : "Wechatpay-Signature does not verify with the platform key";
    }
}
