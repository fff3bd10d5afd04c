namespace SmartBranch.Domain.Brand;

/// <summary>A story or public notice shared by a member; the share id travels in the shared path.</summary>
public sealed class Share
{
    public const int IdLength = 16;
    public const int SubjectTypeMaxLength = 20;

    private Share()
    {
        Id = string.Empty;
        SubjectType = string.Empty;
    }

    public Share(string id, string subjectType, int subjectId, int unitId, int sharerMemberId, DateTimeOffset now)
    {
        Id = id;
        SubjectType = subjectType;
        SubjectId = subjectId;
        UnitId = unitId;
        SharerMemberId = sharerMemberId;
        CreatedAt = now;
    }

    public string Id { get; private set; }

    public string SubjectType { get; private set; }

    public int SubjectId { get; private set; }

    /// <summary>The unit owning the shared content, for reach figures.</summary>
    public int UnitId { get; private set; }

    public int SharerMemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// Someone opened a share: a signed-in member ("m:&lt;id&gt;") or an anonymous visitor with a
/// client-generated id ("v:&lt;id&gt;"). (ShareId, OpenerKey) is unique: each opener counts once.
/// </summary>
public sealed class ShareOpen
{
    public const int OpenerKeyMaxLength = 80;

    private ShareOpen()
    {
        ShareId = string.Empty;
        OpenerKey = string.Empty;
    }

    public ShareOpen(string shareId, string openerKey, int? memberId, DateTimeOffset now)
    {
        ShareId = shareId;
        OpenerKey = openerKey;
        MemberId = memberId;
        OpenedAt = now;
    }

    public long Id { get; private set; }

    public string ShareId { get; private set; }

    public string OpenerKey { get; private set; }

    /// <summary>Set when the opener is a bound member.</summary>
    public int? MemberId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }
}
