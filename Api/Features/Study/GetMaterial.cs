namespace SmartBranch.Api.Features.Study;

public static class GetMaterial
{
    /// <summary>A material with its body, fresh signed media links and the caller's progress. 404 for anyone who may not read it (another branch's internal material, a committee material to a plain member), as for a missing id.</summary>
    public static async Task<Results<Ok<StudyMaterialView>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        StudyMediaLinks links,
        IOptions<StudyOptions> options,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (readable, refusal) = await StudyAccess.LoadReadableAsync(db, access, id, track: false, cancellationToken);
        if (readable is null)
        {
            return Problems.From(refusal!);
        }

        var progress = await db.StudyProgress.AsNoTracking().FirstOrDefaultAsync(p => p.MaterialId == id && p.MemberId == current.Id, cancellationToken);
        return TypedResults.Ok(StudyViews.Material(readable, progress, options.Value, links, current.Id));
    }
}
