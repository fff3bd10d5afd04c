using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

public static class PostNotice
{
    /// <summary>
    /// A new notice. <c>body</c> is rich text (an HTML subset the mini-program's rich-text component shows);
    /// anything outside the allow-list is removed. <c>confirmNotClassified</c> must be true: the poster
    /// confirms the notice contains nothing classified.
    /// </summary>
    public sealed record Request(
        string Title,
        string Body,
        Visibility? Visibility,
        AudienceRequest Audience,
        bool RequiresAck,
        bool Pinned,
        bool ConfirmNotClassified);

    /// <summary>The stored notice: <c>Published</c>, or <c>PendingApproval</c> with the reason it is held.</summary>
    public sealed record Response(int Id, NoticeStatus Status, NoticeHoldReason? HoldReason, int RecipientCount);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NoticeTitle();
            RuleFor(r => r.Body).NoticeBody();
            // No default: a forgotten level must not silently make a notice public.
            RuleFor(r => r.Visibility).NotNull().WithMessage("请选择信息级别（公开、党内或支委）。").IsInEnum().WithMessage("信息级别无效。");
            RuleFor(r => r.Audience).NotNull().WithMessage("请选择通知对象。").SetValidator(new AudienceRequestValidator());
            RuleFor(r => r.ConfirmNotClassified).ConfirmedNotClassified();
        }
    }

    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        AudienceResolver audiences,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var audience = request.Audience.ToAudience();
        var (owner, refused) = await audiences.PostingOwnerAsync(access, audience, "只有支部委员或党总支管理员可以发布通知。", cancellationToken);
        if (owner is null)
        {
            return Problems.From(refused!);
        }

        var (text, problem) = await NoticeText.PrepareAsync(request.Title, request.Body, current.OpenId, check, cancellationToken);
        if (problem is not null)
        {
            return Problems.From(problem);
        }

        var now = time.GetUtcNow();
        var notice = new Notice(owner.UnitId, owner.GeneralBranchId, current.Id, text!.Title, text.Body, request.Visibility!.Value,
            request.RequiresAck, request.Pinned, request.Audience.Units, request.Audience.Members, now);
        if (text.Verdict == ContentVerdict.Pass
            && notice.Publish(now, await NoticeRules.AudienceForPublicationAsync(audiences, access.Units, notice, now, cancellationToken)) is { Error: { } notPublished })
        {
            return Problems.From(notPublished);
        }

        if (text.Verdict != ContentVerdict.Pass)
        {
            notice.Hold(text.Verdict == ContentVerdict.Review ? NoticeHoldReason.ContentReview : NoticeHoldReason.CheckUnavailable);
        }

        db.Notices.Add(notice);
        await db.SaveWithAuditAsync(() => audit.Record(
            notice.UnitId,
            notice.IsPublished ? "notice.published" : "notice.held",
            SubjectTypes.Notice,
            notice.Id,
            notice.IsPublished ? $"发布通知《{notice.Title}》，对象{notice.Recipients.Count}人" : $"提交通知《{notice.Title}》，待审核"), cancellationToken);

        return TypedResults.Created($"/api/notices/{notice.Id}", new Response(notice.Id, notice.Status, notice.HoldReason, notice.Recipients.Count));
    }
}
