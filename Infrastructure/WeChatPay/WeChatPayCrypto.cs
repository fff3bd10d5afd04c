using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartBranch.Infrastructure.WeChatPay;

/// <summary>
/// The signatures and encryption of WeChat Pay API v3, with System.Security.Cryptography only:
/// SHA256withRSA (PKCS#1 v1.5) for requests, paySign, responses and notifications; AEAD_AES_256_GCM
/// for notification resources.
/// </summary>
public static class WeChatPayCrypto
{
    public const string SchemaName = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>Base64 SHA256withRSA signature of <paramref name="message"/>.</summary>
    public static string Sign(RSA key, string message) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA key, string message, string signature)
    {
        var bytes = new byte[(signature.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && key.VerifyData(Encoding.UTF8.GetBytes(message), bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The message a request is signed over: method, path with query, timestamp, nonce, body, each line ending in \n.</summary>
    public static string RequestMessage(string method, string pathAndQuery, string timestamp, string nonce, string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body}\n";

    /// <summary>The Authorization header value of a request signed with the merchant key.</summary>
    public static string Authorization(string mchId, string serialNo, RSA merchantKey, string method, string pathAndQuery, string body, long timestamp, string nonce)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = Sign(merchantKey, RequestMessage(method, pathAndQuery, ts, nonce, body));
        return $"{SchemaName} mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{ts}\",serial_no=\"{serialNo}\"";
    }

    /// <summary>Reads the fields of an Authorization header (for the emulator); null when it is not a WeChat Pay v3 header.</summary>
    public static IReadOnlyDictionary<string, string>? ParseAuthorization(string? header)
    {
        if (header is null || !header.StartsWith(SchemaName + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(SchemaName.Length + 1)..].Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            fields[part[..eq].Trim()] = part[(eq + 1)..].Trim().Trim('"');
        }

        return fields;
    }

    /// <summary>The message responses and notifications are signed over: timestamp, nonce, raw body, each line ending in \n.</summary>
    public static string ResponseMessage(string timestamp, string nonce, string body) => $"{timestamp}\n{nonce}\n{body}\n";

    /// <summary>A nonce of 32 random letters and digits.</summary>
    public static string Nonce() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);

    /// <summary>
    /// The parameters of <c>wx.requestPayment</c>: paySign = SHA256withRSA over appId\ntimeStamp\nnonceStr\npackage\n
    /// with the merchant key.
    /// </summary>
    public static RequestPaymentParameters RequestPayment(string appId, string prepayId, RSA merchantKey, long timestamp, string nonce)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var package = "prepay_id=" + prepayId;
        var paySign = Sign(merchantKey, $"{appId}\n{ts}\n{nonce}\n{package}\n");
        return new RequestPaymentParameters(appId, ts, nonce, package, "RSA", paySign);
    }

    /// <summary>Decrypts a notification resource (AEAD_AES_256_GCM; the 16-byte tag ends the ciphertext); null when it does not authenticate.</summary>
    public static string? Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertext)
    {
        byte[] data;
        try
        {
            data = Convert.FromBase64String(ciphertext);
        }
        catch (FormatException)
        {
            return null;
        }

        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (data.Length < AesGcm.TagByteSizes.MaxSize || nonceBytes.Length != AesGcm.NonceByteSizes.MaxSize)
        {
            return null;
        }

        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[data.Length - tagSize];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), tagSize);
        try
        {
            aes.Decrypt(nonceBytes, data.AsSpan(0, plain.Length), data.AsSpan(plain.Length), plain, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Encrypts a resource the way WeChat Pay does (used by the emulator): base64(ciphertext ‖ tag).</summary>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var output = new byte[plain.Length + tagSize];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), tagSize);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    /// <summary>True when <paramref name="key"/> is an APIv3 key: 32 bytes of UTF-8.</summary>
    public static bool IsValidApiV3Key(string? key) => key is not null && Encoding.UTF8.GetByteCount(key) == 32;

    /// <summary>An RSA key from PEM, or null when it is not one.</summary>
    public static RSA? ImportPem(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            return null;
        }
    }
}

/// <summary>The object the mini-program passes to <c>wx.requestPayment</c> (its property names are WeChat's).</summary>
public sealed record RequestPaymentParameters(string AppId, string TimeStamp, string NonceStr, string Package, string SignType, string PaySign);
