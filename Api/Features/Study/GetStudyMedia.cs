using SmartBranch.Domain.Organization;
using SmartBranch.Domain.Study;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Features.Study;

public static class GetStudyMedia
{
    /// <summary>
    /// The bytes behind a signed media link (<c>/api/study/media/{token}</c>: a material's <c>mediaUrl</c> or <c>posterUrl</c>), with HTTP range support (206 with
    /// Content-Range; 416 for a range outside the file) so &lt;video&gt; and &lt;audio&gt; can seek. Anonymous, because
    /// the mini-program's players cannot send the session token; the token names the member it was made for,
    /// who must still be allowed to read the material now. A signed-in caller is checked as themselves, so a
    /// member of another branch gets 404 even with someone else's link. A forged, altered or expired token is 404.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Handle(
        string token,
        HttpContext context,
        CurrentMember current,
        AppDbContext db,
        IMediaStorage storage,
        StudyMediaLinks links,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } grant)
        {
            return Problems.NotFound("该学习资料链接无效或已过期。");
        }

        var media = await db.StudyMedia.AsNoTracking().FirstOrDefaultAsync(m => m.Id == grant.MediaId, cancellationToken);
        if (media is null || media.Status == StudyMediaStatus.Rejected)
        {
            return Problems.NotFound("未找到该学习资料文件。");
        }

        var signedIn = context.User.Identity?.IsAuthenticated == true && current.IsBound ? current.Id : (int?)null;
        var viewerId = signedIn ?? grant.MemberId;
        if (grant.MaterialId == 0)
        {
            // A link for WeChat's media check (CompleteUpload): the uploader's own file, before any material uses it.
            if (viewerId != media.UploaderMemberId)
            {
                return Problems.NotFound("未找到该学习资料文件，或您无权查看。");
            }
        }
        else
        {
            var material = await db.StudyMaterials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == grant.MaterialId && m.MediaId == media.Id, cancellationToken);
            var access = await AccessOfAsync(db, current, signedIn, viewerId, time, cancellationToken);
            if (material is null || access is null || !StudyAccess.CanRead(access, material, media))
            {
                return Problems.NotFound("未找到该学习资料文件，或您无权查看。");
            }
        }

        var key = grant.Part == StudyMediaPart.Poster ? media.PosterKey : media.StorageKey;
        var stream = key is null ? null : await storage.OpenAsync(key, cancellationToken);
        if (stream is null)
        {
            return Problems.NotFound("该学习资料的文件已不存在。");
        }

        context.Response.Headers.CacheControl = "private, max-age=3600";
        var contentType = grant.Part == StudyMediaPart.Poster ? "image/jpeg" : media.ContentType ?? "application/octet-stream";
        return TypedResults.Stream(stream, contentType, lastModified: media.CompletedAt, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{media.Sha256}{(grant.Part == StudyMediaPart.Poster ? "-poster" : string.Empty)}\""), enableRangeProcessing: true);
    }

    private static async Task<AccessScope?> AccessOfAsync(AppDbContext db, CurrentMember current, int? signedIn, int memberId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (signedIn is not null)
        {
            return await current.GetAccessAsync(cancellationToken);
        }

        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.ArchivedOn == null)
            .Select(m => new { m.BranchId, m.PartyGroupId }).FirstOrDefaultAsync(cancellationToken);
        return member is null
            ? null
            : await AccessScopes.LoadAsync(db, memberId, member.BranchId, member.PartyGroupId, SmartBranch.Domain.Common.LocalCalendar.Today(time.GetUtcNow()), cancellationToken);
    }
}
