using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartBranch.Api.Common.CheckIn;

/// <summary>
/// A check-in code as the organiser shows it: <see cref="Scene"/> goes into the mini-program code image
/// (≤ 32 characters, WeChat's scene alphabet), <see cref="NumericCode"/> is typed by those who cannot scan.
/// Both are valid for the current window and the one before it, so a code shown just before it rotates still works.
/// </summary>
public sealed record CheckInCode(string Token, string NumericCode, string Scene, DateTimeOffset ExpiresAt);

/// <summary>
/// Rotating check-in codes for activities and meetings, derived by HMAC from a per-subject secret and the
/// time window: stateless, identical on every API instance, and useless for any other subject.
/// </summary>
public static class CheckInCodes
{
    /// <summary>How long one code is shown before it rotates.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    /// <summary>A fresh random secret for a new activity or meeting.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The code for the current window. The prefix is the scene letter: "a" for activities, "m" for meetings.</summary>
    public static CheckInCode Issue(string prefix, int subjectId, string secret, DateTimeOffset now)
    {
        var window = WindowOf(now);
        var (token, numeric) = Derive(prefix, subjectId, secret, window);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((window + 1) * (long)Window.TotalSeconds);
        return new CheckInCode(token, numeric, $"{prefix}={subjectId.ToString(CultureInfo.InvariantCulture)}&t={token}", expiresAt);
    }

    /// <summary>True when <paramref name="code"/> (token, numeric code or whole scene) is valid now for this subject.</summary>
    public static bool Verify(string prefix, int subjectId, string secret, string code, DateTimeOffset now)
    {
        var candidate = code.Trim();
        var marker = candidate.IndexOf("t=", StringComparison.Ordinal);
        if (candidate.Contains('=', StringComparison.Ordinal))
        {
            // A whole scene: it must name this subject.
            if (!candidate.StartsWith($"{prefix}={subjectId.ToString(CultureInfo.InvariantCulture)}&", StringComparison.Ordinal) || marker < 0)
            {
                return false;
            }

            candidate = candidate[(marker + 2)..];
        }

        var window = WindowOf(now);
        for (var w = window; w >= window - 1; w--)
        {
            var (token, numeric) = Derive(prefix, subjectId, secret, w);
            if (FixedEquals(candidate, token) || FixedEquals(candidate, numeric))
            {
                return true;
            }
        }

        return false;
    }

    private static long WindowOf(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)Window.TotalSeconds;

    private static (string Token, string Numeric) Derive(string prefix, int subjectId, string secret, long window)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{prefix}:{subjectId}:{window}"));
        var token = Convert.ToHexStringLower(mac, 0, 6);
        var numeric = (BitConverter.ToUInt32(mac, 8) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return (token, numeric);
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
