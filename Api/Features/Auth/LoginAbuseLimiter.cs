using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;

namespace SmartBranch.Api.Features.Auth;

/// <summary>
/// Login limits keyed to what identifies an abuser rather than to the address a whole campus shares: one
/// wx.login code (single-use at WeChat, so only a double tap repeats it), one WeChat account (openid), and an
/// address that keeps sending codes WeChat refuses. The per-address ceiling (RateLimiting:LoginPermitsPerMinute)
/// stays high. Counted in this process, like the ASP.NET rate limiter.
/// </summary>
public sealed class LoginAbuseLimiter : IDisposable
{
    private static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _perCode;
    private readonly PartitionedRateLimiter<string> _perOpenId;

    // Refused codes per address: an entry only for an address that had one, counted for a minute from its first.
    // (A partitioned limiter creates a partition for every address whose statistics are read, i.e. for every
    // login from every address, and walks all of them ten times a second.)
    private readonly MemoryCache _failuresPerAddress = new(new MemoryCacheOptions());
    private readonly Lock _failureEntries = new();
    private readonly int _failuresPerMinute;

    public LoginAbuseLimiter(IOptions<RateLimitingOptions> options)
    {
        var o = options.Value;
        _perCode = Windowed(o.LoginAttemptsPerCode, TimeSpan.FromMinutes(5));
        _perOpenId = Windowed(o.LoginsPerAccountPerMinute, TimeSpan.FromMinutes(1));
        _failuresPerMinute = o.LoginFailuresPerAddressPerMinute;
    }

    /// <summary>False when this code was already tried too often, or this address has failed too often: answer 429.</summary>
    public bool MayTry(string code, string address)
    {
        if (_failuresPerAddress.TryGetValue(address, out FailureCount? failures) && failures!.Count >= _failuresPerMinute)
        {
            return false;
        }

        using var lease = _perCode.AttemptAcquire(Hash(code));
        return lease.IsAcquired;
    }

    /// <summary>Counts a code WeChat refused (invalid, used, expired) against the address.</summary>
    public void RecordFailure(string address)
    {
        FailureCount failures;
        lock (_failureEntries)
        {
            // Under the lock so two first failures of one address cannot each start an entry and lose a count.
            failures = _failuresPerAddress.GetOrCreate(address, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = FailureWindow;
                return new FailureCount();
            })!;
        }

        failures.Add();
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

    private sealed class FailureCount
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private static PartitionedRateLimiter<string> Windowed(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create(RateLimits.FixedWindowPartitions(permits, window));

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
