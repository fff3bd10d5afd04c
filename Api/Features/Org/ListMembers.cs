using SmartBranch.Api.Common.Privacy;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class ListMembers
{
    /// <summary>The people of a unit (a general branch lists every branch below it), as the caller may see them.</summary>
    public sealed record Response(int UnitId, int Count, IReadOnlyList<MemberEntry> Members);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        PhoneNumbers phones,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadUnitAsync(access, id, access.CanSeeMembersOf, cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var query = db.Members.AsNoTracking();
        query = unit.Kind switch
        {
            UnitKind.GeneralBranch => query.Where(m => db.Units.Any(b => b.Id == m.BranchId && b.ParentId == id)),
            UnitKind.Branch => query.Where(m => m.BranchId == id),
            _ => query.Where(m => m.PartyGroupId == id),
        };
        var members = await query.OrderBy(m => m.BranchId).ThenBy(m => m.Number).ToListAsync(cancellationToken);
        var entries = await MemberEntries.BuildAsync(db, access, phones, members, LocalCalendar.Today(time.GetUtcNow()), cancellationToken);
        return TypedResults.Ok(new Response(id, entries.Count, entries));
    }
}
