namespace SmartBranch.Api.Features.Walls;

public static class GetMessageWall
{
    /// <summary>
    /// The wall's approved messages (and pending ones for organisers). <c>afterId</c> returns only newer messages,
    /// for polling. 404 when the caller may not see the meeting or activity.
    /// </summary>
    public static async Task<Results<Ok<WallView>, ProblemHttpResult>> Handle(int id, int? afterId, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var found = await WallViews.FindAsync(db, access, id, tracked: false, cancellationToken);
        return found is not { } f ? Problems.NotFound(WallViews.NotFoundDetail) : TypedResults.Ok(await WallViews.BuildAsync(db, f.Wall, f.Target.CanManage, current.Id, afterId, cancellationToken));
    }
}
