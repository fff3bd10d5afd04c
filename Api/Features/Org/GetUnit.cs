using SmartBranch.Api.Features.Me;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class GetUnit
{
    /// <summary>A role holder of the unit today.</summary>
    public sealed record Seat(int AppointmentId, int MemberId, string MemberName, CommitteeRole Role, string RoleName, DateOnly StartsOn, DateOnly EndsOn);

    /// <summary>
    /// A unit with its place in the tree, its committee (or group leader) today, its head count of active
    /// (not archived) members, the day it was closed and, for a branch, its warnings (Domain/README.md "Organisation
    /// facts": fewer than 3 full members, more than 50 members, 7+ full members without a committee, no
    /// secretary, the committee term ending within <c>Org:TermEndWarningDays</c> days).
    /// </summary>
    public sealed record Response(
        int Id,
        string Name,
        UnitKind Kind,
        BranchCategory Category,
        UnitSummary? Parent,
        IReadOnlyList<UnitSummary> Children,
        IReadOnlyList<Seat> Committee,
        int MemberCount,
        bool CanManage,
        DateOnly? ClosedOn,
        IReadOnlyList<UnitWarning> Warnings);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        OrgFlags flags,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadUnitAsync(access, id, access.CanView, cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var today = LocalCalendar.Today(time.GetUtcNow());
        var parent = unit.ParentId is int parentId && access.CanView(parentId)
            ? await db.Units.AsNoTracking().Where(u => u.Id == parentId).Select(u => new UnitSummary(u.Id, u.Name, u.Kind)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var children = (await db.Units.AsNoTracking()
                .Where(u => u.ParentId == id)
                .OrderBy(u => u.Id)
                .Select(u => new UnitSummary(u.Id, u.Name, u.Kind))
                .ToListAsync(cancellationToken))
            .Where(c => access.CanView(c.Id))
            .ToList();
        var committee = (await db.Appointments.AsNoTracking()
                .Where(a => a.UnitId == id && a.StartsOn <= today && a.EndsOn >= today)
                .Select(a => new { a.Id, a.MemberId, MemberName = a.Member!.Name, a.Role, a.StartsOn, a.EndsOn })
                .ToListAsync(cancellationToken))
            .OrderBy(a => a.Role)
            .ThenBy(a => a.Id)
            .Select(a => new Seat(a.Id, a.MemberId, a.MemberName, a.Role, a.Role.DisplayName(), a.StartsOn, a.EndsOn))
            .ToList();
        var memberCount = unit.Kind switch
        {
            UnitKind.GeneralBranch => await db.Members.CountAsync(m => m.ArchivedOn == null && db.Units.Any(b => b.Id == m.BranchId && b.ParentId == id), cancellationToken),
            UnitKind.Branch => await db.Members.CountAsync(m => m.BranchId == id && m.ArchivedOn == null, cancellationToken),
            _ => await db.Members.CountAsync(m => m.PartyGroupId == id && m.ArchivedOn == null, cancellationToken),
        };

        return TypedResults.Ok(new Response(unit.Id, unit.Name, unit.Kind, unit.Category, parent, children, committee, memberCount, access.CanManage(id), unit.ClosedOn,
            access.CanManage(id) ? await flags.BranchWarningsAsync(unit, cancellationToken) : []));
    }
}
