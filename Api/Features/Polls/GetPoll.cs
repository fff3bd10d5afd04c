namespace SmartBranch.Api.Features.Polls;

public static class GetPoll
{
    /// <summary>A poll with live results (counts update with every vote). 404 when the caller may not see its target.</summary>
    public static async Task<Results<Ok<PollView>, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var found = await PollViews.FindAsync(db, access, id, tracked: false, cancellationToken);
        return found is not { } f
            ? Problems.NotFound("未找到该投票，或您无权查看。")
            : TypedResults.Ok(await PollViews.BuildAsync(db, f.Poll, current.Id, f.Target.CanManage, time.GetUtcNow(), cancellationToken));
    }
}
