namespace SmartBranch.Domain.Calendar;

/// <summary>
/// A member's personal calendar subscription. Only a hash of the secret in the URL is kept, so a leaked
/// database does not leak the feeds; resetting replaces the hash and the old URL stops working.
/// </summary>
public sealed class CalendarFeed
{
    public const int HashLength = 64;

    private CalendarFeed()
    {
        SecretHash = string.Empty;
    }

    public CalendarFeed(int memberId, string secretHash, DateTimeOffset now)
    {
        MemberId = memberId;
        SecretHash = secretHash;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    /// <summary>SHA-256 of the secret, lower-case hex.</summary>
    public string SecretHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Reset(string secretHash, DateTimeOffset now)
    {
        SecretHash = secretHash;
        CreatedAt = now;
    }
}
