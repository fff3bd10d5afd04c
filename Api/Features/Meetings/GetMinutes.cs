using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>One published version of the minutes.</summary>
public sealed record MinutesRevisionView(int Number, string Content, PersonView Author, DateTimeOffset At);

/// <summary>
/// The minutes: the current text and, once published, every revision in order (oldest first). A draft is
/// shown only to those who may write it.
/// </summary>
public sealed record MinutesView(int MeetingId, bool IsPublished, string Content, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, IReadOnlyList<MinutesRevisionView> Revisions);

public static class GetMinutes
{
    public static async Task<Results<Ok<MinutesView>, ProblemHttpResult>> Handle(
        int id,
        AppDbContext db,
        CurrentMember current,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null || !access.CanReadContent(meeting))
        {
            return Problems.NotFound("会议记录不存在或您无权查看。");
        }

        var minutes = await db.Minutes.AsNoTracking().Include(m => m.Revisions).SingleOrDefaultAsync(m => m.MeetingId == id, cancellationToken);
        if (minutes is null || (!minutes.IsPublished && !access.CanWriteMinutes(meeting)))
        {
            return Problems.NotFound("会议记录尚未发布。");
        }

        return TypedResults.Ok(await MinutesViews.LoadAsync(db, minutes, cancellationToken));
    }
}

internal static class MinutesViews
{
    public static async Task<MinutesView> LoadAsync(AppDbContext db, Minutes minutes, CancellationToken cancellationToken)
    {
        var authorIds = minutes.Revisions.Select(r => r.AuthorId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => authorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return new MinutesView(
            minutes.MeetingId,
            minutes.IsPublished,
            minutes.Current,
            minutes.PublishedAt,
            minutes.UpdatedAt,
            minutes.Revisions
                .OrderBy(r => r.Number)
                .Select(r => new MinutesRevisionView(r.Number, r.Content, new PersonView(r.AuthorId, names.GetValueOrDefault(r.AuthorId, string.Empty)), r.At))
                .ToList());
    }
}
