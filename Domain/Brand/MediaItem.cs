using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Brand;

/// <summary>Where an uploaded image is in WeChat's media check.</summary>
public enum MediaStatus
{
    /// <summary>Waiting for WeChat's verdict: shown to nobody but the uploader.</summary>
    [Label("待审核")]
    Pending,

    /// <summary>Passed the check (or no check is configured).</summary>
    [Label("已通过")]
    Approved,

    /// <summary>WeChat judged it risky (or asked for review): never served.</summary>
    [Label("未通过")]
    Rejected,
}

/// <summary>
/// An uploaded image. The bytes live in the media storage under <see cref="StorageKey"/>; the row says
/// who uploaded it, for which unit, at which level, and what WeChat's media check said.
/// </summary>
public sealed class MediaItem
{
    public const int ContentTypeMaxLength = 40;
    public const int StorageKeyMaxLength = 200;
    public const int TraceIdMaxLength = 100;
    public const int AccessKeyLength = 32;

    private MediaItem()
    {
        ContentType = string.Empty;
        StorageKey = string.Empty;
        AccessKey = string.Empty;
    }

    public MediaItem(Guid id, string accessKey, int unitId, int uploaderMemberId, string contentType, long size, string storageKey, Visibility visibility, bool awaitCheck, DateTimeOffset now)
    {
        Id = id;
        AccessKey = accessKey;
        UnitId = unitId;
        UploaderMemberId = uploaderMemberId;
        ContentType = contentType;
        Size = size;
        StorageKey = storageKey;
        Visibility = visibility;
        Status = awaitCheck ? MediaStatus.Pending : MediaStatus.Approved;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>Random key in the URL handed to WeChat's media check, which must download the image before anyone may see it.</summary>
    public string AccessKey { get; private set; }

    /// <summary>The uploader's branch: who may see the image when it is not public.</summary>
    public int UnitId { get; private set; }

    public int UploaderMemberId { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public string StorageKey { get; private set; }

    public Visibility Visibility { get; private set; }

    public MediaStatus Status { get; private set; }

    /// <summary>trace_id of the asynchronous WeChat media check, matched when its result event arrives.</summary>
    public string? CheckTraceId { get; private set; }

    public string? CheckSuggest { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CheckedAt { get; private set; }

    public void CheckSubmitted(string traceId) => CheckTraceId = traceId;

    /// <summary>WeChat's verdict; only "pass" shows the image. Repeated events (WeChat retries) change nothing.</summary>
    public void RecordVerdict(string suggest, DateTimeOffset now)
    {
        if (Status != MediaStatus.Pending)
        {
            return;
        }

        CheckSuggest = suggest;
        CheckedAt = now;
        Status = suggest == "pass" ? MediaStatus.Approved : MediaStatus.Rejected;
    }
}
