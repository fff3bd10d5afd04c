using SmartBranch.Domain.Common;
using SmartBranch.Domain.Study;

namespace SmartBranch.Api.Features.Study;

/// <summary>The caller's own progress on a material.</summary>
/// <remarks><c>CreditedSeconds</c>: Study time credited so far (seconds of real time).</remarks>
/// <remarks><c>RequiredSeconds</c>: What completes it: the media's length or the estimated time.</remarks>
/// <remarks><c>LastPosition</c>: Last reported media position (seconds), to resume from.</remarks>
/// <remarks><c>Hours</c>: Class hours it earned (0 until completed).</remarks>
public sealed record StudyProgressView(int CreditedSeconds, int RequiredSeconds, double LastPosition, bool Completed, DateTimeOffset? CompletedAt, decimal Hours);

/// <summary>
/// A study material. <c>mediaUrl</c> and <c>posterUrl</c> are signed links for the caller alone that expire after
/// <c>Study:MediaUrlLifetime</c> (fetch a fresh material for new ones); they serve HTTP range requests.
/// </summary>
/// <remarks><c>EstimatedMinutes</c>: Study time the material is worth (minutes).</remarks>
/// <remarks><c>Hours</c>: Class hours completing it earns.</remarks>
/// <remarks><c>DurationSeconds</c>: Playing time of audio and video.</remarks>
public sealed record StudyMaterialView(
    int Id,
    int UnitId,
    string Title,
    string Topic,
    StudyMaterialKind Kind,
    Visibility Visibility,
    StudyMaterialStatus Status,
    int EstimatedMinutes,
    decimal Hours,
    double? DurationSeconds,
    string? Body,
    string? MediaUrl,
    string? PosterUrl,
    string? ContentType,
    DateTimeOffset? PublishedAt,
    StudyProgressView? Progress);

internal static class StudyViews
{
    /// <summary>Class hours for <paramref name="minutes"/> of study (<c>Study:MinutesPerClassHour</c>), to two places.</summary>
    public static decimal Hours(int minutes, StudyOptions options) => Math.Round((decimal)minutes / options.MinutesPerClassHour, 2);

    public static StudyProgressView? Progress(StudyProgress? progress, StudyMaterial material, StudyMedia? media) =>
        progress is null ? null : new StudyProgressView(progress.CreditedSeconds, material.RequiredSeconds(media?.DurationSeconds), progress.LastPosition, progress.IsCompleted, progress.CompletedAt, progress.Hours);

    /// <summary>The material; with <paramref name="links"/> its body and fresh media links for <paramref name="memberId"/> (the detail view), without them the list entry.</summary>
    public static StudyMaterialView Material(ReadableMaterial readable, StudyProgress? progress, StudyOptions options, StudyMediaLinks? links, int memberId)
    {
        var (material, media) = (readable.Material, readable.Media);
        var mediaUrl = links is not null && media?.StorageKey is not null ? links.Create(media.Id, material.Id, memberId, StudyMediaPart.File) : null;
        var posterUrl = links is not null && media?.PosterKey is not null ? links.Create(media.Id, material.Id, memberId, StudyMediaPart.Poster) : null;
        return new StudyMaterialView(
            material.Id, material.UnitId, material.Title, material.Topic, material.Kind, material.Visibility, material.Status,
            material.EstimatedMinutes, Hours(material.EstimatedMinutes, options), media?.DurationSeconds,
            links is null ? null : material.Body, mediaUrl, posterUrl, media?.ContentType, material.PublishedAt, Progress(progress, material, media));
    }
}
