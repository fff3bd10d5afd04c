using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;
using SmartBranch.Domain.Study;

namespace SmartBranch.Api.Features.Study;

public static class PublishMaterial
{
    /// <summary>
    /// A study material for <c>unitId</c> (the caller's branch as its committee, or a general branch as its admin: then
    /// for all its branches). <c>kind</c> Text needs <c>body</c> (rich text, sanitised like a notice's); Audio, Video and
    /// Pdf need <c>mediaId</c>, a completed upload of the caller of that kind (<c>body</c> is then optional notes).
    /// <c>estimatedMinutes</c> is the study time the material is worth (1–480). <c>confirmNotClassified</c> must be true.
    /// </summary>
    public sealed record Request(
        int UnitId,
        string Title,
        string Topic,
        StudyMaterialKind? Kind,
        string? Body,
        Guid? MediaId,
        Visibility? Visibility,
        int EstimatedMinutes,
        bool ConfirmNotClassified);

    /// <summary>The stored material: <c>Published</c>, or <c>PendingApproval</c> (every video; text WeChat's check asked to review).</summary>
    public sealed record Response(int Id, StudyMaterialStatus Status);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("请填写标题。").VisibleText().WithMessage("请填写标题。")
                .TrimmedMaximumLength(StudyMaterial.TitleMaxLength).WithMessage($"标题不能超过{StudyMaterial.TitleMaxLength}个字。");
            RuleFor(r => r.Topic).NotEmpty().WithMessage("请填写专题。").VisibleText().WithMessage("请填写专题。")
                .TrimmedMaximumLength(StudyMaterial.TopicMaxLength).WithMessage($"专题不能超过{StudyMaterial.TopicMaxLength}个字。");
            RuleFor(r => r.Kind).NotNull().WithMessage("请选择资料类型（Text、Audio、Video 或 Pdf）。").IsInEnum().WithMessage("资料类型无效。");
            RuleFor(r => r.Visibility).NotNull().WithMessage("请选择信息级别（公开、党内或支委）。").IsInEnum().WithMessage("信息级别无效。");
            RuleFor(r => r.Body).MaximumLength(StudyMaterial.BodyMaxLength).WithMessage($"正文不能超过{StudyMaterial.BodyMaxLength}个字符（含格式）。");
            RuleFor(r => r.Body).NotEmpty().When(r => r.Kind == StudyMaterialKind.Text).WithMessage("文字资料请填写正文。");
            RuleFor(r => r.MediaId).NotNull().When(r => r.Kind is StudyMaterialKind.Audio or StudyMaterialKind.Video or StudyMaterialKind.Pdf).WithMessage("请先上传音频、视频或 PDF 文件。");
            RuleFor(r => r.MediaId).Null().When(r => r.Kind == StudyMaterialKind.Text).WithMessage("文字资料不能附带媒体文件。");
            RuleFor(r => r.EstimatedMinutes).InclusiveBetween(1, StudyMaterial.MaxEstimatedMinutes).WithMessage($"预计学习时长应在1到{StudyMaterial.MaxEstimatedMinutes}分钟之间。");
            RuleFor(r => r.ConfirmNotClassified).Equal(true).WithMessage("请确认学习资料不涉及国家秘密（涉密信息不得在本系统发布）。");
        }
    }

    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        AudienceResolver audiences,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        // The same rule as a notice addressed to that unit: whom the caller may address, and which unit owns it.
        var access = await current.GetAccessAsync(cancellationToken);
        var (owner, refused) = await audiences.PostingOwnerAsync(access, new Audience([request.UnitId], []), "只有支部委员或党总支管理员可以发布学习资料。", cancellationToken);
        if (owner is null)
        {
            return Problems.From(refused!);
        }

        var kind = request.Kind!.Value;
        StudyMedia? media = null;
        if (request.MediaId is Guid mediaId)
        {
            media = await db.StudyMedia.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId && m.UploaderMemberId == current.Id, cancellationToken);
            if (media is null || media.Status is StudyMediaStatus.Uploading or StudyMediaStatus.Rejected || media.Kind != ToMediaKind(kind))
            {
                return Problems.BadRequest("媒体文件无效", "请选择您已上传完成、且与资料类型一致的音频、视频或 PDF 文件。");
            }
        }

        string? body = null;
        if (!string.IsNullOrWhiteSpace(request.Body))
        {
            body = RichTextHtml.Sanitize(request.Body);
            if (kind == StudyMaterialKind.Text && !RichTextHtml.HasContent(body))
            {
                return Problems.BadRequest("正文不能为空", "正文在去除不支持的格式后没有内容，请输入资料正文。");
            }
        }

        var title = request.Title.Trim();
        var topic = request.Topic.Trim();
        var (screened, textRefusal) = await check.ScreenAsync(current.OpenId, title, [topic, body is null ? null : RichTextHtml.ToPlainText(body)], cancellationToken);
        if (textRefusal is not null)
        {
            return Problems.From(textRefusal);
        }

        var needsApproval = kind == StudyMaterialKind.Video || screened != ContentVerdict.Pass;
        var material = new StudyMaterial(owner.UnitId, current.Id, title, topic, kind, body, media?.Id, request.Visibility!.Value, request.EstimatedMinutes, needsApproval, time.GetUtcNow());
        db.StudyMaterials.Add(material);
        await db.SaveWithAuditAsync(() => audit.Record(
            material.UnitId,
            material.IsPublished ? "study.material_published" : "study.material_held",
            SubjectTypes.StudyMaterial,
            material.Id,
            (material.IsPublished ? $"发布学习资料《{material.Title}》" : $"提交学习资料《{material.Title}》，待审核") + screened.AuditNote()), cancellationToken);
        return TypedResults.Created($"/api/study/materials/{material.Id}", new Response(material.Id, material.Status));
    }

    private static StudyMediaKind? ToMediaKind(StudyMaterialKind kind) => kind switch
    {
        StudyMaterialKind.Audio => StudyMediaKind.Audio,
        StudyMaterialKind.Video => StudyMediaKind.Video,
        StudyMaterialKind.Pdf => StudyMediaKind.Pdf,
        _ => null,
    };
}
