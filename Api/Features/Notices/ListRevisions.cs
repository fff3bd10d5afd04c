namespace SmartBranch.Api.Features.Notices;

public static class ListRevisions
{
    /// <summary>An earlier text of the notice.</summary>
    public sealed record Revision(int Version, string Title, string Body, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt);

    /// <summary>The current version and every earlier text, newest first.</summary>
    public sealed record Response(int NoticeId, int CurrentVersion, IReadOnlyList<Revision> Revisions);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        var viewer = await Reader.LoadAsync(current, cancellationToken);
        var (notice, _, refusal) = await NoticeRules.LoadReadableAsync(db, id, viewer, cancellationToken);
        if (notice is null)
        {
            return Problems.From(refusal!);
        }

        var revisions = await db.NoticeRevisions.AsNoTracking()
            .Where(r => r.NoticeId == notice.Id)
            .OrderByDescending(r => r.Version)
            .Select(r => new Revision(r.Version, r.Title, r.Body, r.WrittenAt, r.ReplacedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response(notice.Id, notice.Version, revisions));
    }
}
