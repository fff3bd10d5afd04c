using SmartBranch.Api.Features.Me;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class GetUnit
{
    /// <summary>A role holder of the unit today.</summary>
    public sealed record Seat(int AppointmentId, int MemberId, string MemberName, CommitteeRole Role, string RoleName, DateOnly StartsOn, DateOnly EndsOn);

    /// <summary>A unit with its place in the tree, its committee (or group leader) today and its head count.</summary>
    public sealed record Response(
        int Id,
        string Name,
        UnitKind Kind,
        BranchCategory Category,
        UnitSummary? Parent,
        IReadOnlyList<UnitSummary> Children,
        IReadOnlyList<Seat> Committee,
        int MemberCount,
        bool CanManage);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
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
            UnitKind.GeneralBranch => await db.Members.CountAsync(m => db.Units.Any(b => b.Id == m.BranchId && b.ParentId == id), cancellationToken),
            UnitKind.Branch => await db.Members.CountAsync(m => m.BranchId == id, cancellationToken),
            _ => await db.Members.CountAsync(m => m.PartyGroupId == id, cancellationToken),
        };

        return TypedResults.Ok(new Response(unit.Id, unit.Name, unit.Kind, unit.Category, parent, children, committee, memberCount, access.CanManage(id)));
    }
}
