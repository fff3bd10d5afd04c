using SmartBranch.Domain.Study;

namespace SmartBranch.Api.Features.Study;

public static class StartUpload
{
    /// <summary>
    /// Starts a chunked upload of a study file (audio, video or PDF). <c>size</c> is the file's length in bytes;
    /// <c>chunkSize</c> the bytes of every chunk but the last (between <c>Study:MinChunkBytes</c> and
    /// <c>Study:MaxChunkBytes</c>). The file name is kept for display only: the type is decided by the content.
    /// </summary>
    public sealed record Request(string FileName, long Size, int ChunkSize);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(IOptions<StudyOptions> options)
        {
            var o = options.Value;
            RuleFor(r => r.FileName).NotEmpty().WithMessage("请提供文件名。").MaximumLength(StudyMedia.FileNameMaxLength).WithMessage($"文件名不能超过{StudyMedia.FileNameMaxLength}个字符。");
            RuleFor(r => r.Size).GreaterThan(0).WithMessage("文件不能为空。")
                .LessThanOrEqualTo(o.MaxUploadBytes).WithMessage($"文件不能超过{o.MaxUploadBytes / (1024 * 1024)} MB。");
            RuleFor(r => r.ChunkSize).InclusiveBetween(o.MinChunkBytes, o.MaxChunkBytes)
                .WithMessage($"分片大小应在{o.MinChunkBytes / 1024} KB 到{o.MaxChunkBytes / 1024} KB 之间。");
        }
    }

    public static async Task<Results<Created<StudyUploadResponse>, ProblemHttpResult>> Handle(
        Request request,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (!access.CanPostNotices)
        {
            return Problems.Forbidden("只有支部委员或党总支管理员可以上传学习资料。");
        }

        var media = new StudyMedia(Guid.NewGuid(), current.Id, request.FileName.Trim(), request.Size, request.ChunkSize, time.GetUtcNow());
        db.StudyMedia.Add(media);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/study/uploads/{media.Id}", StudyUploads.ToResponse(media));
    }
}
