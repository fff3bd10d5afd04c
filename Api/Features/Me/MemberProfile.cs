using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Me;

/// <summary>A unit as shown next to a member.</summary>
public sealed record UnitSummary(int Id, string Name, UnitKind Kind);

/// <summary>A role the member holds today.</summary>
public sealed record RoleSummary(int UnitId, string UnitName, CommitteeRole Role, string RoleName, DateOnly EndsOn);

/// <summary>The signed-in member as the mini-program shows them.</summary>
public sealed record MemberProfile(
    int Id,
    string Name,
    string Number,
    MembershipStatus Status,
    bool HasVote,
    UnitSummary Branch,
    UnitSummary? PartyGroup,
    IReadOnlyList<RoleSummary> Roles);

internal static class MemberProfiles
{
    /// <summary>Loads the profile of a member with the roles active today.</summary>
    public static async Task<MemberProfile?> LoadAsync(AppDbContext db, int memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Today(now);
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return null;
        }

        var unitIds = new[] { member.BranchId, member.PartyGroupId ?? member.BranchId };
        var units = await db.Units.AsNoTracking()
            .Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new UnitSummary(u.Id, u.Name, u.Kind), cancellationToken);
        var roles = await db.Appointments.AsNoTracking()
            .Where(a => a.MemberId == memberId && a.StartsOn <= today && a.EndsOn >= today)
            .OrderBy(a => a.Role)
            .Select(a => new { a.UnitId, UnitName = a.Unit!.Name, a.Role, a.EndsOn })
            .ToListAsync(cancellationToken);

        return new MemberProfile(
            member.Id,
            member.Name,
            member.Number,
            member.Status,
            member.HasVote,
            units[member.BranchId],
            member.PartyGroupId is int groupId ? units[groupId] : null,
            roles.Select(r => new RoleSummary(r.UnitId, r.UnitName, r.Role, r.Role.DisplayName(), r.EndsOn)).ToList());
    }
}
