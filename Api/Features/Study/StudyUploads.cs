using SmartBranch.Domain.Study;

namespace SmartBranch.Api.Features.Study;

/// <summary>
/// An upload's state, answered by every upload route so the mini-program can resume: which chunks are still
/// missing and, once complete, what the file turned out to be.
/// </summary>
/// <remarks><c>Size</c>: Bytes declared at the start.</remarks>
/// <remarks><c>ChunkSize</c>: Bytes of every chunk but the last.</remarks>
/// <remarks><c>Missing</c>: Chunk indexes (from 0) not yet received.</remarks>
/// <remarks><c>DurationSeconds</c>: Probed playing time of audio and video.</remarks>
/// <remarks><c>Sha256</c>: Hex SHA-256 of the assembled file.</remarks>
public sealed record StudyUploadResponse(
    Guid Id,
    string FileName,
    long Size,
    int ChunkSize,
    int ChunkCount,
    IReadOnlyList<int> Missing,
    StudyMediaStatus Status,
    StudyMediaKind? Kind,
    string? ContentType,
    double? DurationSeconds,
    string? Sha256,
    bool HasPoster);

/// <summary>Where an upload's pieces live in the media storage.</summary>
internal static class StudyUploads
{
    /// <summary>The 404 detail for an upload that does not exist or was started by someone else.</summary>
    public const string NotFoundDetail = "未找到您的这次上传。";

    /// <summary>The folder holding an upload's chunks until it is assembled.</summary>
    public static string ChunkFolder(Guid mediaId) => $"study/uploads/{mediaId:N}";

    /// <summary>The folder holding the assembled file and its poster.</summary>
    public static string MediaFolder(Guid mediaId) => $"study/media/{mediaId:N}";

    public static string ChunkKey(Guid mediaId, int index) => $"{ChunkFolder(mediaId)}/{index:D5}";

    public static string FileKey(Guid mediaId, string extension) => $"{MediaFolder(mediaId)}/file{extension}";

    public static string PosterKey(Guid mediaId) => $"{MediaFolder(mediaId)}/poster.jpg";

    public static StudyUploadResponse ToResponse(StudyMedia media) => new(
        media.Id, media.FileName, media.Size, media.ChunkSize, media.ChunkCount, media.MissingChunks(), media.Status,
        media.Kind, media.ContentType, media.DurationSeconds, media.Sha256, media.PosterKey is not null);

    /// <summary>The caller's own upload (tracked, with its chunks); anyone else's is not found.</summary>
    public static Task<StudyMedia?> LoadOwnAsync(AppDbContext db, Guid id, int memberId, CancellationToken cancellationToken) =>
        db.StudyMedia.Include(m => m.Chunks).FirstOrDefaultAsync(m => m.Id == id && m.UploaderMemberId == memberId, cancellationToken);
}
