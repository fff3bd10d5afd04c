using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Development;

/// <summary>What an attached file is.</summary>
public enum AttachmentKind
{
    /// <summary>入党申请书</summary>
    [Label("入党申请书")]
    ApplicationLetter,

    /// <summary>思想汇报</summary>
    [Label("思想汇报")]
    ThoughtReport,

    /// <summary>政审材料</summary>
    [Label("政审材料")]
    PoliticalCheck,

    /// <summary>入党志愿书、考察材料等</summary>
    [Label("其他材料")]
    Other,
}

/// <summary>
/// A file kept with a development record (application letter, thought report, political check result): its type
/// was recognised by its first bytes, its size is within the upload limit, and the bytes live in media storage.
/// </summary>
public sealed class DevelopmentAttachment
{
    public const int ContentTypeMaxLength = 100;
    public const int StorageKeyMaxLength = 200;

    private DevelopmentAttachment()
    {
        ContentType = string.Empty;
        StorageKey = string.Empty;
    }

    public DevelopmentAttachment(Guid id, int recordId, AttachmentKind kind, string contentType, long size, string storageKey, int? uploadedByMemberId, DateTimeOffset uploadedAt)
    {
        Id = id;
        RecordId = recordId;
        Kind = kind;
        ContentType = contentType;
        Size = size;
        StorageKey = storageKey;
        UploadedByMemberId = uploadedByMemberId;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    public int RecordId { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public string ContentType { get; private set; }

    /// <summary>Bytes.</summary>
    public long Size { get; private set; }

    public string StorageKey { get; private set; }

    /// <summary>The member who uploaded it; null when the person in development did.</summary>
    public int? UploadedByMemberId { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
