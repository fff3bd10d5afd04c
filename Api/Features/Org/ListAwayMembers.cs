using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class ListAwayMembers
{
    public sealed record Response(int UnitId, int Months, IReadOnlyList<AwayMember> Members);

    /// <summary>
    /// Members of the branch (or of every branch below a general branch) flagged as away for
    /// <c>Org:AwayMonths</c> months (6) without a transfer; see <see cref="OrgFlags"/> for what "away" means.
    /// For the unit's managers; 403/404 otherwise.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        OrgFlags flags,
        IOptions<OrgOptions> options,
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
        return TypedResults.Ok(new Response(id, options.Value.AwayMonths, await flags.AwayMembersAsync(branches, cancellationToken)));
    }
}
