using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

public static class EditNotice
{
    /// <summary>The new text. The earlier text is kept as a revision; readers see that the notice changed.</summary>
    public sealed record Request(string Title, string Body, bool Pinned, bool ConfirmNotClassified);

    /// <summary>The notice after the edit: published again, or held when the new text needs approval.</summary>
    public sealed record Response(int Id, int Version, NoticeStatus Status, NoticeHoldReason? HoldReason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NoticeTitle();
            RuleFor(r => r.Body).NoticeBody();
            RuleFor(r => r.ConfirmNotClassified).ConfirmedNotClassified();
        }
    }

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        AudienceResolver audiences,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var (managed, refusal) = await NoticeRules.LoadManagedAsync(services, id, "只有发布单位的支委或党总支管理员可以修改通知。");
        if (managed is null)
        {
            return Problems.From(refusal!);
        }

        var (notice, viewer) = managed;

        if (notice.Status == NoticeStatus.Withdrawn)
        {
            return Problems.Conflict("通知已撤回", "已撤回的通知不能再修改。");
        }

        var (text, problem) = await NoticeText.PrepareAsync(request.Title, request.Body, current.OpenId, check, cancellationToken);
        if (problem is not null)
        {
            return Problems.From(problem);
        }

        var now = time.GetUtcNow();
        db.NoticeRevisions.Add(notice.Edit(text!.Title, text.Body, request.Pinned, current.Id, now));
        if (text.Verdict == ContentVerdict.Pass
            && notice.Publish(now, await NoticeRules.AudienceForPublicationAsync(audiences, viewer.Access!.Units, notice, now, cancellationToken)) is { Error: { } notPublished })
        {
            return Problems.From(notPublished);
        }

        if (text.Verdict != ContentVerdict.Pass)
        {
            // The new text is not shown unchecked: the notice waits for approval again.
            notice.Hold(text.Verdict == ContentVerdict.Review ? NoticeHoldReason.ContentReview : NoticeHoldReason.CheckUnavailable);
        }

        audit.Record(notice.UnitId, "notice.edited", SubjectTypes.Notice, notice.Id,
            notice.IsPublished ? $"修改通知《{notice.Title}》（第{notice.Version}版）" : $"修改通知《{notice.Title}》（第{notice.Version}版），待审核");
        if (!await NoticeRules.TrySaveAsync(db, cancellationToken))
        {
            return NoticeRules.Changed();
        }
        return TypedResults.Ok(new Response(notice.Id, notice.Version, notice.Status, notice.HoldReason));
    }
}
