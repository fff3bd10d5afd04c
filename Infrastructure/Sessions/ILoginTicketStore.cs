namespace SmartBranch.Infrastructure.Sessions;

/// <summary>Where a scan-to-login ticket stands: waiting for a scan, confirmed by a member, or refused.</summary>
public enum LoginTicketState
{
    Pending,
    Confirmed,
    Refused,
}

/// <summary>
/// A one-time ticket a PC browser shows as a mini-program code. <paramref name="Id"/> is the code's scene (public: it is
/// on the screen); <paramref name="BrowserHash"/> is the SHA-256 of a secret only the showing browser holds, so nobody
/// else can collect the session. <paramref name="OpenId"/> is the confirming WeChat account.
/// </summary>
public sealed record LoginTicket(
    string Id,
    string BrowserHash,
    string Browser,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    LoginTicketState State,
    string? OpenId);

/// <summary>Short-lived login tickets (Redis <c>sb:console-login:{id}</c>, or in process without Redis). Every change is atomic.</summary>
public interface ILoginTicketStore
{
    /// <summary>Keeps the ticket until its <see cref="LoginTicket.ExpiresAt"/>.</summary>
    Task CreateAsync(LoginTicket ticket, CancellationToken cancellationToken);

    /// <summary>The ticket, or null when unknown, expired or already used.</summary>
    Task<LoginTicket?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Moves a pending ticket to <paramref name="decision"/> by <paramref name="openId"/>; false when it is not pending (or gone).</summary>
    Task<bool> DecideAsync(string id, LoginTicketState decision, string openId, CancellationToken cancellationToken);

    /// <summary>Removes and returns a confirmed ticket, so it opens one session only; null when it is not confirmed (or gone).</summary>
    Task<LoginTicket?> TakeConfirmedAsync(string id, CancellationToken cancellationToken);
}
