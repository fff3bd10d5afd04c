using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Domain.Notices;

/// <summary>Where a notice is in its life.</summary>
public enum NoticeStatus
{
    /// <summary>待审核: held until another committee member or an admin approves it.</summary>
    [Label("待审核")]
    PendingApproval,

    /// <summary>已发布</summary>
    [Label("已发布")]
    Published,

    /// <summary>已撤回: hidden from feeds and counts, kept for the record.</summary>
    [Label("已撤回")]
    Withdrawn,
}

/// <summary>Why a notice is held for approval.</summary>
public enum NoticeHoldReason
{
    /// <summary>WeChat's text check asked for a human review.</summary>
    [Label("内容需人工复核")]
    ContentReview,

    /// <summary>The text check could not be done; nothing is published unchecked.</summary>
    [Label("内容检测暂不可用")]
    CheckUnavailable,
}

/// <summary>
/// A notice (通知公告) posted by a branch committee or a general-branch admin to an audience. The audience
/// is kept as asked for and resolved into <see cref="NoticeRecipient"/> rows once, when the notice is
/// first published, so read figures are always against the audience at publication.
/// </summary>
public sealed class Notice
{
    public const int TitleMaxLength = 60;
    public const int BodyMaxLength = 20000;
    private readonly List<NoticeRecipient> _recipients = [];
    private readonly List<NoticeAudienceEntry> _audienceEntries = [];

    private Notice()
    {
        Title = string.Empty;
        Body = string.Empty;
    }

    public Notice(
        int unitId,
        int generalBranchId,
        int authorMemberId,
        string title,
        string body,
        Visibility visibility,
        bool requiresAck,
        bool pinned,
        IEnumerable<int> audienceUnitIds,
        IEnumerable<int> audienceMemberIds,
        DateTimeOffset now)
    {
        UnitId = unitId;
        GeneralBranchId = generalBranchId;
        AuthorMemberId = authorMemberId;
        Title = title;
        Body = body;
        Visibility = visibility;
        RequiresAck = requiresAck;
        Pinned = pinned;
        AudienceEntry.Replace(_audienceEntries, audienceUnitIds, audienceMemberIds, (unit, member) => new NoticeAudienceEntry(unit, member));
        CreatedAt = now;
        Status = NoticeStatus.PendingApproval;
        Version = 1;
    }

    public int Id { get; private set; }

    /// <summary>The unit that owns the notice: the posting branch, or the general branch for admins' notices.</summary>
    public int UnitId { get; private set; }

    /// <summary>The general branch above <see cref="UnitId"/>, whose members see its public notices.</summary>
    public int GeneralBranchId { get; private set; }

    public int AuthorMemberId { get; private set; }

    public string Title { get; private set; }

    /// <summary>Sanitised rich text (an allow-listed HTML subset the mini-program's rich-text component shows).</summary>
    public string Body { get; private set; }

    public Visibility Visibility { get; private set; }

    /// <summary>签收: recipients are asked to confirm explicitly.</summary>
    public bool RequiresAck { get; private set; }

    public bool Pinned { get; private set; }

    public NoticeStatus Status { get; private set; }

    public NoticeHoldReason? HoldReason { get; private set; }

    /// <summary>The audience as asked for, one row per unit or chosen member.</summary>
    public IReadOnlyList<NoticeAudienceEntry> AudienceEntries => _audienceEntries;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>First publication; the feed's sort key, so it never moves once set.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public int? ApprovedByMemberId { get; private set; }

    /// <summary>1 for the original text, +1 for every edit.</summary>
    public int Version { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>The audience fixed at first publication (only rows added in this unit of work are loaded).</summary>
    public IReadOnlyCollection<NoticeRecipient> Recipients => _recipients;

    public bool IsEdited => Version > 1;

    public bool IsPublished => Status == NoticeStatus.Published;

    /// <summary>True once recipients have been resolved (the first publication).</summary>
    public bool HasBeenPublished => PublishedAt is not null;

    /// <summary>The audience as asked for; <see cref="Recipients"/> is whom it reached at first publication.</summary>
    public Audience Audience => AudienceEntry.ToAudience(_audienceEntries);

    /// <summary>
    /// Publishes the notice. The first publication fixes the audience as recipients (<paramref name="audience"/>
    /// is the audience resolved now); later ones, after an edit was held and approved, keep the first audience.
    /// </summary>
    public Result Publish(DateTimeOffset now, IEnumerable<int> audience)
    {
        if (Status == NoticeStatus.Withdrawn)
        {
            return DomainError.Conflict("notice.withdrawn", "该通知已撤回。");
        }

        if (PublishedAt is null)
        {
            PublishedAt = now;
            _recipients.AddRange(audience.Distinct().Select(memberId => new NoticeRecipient(Id, memberId)));
        }

        Status = NoticeStatus.Published;
        HoldReason = null;
        return Result.Ok;
    }

    /// <summary>Keeps the notice out of sight until someone approves it.</summary>
    public void Hold(NoticeHoldReason reason)
    {
        Status = NoticeStatus.PendingApproval;
        HoldReason = reason;
    }

    /// <summary>Another committee member or an admin releases a held notice; nobody approves their own.</summary>
    public Result Approve(int approverMemberId, DateTimeOffset now, IEnumerable<int> audience)
    {
        if (HeldContent.CheckApproval(Status == NoticeStatus.PendingApproval, AuthorMemberId, approverMemberId, "notice", "通知") is { Error: { } error })
        {
            return error;
        }

        ApprovedByMemberId = approverMemberId;
        return Publish(now, audience);
    }

    /// <summary>
    /// Replaces the text. Returns the revision that keeps the text being replaced, so readers can see
    /// what changed. The caller decides afterwards whether the new text is published or held.
    /// </summary>
    public NoticeRevision Edit(string title, string body, bool pinned, int editorMemberId, DateTimeOffset now)
    {
        var previous = new NoticeRevision(Id, Version, Title, Body, EditedAt ?? CreatedAt, editorMemberId, now);
        Title = title;
        Body = body;
        Pinned = pinned;
        Version++;
        EditedAt = now;
        return previous;
    }

    public Result Withdraw(DateTimeOffset now)
    {
        if (Status == NoticeStatus.Withdrawn)
        {
            return DomainError.Conflict("notice.withdrawn", "该通知已撤回。");
        }

        Status = NoticeStatus.Withdrawn;
        WithdrawnAt = now;
        return Result.Ok;
    }
}

/// <summary>One addressee of a notice as asked for (a row of the table <c>NoticeAudience</c>).</summary>
public sealed class NoticeAudienceEntry : AudienceEntry
{
    private NoticeAudienceEntry()
    {
    }

    internal NoticeAudienceEntry(int? unitId, int? memberId)
        : base(unitId, memberId)
    {
    }

    public int NoticeId { get; private set; }
}
