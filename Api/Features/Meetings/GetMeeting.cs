namespace SmartBranch.Api.Features.Meetings;

public static class GetMeeting
{
    public static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> Handle(
        int id,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (meeting, refusal) = await MeetingAccess.FindAsync(db, access, id, tracked: false, cancellationToken);
        if (meeting is null)
        {
            return Problems.From(refusal!);
        }

        return TypedResults.Ok(await MeetingViews.DetailAsync(db, meeting, access, time.GetUtcNow(), cancellationToken));
    }
}
