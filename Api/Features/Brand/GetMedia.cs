using System.Security.Cryptography;
using System.Text;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Features.Brand;

public static class GetMedia
{
    /// <summary>
    /// An image: public, checked images to anyone (the big screen, shared pages); others to members who may
    /// see the uploader's branch; images still waiting for WeChat's check to the uploader only. WeChat's
    /// checker downloads with the random <c>key</c> it was given. Everything else is 404.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Handle(
        Guid id,
        string? key,
        HttpContext context,
        AppDbContext db,
        IMediaStorage storage,
        CurrentMember current,
        CancellationToken cancellationToken)
    {
        var item = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null || !await MayReadAsync(item, key, context, current, cancellationToken))
        {
            return Problems.NotFound("未找到该图片，或您无权查看。");
        }

        var stream = await storage.OpenAsync(item.StorageKey, cancellationToken);
        if (stream is null)
        {
            return Problems.NotFound("该图片的文件已不存在。");
        }

        // Ids never change content; non-public images must not sit in shared caches.
        context.Response.Headers.CacheControl = item.Visibility == Visibility.Public && item.Status == MediaStatus.Approved ? "public, max-age=86400" : "private, no-store";
        return TypedResults.Stream(stream, item.ContentType);
    }

    private static async Task<bool> MayReadAsync(MediaItem item, string? key, HttpContext context, CurrentMember current, CancellationToken cancellationToken)
    {
        if (key is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(item.AccessKey)))
        {
            return true;
        }

        if (item.Status == MediaStatus.Rejected)
        {
            return false;
        }

        var bound = context.User.Identity?.IsAuthenticated == true && current.IsBound;
        if (item.Status == MediaStatus.Pending)
        {
            return bound && current.Id == item.UploaderMemberId;
        }

        if (item.Visibility == Visibility.Public)
        {
            return true;
        }

        if (!bound)
        {
            return false;
        }

        var access = await current.GetAccessAsync(cancellationToken);
        return item.UploaderMemberId == access.MemberId
            || (item.Visibility == Visibility.Internal ? access.CanView(item.UnitId) : access.IsCommitteeOf(item.UnitId) || access.CanManage(item.UnitId));
    }
}
