namespace SmartBranch.Api.Features.Meetings;

public static class GetMeeting
{
    public static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> Handle(
        int id,
        AppDbContext db,
        CurrentMember current,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null || !access.CanSee(meeting, meeting.Find(current.Id) is not null))
        {
            return Problems.NotFound("会议不存在或您无权查看。");
        }

        return TypedResults.Ok(await MeetingViews.DetailAsync(db, meeting, access, time.GetUtcNow(), cancellationToken));
    }
}
