using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Brand;

/// <summary>Where a story is in its life.</summary>
public enum StoryStatus
{
    /// <summary>待审核: a member's submission, or text the content check wants a person to see.</summary>
    [Label("待审核")]
    PendingApproval,

    /// <summary>已发布</summary>
    [Label("已发布")]
    Published,
}

/// <summary>
/// A story of members setting an example (先锋事迹, 正能量事迹), with text and images. The publicity
/// member or secretary publishes directly; other members submit and the committee approves.
/// </summary>
public sealed class Story
{
    public const int TitleMaxLength = 60;
    public const int BodyMaxLength = 5000;
    public const int MaxImages = 9;

    private Story()
    {
        Title = string.Empty;
        Body = string.Empty;
        ImageIds = string.Empty;
    }

    public Story(int unitId, int generalBranchId, int authorMemberId, string title, string body, Visibility visibility, IEnumerable<Guid> imageIds, DateTimeOffset now)
        : this()
    {
        UnitId = unitId;
        GeneralBranchId = generalBranchId;
        AuthorMemberId = authorMemberId;
        CreatedAt = now;
        Status = StoryStatus.PendingApproval;
        SetContent(title, body, visibility, imageIds, now);
    }

    public int Id { get; private set; }

    /// <summary>The branch (or general branch) the story belongs to.</summary>
    public int UnitId { get; private set; }

    public int GeneralBranchId { get; private set; }

    public int AuthorMemberId { get; private set; }

    public string Title { get; private set; }

    /// <summary>Plain text.</summary>
    public string Body { get; private set; }

    /// <summary>Public or Internal; committee-only stories are not stories.</summary>
    public Visibility Visibility { get; private set; }

    /// <summary>Image media ids in display order, comma separated.</summary>
    public string ImageIds { get; private set; }

    public StoryStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int? ApprovedByMemberId { get; private set; }

    /// <summary>Recounted from the likes in the database on every like.</summary>
    public int LikeCount { get; private set; }

    public int CommentCount { get; private set; }

    public bool IsPublished => Status == StoryStatus.Published;

    public IReadOnlyList<Guid> Images => ImageIds.Length == 0 ? [] : ImageIds.Split(',').Select(Guid.Parse).ToList();

    public void SetContent(string title, string body, Visibility visibility, IEnumerable<Guid> imageIds, DateTimeOffset now)
    {
        Title = title;
        Body = body;
        Visibility = visibility;
        ImageIds = string.Join(',', imageIds.Distinct());
        UpdatedAt = now;
    }

    public void Publish(DateTimeOffset now)
    {
        Status = StoryStatus.Published;
        PublishedAt ??= now;
    }

    /// <summary>Back to the committee, after an edit by someone who may not publish or text that needs review.</summary>
    public void Hold() => Status = StoryStatus.PendingApproval;

    public Result Approve(int approverMemberId, DateTimeOffset now)
    {
        if (Status != StoryStatus.PendingApproval)
        {
            return DomainError.Conflict("story.not_pending", "该事迹不在待审核状态。");
        }

        ApprovedByMemberId = approverMemberId;
        Publish(now);
        return Result.Ok;
    }
}

/// <summary>A member's like; (StoryId, MemberId) is unique, so a story is liked once per member.</summary>
public sealed class StoryLike
{
    private StoryLike()
    {
    }

    public StoryLike(int storyId, int memberId, DateTimeOffset now)
    {
        StoryId = storyId;
        MemberId = memberId;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public int StoryId { get; private set; }

    public int MemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>A comment that passed the content check.</summary>
public sealed class StoryComment
{
    public const int TextMaxLength = 500;

    private StoryComment()
    {
        Text = string.Empty;
    }

    public StoryComment(int storyId, int memberId, string text, DateTimeOffset now)
    {
        StoryId = storyId;
        MemberId = memberId;
        Text = text;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public int StoryId { get; private set; }

    public int MemberId { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>A member's first view of a story (attention); (StoryId, MemberId) is unique.</summary>
public sealed class StoryView
{
    private StoryView()
    {
    }

    public StoryView(int storyId, int memberId, DateTimeOffset now)
    {
        StoryId = storyId;
        MemberId = memberId;
        FirstViewedAt = now;
    }

    public long Id { get; private set; }

    public int StoryId { get; private set; }

    public int MemberId { get; private set; }

    public DateTimeOffset FirstViewedAt { get; private set; }
}
