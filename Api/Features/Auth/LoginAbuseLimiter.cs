using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace SmartBranch.Api.Features.Auth;

/// <summary>
/// Login limits keyed to what identifies an abuser rather than to the address a whole campus shares: one
/// wx.login code (single-use at WeChat, so only a double tap repeats it), one WeChat account (openid), and an
/// address that keeps sending codes WeChat refuses. The per-address ceiling (RateLimiting:LoginPermitsPerMinute)
/// stays high. Counted in this process, like the ASP.NET rate limiter.
/// </summary>
public sealed class LoginAbuseLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perCode;
    private readonly PartitionedRateLimiter<string> _perOpenId;
    private readonly PartitionedRateLimiter<string> _failuresPerAddress;

    public LoginAbuseLimiter(IOptions<RateLimitingOptions> options)
    {
        var o = options.Value;
        _perCode = Windowed(o.LoginAttemptsPerCode, TimeSpan.FromMinutes(5));
        _perOpenId = Windowed(o.LoginsPerAccountPerMinute, TimeSpan.FromMinutes(1));
        _failuresPerAddress = Windowed(o.LoginFailuresPerAddressPerMinute, TimeSpan.FromMinutes(1));
    }

    /// <summary>False when this code was already tried too often, or this address has failed too often: answer 429.</summary>
    public bool MayTry(string code, string address)
    {
        if (_failuresPerAddress.GetStatistics(address) is { CurrentAvailablePermits: <= 0 })
        {
            return false;
        }

        using var lease = _perCode.AttemptAcquire(Hash(code));
        return lease.IsAcquired;
    }

    /// <summary>Counts a code WeChat refused (invalid, used, expired) against the address.</summary>
    public void RecordFailure(string address)
    {
        using var lease = _failuresPerAddress.AttemptAcquire(address);
    }

    /// <summary>False when this WeChat account has signed in too often this minute.</summary>
    public bool MaySignIn(string openId)
    {
        using var lease = _perOpenId.AttemptAcquire(openId);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _perCode.Dispose();
        _perOpenId.Dispose();
        _failuresPerAddress.Dispose();
    }

    private static PartitionedRateLimiter<string> Windowed(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));

    // Codes are credentials for five minutes; keep only their hash as a key.
    // The validator caps a code at 128 characters (at most 512 UTF-8 bytes), so the bytes fit on the stack.
    private static string Hash(string code)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> utf8 = stackalloc byte[512];
        if (Encoding.UTF8.TryGetBytes(code, utf8, out var written))
        {
            SHA256.HashData(utf8[..written], hash);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(code), hash);
        }

        return Convert.ToHexStringLower(hash);
    }
}
