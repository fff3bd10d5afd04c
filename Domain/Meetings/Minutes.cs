using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Meetings;

/// <summary>
/// The minutes (会议记录) of a meeting. While a draft the recorder may rewrite it freely; once published every
/// change is a new revision with its author and time, and earlier revisions are never changed.
/// </summary>
public sealed class Minutes
{
    public const int ContentMaxLength = 20000;

    private readonly List<MinutesRevision> _revisions = [];

    private Minutes()
    {
        Draft = string.Empty;
    }

    public Minutes(int meetingId, string draft, int authorId, DateTimeOffset now)
    {
        MeetingId = meetingId;
        Draft = draft;
        DraftAuthorId = authorId;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    /// <summary>Unpublished text; empty once published (the latest revision is the text then).</summary>
    public string Draft { get; private set; }

    public int DraftAuthorId { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public IReadOnlyList<MinutesRevision> Revisions => _revisions;

    /// <summary>The text readers see: the latest revision once published.</summary>
    public string Current => IsPublished ? _revisions.MaxBy(r => r.Number)!.Content : Draft;

    /// <summary>
    /// Saves text. A draft is overwritten (and published when asked); published minutes get a new revision.
    /// Returns the revision added, if any. Minutes record what a meeting did (Domain/README.md, 三会一课), so they
    /// cannot be published before the meeting has started (<paramref name="meetingStartsAt"/>): a conflict
    /// (<c>minutes.before_meeting</c>); a draft may be prepared at any time.
    /// </summary>
    public Result<MinutesRevision> Save(string content, bool publish, int authorId, DateTimeOffset now, DateTimeOffset meetingStartsAt)
    {
        if (IsPublished)
        {
            if (Current == content)
            {
                return new DomainError("minutes.unchanged", "会议记录内容没有变化。");
            }

            return AddRevision(content, authorId, now);
        }

        if (publish && now < meetingStartsAt)
        {
            return DomainError.Conflict("minutes.before_meeting", "会议尚未开始，不能发布会议记录；可以先保存草稿，会议开始后再发布。");
        }

        Draft = content;
        DraftAuthorId = authorId;
        UpdatedAt = now;
        if (!publish)
        {
            return new(null, null);
        }

        PublishedAt = now;
        Draft = string.Empty;
        return AddRevision(content, authorId, now);
    }

    private MinutesRevision AddRevision(string content, int authorId, DateTimeOffset now)
    {
        var revision = new MinutesRevision(_revisions.Count + 1, content, authorId, now);
        _revisions.Add(revision);
        UpdatedAt = now;
        return revision;
    }
}
