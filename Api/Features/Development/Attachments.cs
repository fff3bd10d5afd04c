using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Features.Development;

/// <summary>An attached file as listed with the record: what it is, its type and size (bytes), when, and where to fetch it.</summary>
public sealed record AttachmentView(Guid Id, AttachmentKind Kind, string ContentType, long Size, DateTimeOffset UploadedAt, bool ByApplicant, string Url);

/// <summary>
/// Storing a file for a record: multipart field <c>file</c> and <c>kind</c>. The type is recognised by the first bytes,
/// never by the declared type: PDF, or the images the brand upload accepts (PNG, JPEG, GIF, WebP; <c>FileSignatures</c>);
/// the size limit is the media one (<c>Media:MaxBytes</c>, 5 MB by default). Bytes go to media storage.
/// </summary>
internal static class AttachmentUpload
{
    public static string Url(Guid id) => $"/api/development/attachments/{id}";

    public static AttachmentView View(DevelopmentAttachment a) =>
        new(a.Id, a.Kind, a.ContentType, a.Size, a.UploadedAt, a.UploadedByMemberId is null, Url(a.Id));

    private static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> head) =>
        FileSignatures.IsPdf(head) ? ("application/pdf", ".pdf") : FileSignatures.Image(head);

    public static async Task<Result<DevelopmentAttachment>> SaveAsync(
        HttpRequest request, int recordId, int? uploadedBy, IMediaStorage storage, MediaOptions options, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var limit = options.MaxBytes;
        var tooLarge = new DomainError("upload.too_large", $"附件不能超过{limit / 1024 / 1024.0:0.#} MB。", ErrorKind.TooLarge, "附件过大");
        if (request.ContentLength > limit + 64 * 1024)
        {
            return tooLarge;
        }

        var (form, broken) = await RequestForms.ReadAsync(request, "请以 multipart/form-data 上传附件（字段 file 和 kind）。", cancellationToken);
        if (broken is not null)
        {
            return broken;
        }

        var file = form!.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return new DomainError("upload.no_file", "请选择要上传的文件。", ErrorKind.Invalid, "没有附件");
        }

        if (file.Length > limit)
        {
            return tooLarge;
        }

        if (!Enum.TryParse<AttachmentKind>(form["kind"].ToString(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(form["kind"].ToString(), out _))
        {
            return new DomainError("development.attachment_kind", "请选择附件类别：入党申请书、思想汇报、政审材料或其他。", ErrorKind.Invalid, "附件类别无效");
        }

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var type = Sniff(content.GetBuffer().AsSpan(0, (int)Math.Min(content.Length, FileSignatures.HeadLength)));
        if (type is null)
        {
            return new DomainError("upload.unsupported_type", "只能上传 PDF 文件或 PNG、JPEG、GIF、WebP 图片。", ErrorKind.UnsupportedType, "不支持的文件类型");
        }

        var id = Guid.NewGuid();
        content.Position = 0;
        var key = await storage.SaveAsync(id, type.Value.Extension, content, cancellationToken);
        var attachment = new DevelopmentAttachment(id, recordId, kind, type.Value.ContentType, content.Length, key, uploadedBy, time.GetUtcNow());
        db.DevelopmentAttachments.Add(attachment);
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

        return attachment;
    }
}

public static class UploadAttachment
{
    /// <summary>
    /// 201 with the attachment. The committee and the assigned contacts upload to a record. 400 without a file or with
    /// a bad kind; 413 over the size limit; 415 for a type other than PDF or an image (recognised by its first bytes);
    /// 404 for strangers.
    /// </summary>
    public static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> Handle(
        int id,
        HttpRequest request,
        CurrentMember current,
        AppDbContext db,
        IMediaStorage storage,
        IOptions<MediaOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (reached, refusal) = await DevelopmentAccess.LoadAsync(db, access, id, tracked: false, cancellationToken);
        if (reached is null)
        {
            return Problems.From(refusal!);
        }

        var record = reached.Record;

        var (attachment, error) = await AttachmentUpload.SaveAsync(request, record.Id, current.Id, storage, options.Value, db, time, cancellationToken);
        return error is not null ? Problems.From(error) : TypedResults.Created(AttachmentUpload.Url(attachment!.Id), AttachmentUpload.View(attachment));
    }
}

public static class UploadMyAttachment
{
    /// <summary>201 with the attachment the person adds to their own record (a thought report, the application letter); 400/413/415 as for the committee's upload; 404 when the account is bound to no record.</summary>
    public static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> Handle(
        HttpRequest request,
        CurrentMember current,
        AppDbContext db,
        IMediaStorage storage,
        IOptions<MediaOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var record = await OwnRecord.LoadAsync(db, current, tracked: false, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound("您的微信未绑定发展党员记录。");
        }

        var (attachment, error) = await AttachmentUpload.SaveAsync(request, record.Id, null, storage, options.Value, db, time, cancellationToken);
        return error is not null ? Problems.From(error) : TypedResults.Created(AttachmentUpload.Url(attachment!.Id), AttachmentUpload.View(attachment));
    }
}

public static class GetAttachment
{
    private const string AttachmentNotFound = "未找到该附件，或您无权查看。";

    /// <summary>200 with the file (its recognised content type) for the person whose record it is, the committee, admins above it and the assigned contacts; 404 for anyone else.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Handle(
        Guid id,
        CurrentMember current,
        AppDbContext db,
        IMediaStorage storage,
        CancellationToken cancellationToken)
    {
        var attachment = await db.DevelopmentAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return Problems.NotFound(AttachmentNotFound);
        }

        var own = await OwnRecord.LoadAsync(db, current, tracked: false, cancellationToken);
        var allowed = own?.Id == attachment.RecordId;
        if (!allowed && current.IsBound)
        {
            var access = await current.GetAccessAsync(cancellationToken);
            allowed = (await DevelopmentAccess.LoadAsync(db, access, attachment.RecordId, tracked: false, cancellationToken)).Succeeded;
        }

        var stream = allowed ? await storage.OpenAsync(attachment.StorageKey, cancellationToken) : null;
        return stream is null ? Problems.NotFound(AttachmentNotFound) : TypedResults.Stream(stream, attachment.ContentType);
    }
}
