using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Study;

/// <summary>What a study media file holds, recognised from its first bytes, never from its name.</summary>
public enum StudyMediaKind
{
    [Label("音频")]
    Audio,
    [Label("视频")]
    Video,
    [Label("文档")]
    Pdf,
}

/// <summary>Where an uploaded study file is.</summary>
public enum StudyMediaStatus
{
    /// <summary>Chunks are arriving; nothing can use it yet.</summary>
    [Label("上传中")]
    Uploading,

    /// <summary>Audio waiting for WeChat's media check: shown to nobody but the uploader.</summary>
    [Label("检测中")]
    Checking,

    /// <summary>Stored and usable in a material.</summary>
    [Label("可用")]
    Ready,

    /// <summary>WeChat's check judged the audio risky: never served.</summary>
    [Label("未通过检测")]
    Rejected,
}

/// <summary>
/// A study file (audio, video, PDF) uploaded in chunks. The row is made when the upload starts, records
/// each chunk that arrived (<see cref="StudyMediaChunk"/>), and once assembled holds what the content
/// turned out to be: kind, size, SHA-256, duration and poster. The bytes live in the media storage.
/// </summary>
public sealed class StudyMedia
{
    public const int ContentTypeMaxLength = 40;
    public const int Sha256Length = 64;
    public const int TraceIdMaxLength = 100;
    public const int FileNameMaxLength = 200;

    private readonly List<StudyMediaChunk> _chunks = [];

    private StudyMedia()
    {
        FileName = string.Empty;
    }

    public StudyMedia(Guid id, int uploaderMemberId, string fileName, long size, int chunkSize, DateTimeOffset now)
    {
        Id = id;
        UploaderMemberId = uploaderMemberId;
        FileName = fileName;
        Size = size;
        ChunkSize = chunkSize;
        Status = StudyMediaStatus.Uploading;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public int UploaderMemberId { get; private set; }

    /// <summary>The name the uploader's file had: shown to them, never used to decide the type.</summary>
    public string FileName { get; private set; }

    /// <summary>Total size in bytes, declared when the upload starts and checked when it completes.</summary>
    public long Size { get; private set; }

    /// <summary>Bytes per chunk; every chunk but the last has exactly this size.</summary>
    public int ChunkSize { get; private set; }

    public int ChunkCount => (int)((Size + ChunkSize - 1) / ChunkSize);

    public StudyMediaStatus Status { get; private set; }

    public StudyMediaKind? Kind { get; private set; }

    public string? ContentType { get; private set; }

    /// <summary>Hex SHA-256 of the assembled file.</summary>
    public string? Sha256 { get; private set; }

    /// <summary>Probed playing time of audio and video (seconds).</summary>
    public double? DurationSeconds { get; private set; }

    public string? StorageKey { get; private set; }

    /// <summary>A JPEG frame taken from a video.</summary>
    public string? PosterKey { get; private set; }

    /// <summary>trace_id of WeChat's asynchronous media check of audio.</summary>
    public string? CheckTraceId { get; private set; }

    public string? CheckSuggest { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public IReadOnlyList<StudyMediaChunk> Chunks => _chunks;

    /// <summary>The size chunk <paramref name="index"/> must have, or null for an index outside the file.</summary>
    public long? ExpectedChunkSize(int index) =>
        index < 0 || index >= ChunkCount ? null : Math.Min(ChunkSize, Size - ((long)index * ChunkSize));

    /// <summary>Records that chunk <paramref name="index"/> is stored. Receiving it again (a resend after a drop) changes nothing.</summary>
    public Result ReceiveChunk(int index, long length)
    {
        if (Status != StudyMediaStatus.Uploading)
        {
            return DomainError.Conflict("study.upload_closed", "该文件已上传完成，不能再追加分片。");
        }

        if (ExpectedChunkSize(index) is not { } expected)
        {
            return new DomainError("study.chunk_index", $"分片序号应在 0 到 {ChunkCount - 1} 之间。");
        }

        if (length != expected)
        {
            return new DomainError("study.chunk_size", $"第 {index} 个分片应为 {expected} 字节，实际收到 {length} 字节。");
        }

        if (_chunks.All(c => c.Index != index))
        {
            _chunks.Add(new StudyMediaChunk(Id, index, length));
        }

        return Result.Ok;
    }

    /// <summary>The chunks not yet received, in order.</summary>
    public IReadOnlyList<int> MissingChunks() =>
        Enumerable.Range(0, ChunkCount).Except(_chunks.Select(c => c.Index)).ToList();

    /// <summary>
    /// The assembled file's facts. Audio that must pass WeChat's media check waits in <see cref="StudyMediaStatus.Checking"/>;
    /// video is usable here but reaches members only through a material the committee approved (<see cref="StudyMaterial"/>).
    /// </summary>
    public Result Complete(StudyMediaKind kind, string contentType, string sha256, double? durationSeconds, string storageKey, string? posterKey, bool awaitCheck, DateTimeOffset now)
    {
        if (Status != StudyMediaStatus.Uploading)
        {
            return DomainError.Conflict("study.upload_closed", "该文件已上传完成。");
        }

        if (MissingChunks().Count > 0)
        {
            return DomainError.Conflict("study.upload_incomplete", $"还有 {MissingChunks().Count} 个分片未上传。");
        }

        Kind = kind;
        ContentType = contentType;
        Sha256 = sha256;
        DurationSeconds = durationSeconds;
        StorageKey = storageKey;
        PosterKey = posterKey;
        CompletedAt = now;
        Status = awaitCheck && kind == StudyMediaKind.Audio ? StudyMediaStatus.Checking : StudyMediaStatus.Ready;
        return Result.Ok;
    }

    public void CheckSubmitted(string traceId) => CheckTraceId = traceId;

    /// <summary>WeChat's verdict on audio; only "pass" makes it usable. Repeated events change nothing.</summary>
    public void RecordVerdict(string suggest)
    {
        if (Status != StudyMediaStatus.Checking)
        {
            return;
        }

        CheckSuggest = suggest;
        Status = suggest == "pass" ? StudyMediaStatus.Ready : StudyMediaStatus.Rejected;
    }
}

/// <summary>One received chunk of a <see cref="StudyMedia"/> upload (its bytes are in the media storage).</summary>
public sealed class StudyMediaChunk(Guid mediaId, int index, long size)
{
    public Guid MediaId { get; private set; } = mediaId;

    public int Index { get; private set; } = index;

    public long Size { get; private set; } = size;
}
