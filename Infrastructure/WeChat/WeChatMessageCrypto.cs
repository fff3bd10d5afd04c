using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartBranch.Infrastructure.WeChat;

/// <summary>How decrypting a safe-mode message ended.</summary>
public enum WeChatDecryptStatus
{
    Ok,

    /// <summary>Not base64, not whole AES blocks, bad PKCS#7 padding or a length prefix that does not fit.</summary>
    Malformed,

    /// <summary>Decrypted, but the trailing appid is not ours.</summary>
    WrongAppId,
}

/// <summary>The outcome of <see cref="WeChatMessageCrypto.Decrypt"/>; <see cref="Message"/> is set only when <see cref="Status"/> is Ok.</summary>
public sealed record WeChatDecrypted(WeChatDecryptStatus Status, string? Message, string? AppId);

/// <summary>
/// Message push safe mode (安全模式, Infrastructure/WeChat/README.md §9, §11): the msg_signature over the Encrypt value and the
/// AES-256-CBC envelope "16 random bytes ‖ 4-byte big-endian length ‖ message ‖ appid" with 32-byte PKCS#7.
/// </summary>
public static partial class WeChatMessageCrypto
{
    private const int RandomLength = 16;
    private const int LengthPrefix = 4;

    // WeChat pads to a multiple of 32 bytes, so the pad byte may exceed the AES block size (§11.2).
    private const int PadBlock = 32;

    /// <summary>True when <paramref name="encodingAesKey"/> has the EncodingAESKey shape: 43 base64 characters decoding (with "=") to 32 bytes.</summary>
    public static bool IsValidKey(string? encodingAesKey) => TryDecodeKey(encodingAesKey, out _);

    /// <summary>lowercase hex SHA1 of token, timestamp, nonce and the Encrypt value sorted ordinally and concatenated.</summary>
    public static string MsgSignature(string token, string timestamp, string nonce, string encrypt)
    {
        string[] parts = [token, timestamp, nonce, encrypt];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>True when <paramref name="msgSignature"/> is what WeChat would send for this Encrypt value (constant time).</summary>
    public static bool IsValidSignature(string? token, string? msgSignature, string? timestamp, string? nonce, string? encrypt)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(msgSignature) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(encrypt))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(MsgSignature(token, timestamp, nonce, encrypt));
        var given = Encoding.ASCII.GetBytes(msgSignature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Encrypts <paramref name="message"/> for <paramref name="appId"/> the way WeChat does; returns the base64 Encrypt value.</summary>
    public static string Encrypt(string encodingAesKey, string appId, string message)
    {
        if (!TryDecodeKey(encodingAesKey, out var key))
        {
            throw new ArgumentException("Not a 43-character EncodingAESKey.", nameof(encodingAesKey));
        }

        var body = Encoding.UTF8.GetBytes(message);
        var app = Encoding.UTF8.GetBytes(appId);
        var length = RandomLength + LengthPrefix + body.Length + app.Length;
        var pad = PadBlock - (length % PadBlock);
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, RandomLength));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength, LengthPrefix), body.Length);
        body.CopyTo(plain, RandomLength + LengthPrefix);
        app.CopyTo(plain, RandomLength + LengthPrefix + body.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Decrypts a safe-mode Encrypt value and checks that it was meant for <paramref name="appId"/>.</summary>
    public static WeChatDecrypted Decrypt(string encodingAesKey, string appId, string encrypt)
    {
        if (!TryDecodeKey(encodingAesKey, out var key))
        {
            throw new ArgumentException("Not a 43-character EncodingAESKey.", nameof(encodingAesKey));
        }

        var malformed = new WeChatDecrypted(WeChatDecryptStatus.Malformed, null, null);
        var cipher = new byte[encrypt.Length];
        if (!Convert.TryFromBase64String(encrypt, cipher, out var cipherLength) || cipherLength == 0 || cipherLength % 16 != 0)
        {
            return malformed;
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(cipher.AsSpan(0, cipherLength), key.AsSpan(0, 16), PaddingMode.None);

        // .NET's PKCS7 mode rejects pad bytes above 16, so the 1–32 byte padding is checked by hand.
        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
        {
            return malformed;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + LengthPrefix)
        {
            return malformed;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(content.Slice(RandomLength, LengthPrefix));
        if (length < 0 || length > content.Length - RandomLength - LengthPrefix)
        {
            return malformed;
        }

        string message, sender;
        try
        {
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            message = strict.GetString(content.Slice(RandomLength + LengthPrefix, length));
            sender = strict.GetString(content[(RandomLength + LengthPrefix + length)..]);
        }
        catch (DecoderFallbackException)
        {
            return malformed;
        }

        return string.Equals(sender, appId, StringComparison.Ordinal)
            ? new WeChatDecrypted(WeChatDecryptStatus.Ok, message, sender)
            : new WeChatDecrypted(WeChatDecryptStatus.WrongAppId, null, sender);
    }

    private static bool TryDecodeKey(string? encodingAesKey, out byte[] key)
    {
        key = [];
        if (encodingAesKey is null || !KeyShape().IsMatch(encodingAesKey))
        {
            return false;
        }

        var bytes = new byte[33];
        if (!Convert.TryFromBase64String(encodingAesKey + "=", bytes, out var written) || written != 32)
        {
            return false;
        }

        key = bytes[..32];
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9+/]{43}$")]
    private static partial Regex KeyShape();
}
