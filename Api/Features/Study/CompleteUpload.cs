using System.Security.Cryptography;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Study;
using SmartBranch.Infrastructure.Media;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Features.Study;

public static class CompleteUpload
{
    /// <summary>
    /// Assembles the caller's uploaded chunks and decides what the file is by its content: its first bytes
    /// (PDF, MP4/M4A, MP3, AAC, WAV; never the name) and for audio and video what ffprobe finds (duration, a
    /// video stream); a video gets a poster frame. The size limit of the kind found applies (413). Audio goes
    /// to WeChat's media check when <c>Media:WeChatCheck</c> is on and stays <c>Checking</c> until the verdict.
    /// Completing again answers the same facts. 409 while chunks are missing; 415 for content we do not accept
    /// (the upload is then discarded).
    /// </summary>
    public static async Task<Results<Ok<StudyUploadResponse>, ProblemHttpResult>> Handle(
        Guid id,
        CurrentMember current,
        AppDbContext db,
        IMediaStorage storage,
        StudyMediaLinks links,
        WeChatClient weChat,
        IOptions<StudyOptions> options,
        IOptions<MediaOptions> mediaOptions,
        HttpRequest request,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var media = await StudyUploads.LoadOwnAsync(db, id, current.Id, cancellationToken);
        if (media is null)
        {
            return Problems.NotFound(StudyUploads.NotFoundDetail);
        }

        if (media.Status != StudyMediaStatus.Uploading)
        {
            return TypedResults.Ok(StudyUploads.ToResponse(media));
        }

        if (media.MissingChunks() is { Count: > 0 } missing)
        {
            return Problems.Conflict("分片未传完", $"还有 {missing.Count} 个分片未上传（第 {string.Join("、", missing.Take(10))} 片），请补传后再完成。");
        }

        var logger = loggers.CreateLogger(typeof(CompleteUpload));
        var work = Path.Combine(Path.GetTempPath(), $"smartbranch-study-{media.Id:N}");
        try
        {
            var (sha256, missingChunk) = await AssembleAsync(media, storage, work, cancellationToken);
            if (missingChunk is not null)
            {
                return Problems.From(missingChunk);
            }

            var (facts, refusedContent) = await InspectAsync(work, options.Value, logger, cancellationToken);
            if (refusedContent is not null)
            {
                await DiscardAsync(db, storage, media);
                return Problems.From(refusedContent);
            }

            var (kind, contentType, extension, duration) = facts;
            var fileKey = StudyUploads.FileKey(media.Id, extension);
            await using (var file = File.OpenRead(work))
            {
                await storage.PutAsync(fileKey, file, cancellationToken);
            }

            string? posterKey = null;
            if (kind == StudyMediaKind.Video)
            {
                var poster = work + ".jpg";
                var at = TimeSpan.FromSeconds(Math.Min(1, (duration ?? 0) / 2));
                if (await MediaFiles.PosterAsync(work, poster, at, cancellationToken) && File.Exists(poster))
                {
                    posterKey = StudyUploads.PosterKey(media.Id);
                    await using var image = File.OpenRead(poster);
                    await storage.PutAsync(posterKey, image, cancellationToken);
                }
            }

            var awaitCheck = mediaOptions.Value.WeChatCheck;
            if (media.Complete(kind, contentType, sha256!, duration, fileKey, posterKey, awaitCheck, time.GetUtcNow()) is { Error: { } refused })
            {
                return Problems.From(refused);
            }

            await db.SaveChangesAsync(cancellationToken);
            for (var i = 0; i < media.ChunkCount; i++)
            {
                await storage.DeleteAsync(StudyUploads.ChunkKey(media.Id, i), cancellationToken);
            }

            if (media.Status == StudyMediaStatus.Checking)
            {
                await SubmitCheckAsync(media, current, links, weChat, mediaOptions.Value, request, db, logger, cancellationToken);
            }

            return TypedResults.Ok(StudyUploads.ToResponse(media));
        }
        finally
        {
            File.Delete(work);
            File.Delete(work + ".jpg");
        }
    }

