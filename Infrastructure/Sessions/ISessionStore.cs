using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SmartBranch.Infrastructure.Sessions;

/// <summary>What a session remembers: who signed in (the WeChat openid) and when.</summary>
public sealed record SessionData(string OpenId, DateTimeOffset CreatedAt);

/// <summary>A session handed to a client. The token is shown once; the store keeps only its hash.</summary>
public sealed record IssuedSession(string Token, DateTimeOffset ExpiresAt);

/// <summary>A session found by its token, with the lifetime it now has after sliding.</summary>
public sealed record SessionLookup(SessionData Data, string TokenHash, DateTimeOffset ExpiresAt);

/// <summary>Server-side sessions with a sliding lifetime.</summary>
public interface ISessionStore
{
    Task<IssuedSession> CreateAsync(SessionData data, CancellationToken cancellationToken);

    /// <summary>Finds the session and slides its lifetime; null when unknown or expired.</summary>
    Task<SessionLookup?> GetAsync(string token, CancellationToken cancellationToken);

    Task RevokeAsync(string token, CancellationToken cancellationToken);

    /// <summary>Ends every session of a WeChat account at once (unbinding, lost phone).</summary>
    Task RevokeAllAsync(string openId, CancellationToken cancellationToken);
}

internal static class SessionTokens
{
    /// <summary>An opaque token of 256 random bits, base64url without padding (43 characters).</summary>
    public static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The lower-case hex SHA-256 of the token's UTF-8 bytes: what the store keeps instead of the token.</summary>
    public static string Hash(string token)
    {
        // Tokens are 43 characters; anything longer (a forged header) takes the allocating path.
        Span<byte> utf8 = stackalloc byte[128];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (Encoding.UTF8.TryGetBytes(token, utf8, out var written))
        {
            SHA256.HashData(utf8[..written], hash);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        }

        return Convert.ToHexStringLower(hash);
    }
}
