using System.Security.Cryptography;
using System.Text;

namespace SmartBranch.Infrastructure.WeChat;

/// <summary>Message push (消息推送, Infrastructure/WeChat/README.md §9), plaintext mode: the signature on every URL WeChat calls us at.</summary>
public static class WeChatMessagePush
{
    /// <summary>The event that carries a mediaCheckAsync verdict.</summary>
    public const string MediaCheckEvent = "wxa_media_check";

    /// <summary>lowercase hex SHA1 of token, timestamp and nonce sorted ordinally and concatenated.</summary>
    public static string Signature(string token, string timestamp, string nonce)
    {
        string[] parts = [token, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>True when <paramref name="signature"/> is what WeChat would send for these values (constant time).</summary>
    public static bool IsValid(string? token, string? signature, string? timestamp, string? nonce)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(token, timestamp, nonce));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