    /// <summary>Copies the chunks in order into one local file (ffprobe reads files), hashing as it goes: the SHA-256, or 409 for a chunk not stored whole.</summary>
    private static async Task<Result<string>> AssembleAsync(StudyMedia media, IMediaStorage storage, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        for (var i = 0; i < media.ChunkCount; i++)
        {
            await using var chunk = await storage.OpenAsync(StudyUploads.ChunkKey(media.Id, i), cancellationToken);
            if (chunk is null || chunk.Length != media.ExpectedChunkSize(i))
            {
                return new DomainError("study.chunk_missing", $"第 {i} 个分片未能保存，请重新上传该分片后再完成。", ErrorKind.Conflict, "分片缺失");
            }

            int read;
            while ((read = await chunk.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>What the assembled file is, found by its content.</summary>
    private readonly record struct Inspected(StudyMediaKind Kind, string ContentType, string Extension, double? Duration);

    /// <summary>The file's kind by its content, or 415 for content we do not accept and 413 over the kind's limit.</summary>
    private static async Task<Result<Inspected>> InspectAsync(string path, StudyOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var unsupported = new DomainError("study.unsupported_type", "只能上传 MP4 视频、MP3/M4A/AAC/WAV 音频或 PDF 文档（按文件内容识别）。", ErrorKind.UnsupportedType, "不支持的文件类型");
        var head = new byte[MediaFiles.HeadLength];
        int length;
        await using (var file = File.OpenRead(path))
        {
            length = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var size = new FileInfo(path).Length;
        var format = MediaFiles.Sniff(head.AsSpan(0, length));
        if (format is null)
        {
            return unsupported;
        }

        if (format.Family == "pdf")
        {
            return size > options.MaxPdfBytes ? TooLarge("PDF 文档", options.MaxPdfBytes) : new Inspected(StudyMediaKind.Pdf, "application/pdf", ".pdf", null);
        }

        var probed = await MediaFiles.ProbeAsync(path, logger, cancellationToken);
        if (probed is null || probed.Duration <= TimeSpan.Zero || !(probed.HasVideo || probed.HasAudio))
        {
            return unsupported;
        }

        var duration = probed.Duration.TotalSeconds;
        if (probed.HasVideo)
        {
            // The mini-program's <video> plays MP4.
            return format.Family != "mp4" ? unsupported
                : size > options.MaxVideoBytes ? TooLarge("视频", options.MaxVideoBytes)
                : new Inspected(StudyMediaKind.Video, "video/mp4", ".mp4", duration);
        }

        var (contentType, extension) = format.Family switch
        {
            "mp4" => ("audio/mp4", ".m4a"),
            "mp3" => ("audio/mpeg", ".mp3"),
            "aac" => ("audio/aac", ".aac"),
            _ => ("audio/wav", ".wav"),
        };
        return size > options.MaxAudioBytes ? TooLarge("音频", options.MaxAudioBytes) : new Inspected(StudyMediaKind.Audio, contentType, extension, duration);
    }

    private static DomainError TooLarge(string what, long limit) =>
        new("study.too_large", $"{what}不能超过{limit / (1024 * 1024)} MB。", ErrorKind.TooLarge, "文件过大");

    /// <summary>Content we refuse is not kept: the chunks and the upload go.</summary>
    private static async Task DiscardAsync(AppDbContext db, IMediaStorage storage, StudyMedia media)
    {
        for (var i = 0; i < media.ChunkCount; i++)
        {
            await storage.DeleteAsync(StudyUploads.ChunkKey(media.Id, i), CancellationToken.None);
        }

        db.StudyMedia.Remove(media);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Asks WeChat to check the audio (media_type 1); it downloads it through a link made for the uploader.</summary>
    private static async Task SubmitCheckAsync(StudyMedia media, CurrentMember current, StudyMediaLinks links, WeChatClient weChat, MediaOptions options, HttpRequest request, AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}" : options.PublicBaseUrl.TrimEnd('/');
        var url = baseUrl + links.Create(media.Id, 0, current.Id, StudyMediaPart.File, TimeSpan.FromDays(1));
        var result = await weChat.CheckMediaAsync(current.OpenId, url, cancellationToken, WeChatContentSecurity.AudioMediaType);
        if (result.Succeeded)
        {
            media.CheckSubmitted(result.Value!);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // Never shown unchecked: it stays Checking (usable by nobody) until it is uploaded again.
            logger.LogWarning("Media check of study media {MediaId} could not be submitted (errcode {ErrCode}); the audio stays hidden", media.Id, result.ErrCode);
        }
    }
}
