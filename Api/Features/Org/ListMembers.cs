using SmartBranch.Api.Common.Privacy;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class ListMembers
{
    /// <summary>
    /// The people of a unit (a general branch lists every branch below it), as the caller may see them.
    /// Archived members (停止党籍, 出党, deceased, transferred out) are left out unless <c>archived=true</c>,
    /// which only the unit's managers may ask for. Answers <c>{ items, nextCursor: null }</c> (never paged; the unit is the
    /// one in the route and the count is the number of items).
    /// </summary>
    public static async Task<Results<Ok<ListPage<MemberEntry>>, ProblemHttpResult>> Handle(
        int id,
        bool? archived,
        PhoneNumbers phones,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadUnitAsync(access, id, access.CanSeeMembersOf, cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var showArchived = archived == true && access.CanManage(id);
        var query = db.Members.AsNoTracking().Where(m => showArchived ? m.ArchivedOn != null : m.ArchivedOn == null);
        query = unit.Kind switch
        {
            UnitKind.GeneralBranch => query.Where(m => db.Units.Any(b => b.Id == m.BranchId && b.ParentId == id)),
            UnitKind.Branch => query.Where(m => m.BranchId == id),
            _ => query.Where(m => m.PartyGroupId == id),
        };
        var members = await query.OrderBy(m => m.BranchId).ThenBy(m => m.Number).ToListAsync(cancellationToken);
        var entries = await MemberEntries.BuildAsync(db, access, phones, members, LocalCalendar.Today(time.GetUtcNow()), cancellationToken);
        return TypedResults.Ok(new ListPage<MemberEntry>(entries));
    }
}
