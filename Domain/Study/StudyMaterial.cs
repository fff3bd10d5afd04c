using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Study;

/// <summary>What a study material is: rich text, or a media file with an optional text beside it.</summary>
public enum StudyMaterialKind
{
    [Label("图文")]
    Text,
    [Label("音频")]
    Audio,
    [Label("视频")]
    Video,
    [Label("文档")]
    Pdf,
}

public enum StudyMaterialStatus
{
    /// <summary>Waiting for the committee: a video (Domain/README.md, "Appraisal, mailbox, study"), or text WeChat's check asked to review.</summary>
    [Label("待审核")]
    PendingApproval,

    /// <summary>Members it is for may study it.</summary>
    [Label("已发布")]
    Published,

    /// <summary>Taken back by its unit: nobody but its managers sees it, completed hours stay.</summary>
    [Label("已撤回")]
    Withdrawn,
}

/// <summary>
/// A study material (学习资料) published by a branch committee for its branch or by the general branch for all
/// its branches, at an information level with the same meaning as a notice's: public to anyone, internal to
/// the members of the owning unit (a general branch's members are everyone in its branches), committee to
/// the owning unit's committee. Completing it earns <see cref="EstimatedMinutes"/> of study time.
/// </summary>
public sealed class StudyMaterial
{
    public const int TitleMaxLength = 60;
    public const int TopicMaxLength = 30;
    public const int BodyMaxLength = 20000;

    /// <summary>Longest estimated study time of one material: a full day.</summary>
    public const int MaxEstimatedMinutes = 8 * 60;

    private StudyMaterial()
    {
        Title = string.Empty;
        Topic = string.Empty;
    }

    public StudyMaterial(int unitId, int authorId, string title, string topic, StudyMaterialKind kind, string? body, Guid? mediaId, Visibility visibility, int estimatedMinutes, bool needsApproval, DateTimeOffset now)
    {
        UnitId = unitId;
        AuthorId = authorId;
        Title = title;
        Topic = topic;
        Kind = kind;
        Body = body;
        MediaId = mediaId;
        Visibility = visibility;
        EstimatedMinutes = estimatedMinutes;
        Status = needsApproval ? StudyMaterialStatus.PendingApproval : StudyMaterialStatus.Published;
        PublishedAt = needsApproval ? null : now;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    /// <summary>The branch or general branch that published it.</summary>
    public int UnitId { get; private set; }

    public int AuthorId { get; private set; }

    public string Title { get; private set; }

    /// <summary>专题: what hours are counted by.</summary>
    public string Topic { get; private set; }

    public StudyMaterialKind Kind { get; private set; }

    /// <summary>Sanitised rich text (the text itself, or notes beside a media file).</summary>
    public string? Body { get; private set; }

    public Guid? MediaId { get; private set; }

    public Visibility Visibility { get; private set; }

    /// <summary>Minutes of study the material is worth; text and PDF must be open at least this long (times the completion threshold).</summary>
    public int EstimatedMinutes { get; private set; }

    public StudyMaterialStatus Status { get; private set; }

    public int? ApprovedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public bool IsPublished => Status == StudyMaterialStatus.Published;

    /// <summary>Publishes a held material: by someone of the committee other than its author.</summary>
    public Result Approve(int approverId, DateTimeOffset now)
    {
        if (HeldContent.CheckApproval(Status == StudyMaterialStatus.PendingApproval, AuthorId, approverId, "study", "学习资料") is { Error: { } error })
        {
            return error;
        }

        Status = StudyMaterialStatus.Published;
        ApprovedById = approverId;
        PublishedAt = now;
        return Result.Ok;
    }

    public Result Withdraw()
    {
        if (Status == StudyMaterialStatus.Withdrawn)
        {
            return DomainError.Conflict("study.withdrawn", "该学习资料已撤回。");
        }

        Status = StudyMaterialStatus.Withdrawn;
        return Result.Ok;
    }

    /// <summary>Seconds of study that complete it: a media file's playing time, otherwise the estimated time.</summary>
    public int RequiredSeconds(double? mediaDurationSeconds) =>
        Kind is StudyMaterialKind.Audio or StudyMaterialKind.Video && mediaDurationSeconds is > 0 ? (int)Math.Ceiling(mediaDurationSeconds.Value) : EstimatedMinutes * 60;
}
