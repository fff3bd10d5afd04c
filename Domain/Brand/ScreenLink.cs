namespace SmartBranch.Domain.Brand;

/// <summary>
/// A revocable display link for the big screen (互动大屏) of one unit. Whoever holds the token sees the
/// unit's public content only.
/// </summary>
public sealed class ScreenLink
{
    public const int TokenMaxLength = 64;
    public const int LabelMaxLength = 40;

    private ScreenLink()
    {
        Token = string.Empty;
    }

    public ScreenLink(int unitId, string token, string? label, int createdByMemberId, DateTimeOffset now)
    {
        UnitId = unitId;
        Token = token;
        Label = label;
        CreatedByMemberId = createdByMemberId;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public string Token { get; private set; }

    public string? Label { get; private set; }

    public int CreatedByMemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
