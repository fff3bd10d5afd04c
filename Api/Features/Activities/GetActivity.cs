namespace SmartBranch.Api.Features.Activities;

public static class GetActivity
{
    public static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> Handle(
        int id, AppDbContext db, CurrentMember current, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var view = await ActivityAccess.LoadAsync(db, id, access, cancellationToken);
        return view is null
            ? Problems.NotFound(ActivityAccess.NotFoundDetail)
            : TypedResults.Ok(await ActivityResponses.LoadAsync(db, view, current.Id, cancellationToken));
    }
}
