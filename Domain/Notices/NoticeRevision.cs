namespace SmartBranch.Domain.Notices;

/// <summary>An earlier text of a notice, kept when the notice is edited.</summary>
public sealed class NoticeRevision
{
    private NoticeRevision()
    {
        Title = string.Empty;
        Body = string.Empty;
    }

    public NoticeRevision(int noticeId, int version, string title, string body, DateTimeOffset writtenAt, int replacedByMemberId, DateTimeOffset replacedAt)
    {
        NoticeId = noticeId;
        Version = version;
        Title = title;
        Body = body;
        WrittenAt = writtenAt;
        ReplacedByMemberId = replacedByMemberId;
        ReplacedAt = replacedAt;
    }

    public long Id { get; private set; }

    public int NoticeId { get; private set; }

    /// <summary>The version this text was (1 = original).</summary>
    public int Version { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>When this text was written (posted or last edited).</summary>
    public DateTimeOffset WrittenAt { get; private set; }

    public int ReplacedByMemberId { get; private set; }

    public DateTimeOffset ReplacedAt { get; private set; }
}
