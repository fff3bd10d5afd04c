namespace SmartBranch.Api.Features.Org;

public static class ListStatusEvents
{
    /// <summary>
    /// The member's Party-life events, oldest first, as <c>{ items, nextCursor: null }</c> (never paged; the member is the
    /// one in the route; whether and since when they are archived is <c>archivedOn</c> of their roster entry).
    /// For the member themself and the committee of their branch (and admins above); 404 for others.
    /// </summary>
    public static async Task<Results<Ok<ListPage<StatusEventView>>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null || (member.Id != current.Id && !access.CanManage(member.BranchId)))
        {
            return Problems.NotFound(UnitAccess.MemberNotFound);
        }

        var rows = await db.MemberStatusEvents.AsNoTracking()
            .Where(e => e.MemberId == id)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.Id)
            .Join(db.Members, e => e.RecordedByMemberId, m => m.Id, (e, m) => new { Event = e, m.Name })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<StatusEventView>(rows.Select(r => StatusEventView.From(r.Event, r.Name)).ToList()));
    }
}
