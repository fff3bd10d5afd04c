using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class ListAwayMembers
{
    /// <summary>
    /// Members of the branch (or of every branch below a general branch) flagged as away for
    /// <c>Org:AwayMonths</c> months (6) without a transfer: no check-in for that long while their branch met.
    /// For the unit's managers; 403/404 otherwise. Answers <c>{ items, nextCursor: null }</c> (never paged; the unit is the
    /// one in the route, and each item carries the threshold as <c>awayMonths</c>).
    /// </summary>
    public static async Task<Results<Ok<ListPage<AwayMember>>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        OrgFlags flags,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadUnitAsync(access, id, access.CanManage, cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var branches = unit.Kind switch
        {
            UnitKind.Branch => [id],
            UnitKind.GeneralBranch => await db.Units.Where(u => u.ParentId == id && u.Kind == UnitKind.Branch).Select(u => u.Id).ToListAsync(cancellationToken),
            _ => (List<int>)[],
        };
        return TypedResults.Ok(new ListPage<AwayMember>(await flags.AwayMembersAsync(branches, cancellationToken)));
    }
}
