using System.Security.Cryptography;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Infrastructure.Media;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Features.Brand;

public static class UploadMedia
{
    /// <summary>
    /// The stored image. <c>url</c> serves it; <c>status</c> is <c>Pending</c> while WeChat's media check
    /// (when configured) has not answered: until then only the uploader sees it.
    /// </summary>
    public sealed record Response(Guid Id, string Url, string ContentType, long Size, MediaStatus Status);

    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        HttpRequest request,
        CurrentMember current,
        AppDbContext db,
        IMediaStorage storage,
        WeChatClient weChat,
        IOptions<MediaOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBytes;
        var tooLarge = TypedResults.Problem($"图片不能超过{FormatSize(limit)}，请压缩后再上传。", statusCode: StatusCodes.Status413PayloadTooLarge, title: "图片过大");

        // Refuse an oversized body before reading it (the form overhead is small next to an image).
        if (request.ContentLength > limit + 64 * 1024)
        {
            return tooLarge;
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("请以 multipart/form-data 表单上传图片，字段名为 file。", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的上传方式");
        }

        var (form, broken) = await RequestForms.ReadAsync(request, "请以 multipart/form-data 表单上传图片，字段名为 file。", cancellationToken);
        if (broken is not null)
        {
            return Problems.From(broken);
        }

        var file = form!.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("没有图片", "请选择要上传的图片。");
        }

        if (file.Length > limit)
        {
            return tooLarge;
        }

        // No default: an image sent without a level must not silently become public.
        if (!form.TryGetValue("visibility", out var level) || string.IsNullOrWhiteSpace(level))
        {
            return Problems.BadRequest("请选择信息级别", "请为图片选择信息级别（公开、党内或支委）。");
        }

        if (!Enum.TryParse<Visibility>(level.ToString(), ignoreCase: true, out var visibility) || !Enum.IsDefined(visibility) || int.TryParse(level.ToString(), out _))
        {
            return Problems.BadRequest("信息级别无效", "信息级别无效，请选择公开、党内或支委。");
        }

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var kind = FileSignatures.Image(content.GetBuffer().AsSpan(0, (int)Math.Min(content.Length, FileSignatures.HeadLength)));
        if (kind is null)
        {
            return TypedResults.Problem("只能上传 PNG、JPEG、GIF 或 WebP 格式的图片。", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的文件类型");
        }

        var id = Guid.NewGuid();
        content.Position = 0;
        var key = await storage.SaveAsync(id, kind.Value.Extension, content, cancellationToken);
        var check = options.Value.WeChatCheck;
        var member = await db.Members.AsNoTracking().Where(m => m.Id == current.Id).Select(m => new { m.BranchId }).SingleAsync(cancellationToken);
        var item = new MediaItem(id, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), member.BranchId, current.Id, kind.Value.ContentType, content.Length, key, visibility, check, time.GetUtcNow());
        db.Media.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Nothing half-written: no row, so no file either.
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        if (check)
        {
            var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}" : options.Value.PublicBaseUrl.TrimEnd('/');
            var result = await weChat.CheckMediaAsync(current.OpenId, $"{baseUrl}{BrandRules.MediaUrl(id)}?key={item.AccessKey}", cancellationToken);
            if (result.Succeeded)
            {
                item.CheckSubmitted(result.Value!);
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                // Never shown unchecked: it stays pending (visible to the uploader only) until someone checks again.
                loggers.CreateLogger(typeof(UploadMedia)).LogWarning("Media check of {MediaId} could not be submitted (errcode {ErrCode}); the image stays hidden", id, result.ErrCode);
            }
        }

        return TypedResults.Created(BrandRules.MediaUrl(id), new Response(id, BrandRules.MediaUrl(id), item.ContentType, item.Size, item.Status));
    }

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
