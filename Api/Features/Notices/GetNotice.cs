using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

public static class GetNotice
{
    /// <summary>The caller's own state: only members of the audience have one.</summary>
    public sealed record MyState(bool IsRecipient, DateTimeOffset? ReadAt, DateTimeOffset? AckedAt);

    /// <summary>
    /// A notice as its reader sees it. <c>edited</c> is true once it changed after posting (earlier texts
    /// under /revisions). <c>figures</c> is filled for the committee that manages it.
    /// </summary>
    public sealed record Response(
        int Id,
        string Title,
        string Body,
        Visibility Visibility,
        NoticeStatus Status,
        NoticeHoldReason? HoldReason,
        bool RequiresAck,
        bool Pinned,
        DateTimeOffset CreatedAt,
        DateTimeOffset? PublishedAt,
        bool Edited,
        int Version,
        DateTimeOffset? EditedAt,
        int UnitId,
        string UnitName,
        string AuthorName,
        MyState Me,
        bool CanManage,
        NoticeFigures? Figures);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var viewer = await Reader.LoadAsync(current, cancellationToken);
        var (notice, recipient, refusal) = await NoticeRules.LoadReadableAsync(db, id, viewer, cancellationToken);
        if (notice is null)
        {
            return Problems.From(refusal!);
        }

        if (recipient is not null && notice.IsPublished && recipient.FirstReadAt is null)
        {
            // Opening the notice is reading it; only the first time counts.
            recipient.MarkRead(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        var canManage = NoticeRules.CanManage(viewer, notice);
        var unitName = await db.Units.Where(u => u.Id == notice.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        var authorName = await db.Members.Where(m => m.Id == notice.AuthorMemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        var figures = canManage && notice.HasBeenPublished ? await NoticeFigureQueries.LoadAsync(db, notice.Id, notice.RequiresAck, cancellationToken) : null;
        return TypedResults.Ok(new Response(
            notice.Id,
            notice.Title,
            notice.Body,
            notice.Visibility,
            notice.Status,
            notice.HoldReason,
            notice.RequiresAck,
            notice.Pinned,
            notice.CreatedAt,
            notice.PublishedAt,
            notice.IsEdited,
            notice.Version,
            notice.EditedAt,
            notice.UnitId,
            unitName,
            authorName,
            new MyState(recipient is not null, recipient?.FirstReadAt, recipient?.AckedAt),
            canManage,
            figures));
    }
}
