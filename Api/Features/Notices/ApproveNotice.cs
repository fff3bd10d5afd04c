using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

public static class ApproveNotice
{
    /// <summary>The notice after approval: published to its audience.</summary>
    public sealed record Response(int Id, NoticeStatus Status, int RecipientCount);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        AudienceResolver audiences,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var (managed, refusal) = await NoticeRules.LoadManagedAsync(services, id, "只有发布单位的支委或党总支管理员可以审核通知。");
        if (managed is null)
        {
            return Problems.From(refusal!);
        }

        var (notice, viewer) = managed;

        var now = time.GetUtcNow();
        var wasPublished = notice.HasBeenPublished;
        var outcome = notice.Approve(current.Id, now, await NoticeRules.AudienceForPublicationAsync(audiences, viewer.Access!.Units, notice, now, cancellationToken));
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome.Error!);
        }

        audit.Record(notice.UnitId, "notice.approved", SubjectTypes.Notice, notice.Id, $"审核通过通知《{notice.Title}》");
        if (!await NoticeRules.TrySaveAsync(db, cancellationToken))
        {
            return NoticeRules.Changed();
        }
        var recipients = wasPublished ? await db.NoticeRecipients.CountAsync(r => r.NoticeId == notice.Id, cancellationToken) : notice.Recipients.Count;
        return TypedResults.Ok(new Response(notice.Id, notice.Status, recipients));
    }
}
