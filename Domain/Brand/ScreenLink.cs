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

    public ScreenLink(int unitId, string token, string? label, int createdByMemberId, DateTimeOffset now, bool initialsOnly = false)
    {
        UnitId = unitId;
        Token = token;
        Label = label;
        InitialsOnly = initialsOnly;
        CreatedByMemberId = createdByMemberId;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public string Token { get; private set; }

    public string? Label { get; private set; }

    /// <summary>True: the check-in wall and the message wall name people by their first character only (王＊＊).</summary>
    public bool InitialsOnly { get; private set; }

    public int CreatedByMemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Renames the display and changes how it names people.</summary>
    public void Change(string? label, bool initialsOnly)
    {
        Label = label;
        InitialsOnly = initialsOnly;
    }

    /// <summary>A person's name as this screen shows it: whole, or the first character and one ＊ for each further one.</summary>
    public string ShowName(string name)
    {
        var characters = System.Globalization.StringInfo.ParseCombiningCharacters(name).Length;
        if (!InitialsOnly || characters == 0)
        {
            return name;
        }

        var first = System.Globalization.StringInfo.GetNextTextElementLength(name);
        return name[..first] + new string('＊', Math.Max(1, characters - 1));
    }
}
