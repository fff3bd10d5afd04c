using SmartBranch.Api.Common.Privacy;
using SmartBranch.Api.Features.Me;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

/// <summary>
/// A person in the member directory. The committee of the person's branch (and the admins above it) see
/// every field; everyone else sees name, branch, group and roles, with the phone masked (138****0000) and
/// the personal fields null. <c>archivedOn</c> (for those who see every field) is the day the member left the roster
/// (停止党籍, 出党, deceased, transferred out), null while on it.
/// </summary>
public sealed record MemberEntry(
    int Id,
    string Name,
    UnitSummary Branch,
    UnitSummary? PartyGroup,
    IReadOnlyList<RoleSummary> Roles,
    string? Phone,
    bool PhoneMasked,
    string? Number,
    MembershipStatus? Status,
    bool? HasVote,
    DateOnly? AdmittedOn,
    DateOnly? FullSince,
    bool? IsBound,
    DateOnly? ArchivedOn = null);

internal static class MemberEntries
{
    /// <summary>Directory entries for <paramref name="members"/>, each shown as the caller may see it.</summary>
    public static async Task<IReadOnlyList<MemberEntry>> BuildAsync(
        AppDbContext db,
        AccessScope access,
        PhoneNumbers phones,
        IReadOnlyList<Member> members,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var unitIds = members.Select(m => m.BranchId).Concat(members.Where(m => m.PartyGroupId != null).Select(m => m.PartyGroupId!.Value)).Distinct().ToList();
        var units = await db.Units.AsNoTracking()
            .Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new UnitSummary(u.Id, u.Name, u.Kind), cancellationToken);
        var memberIds = members.Select(m => m.Id).ToList();
        var roles = (await db.Appointments.AsNoTracking()
                .Where(a => memberIds.Contains(a.MemberId) && a.StartsOn <= today && a.EndsOn >= today)
                .Select(a => new { a.MemberId, a.UnitId, UnitName = a.Unit!.Name, a.Role, a.EndsOn })
                .ToListAsync(cancellationToken))
            .OrderBy(a => a.Role)
            .ToLookup(a => a.MemberId, a => new RoleSummary(a.UnitId, a.UnitName, a.Role, a.Role.DisplayName(), a.EndsOn));

        return members.Select(m => Entry(m, access.CanSeePersonalDetails(m.BranchId), units, roles[m.Id].ToList(), phones)).ToList();
    }

    private static MemberEntry Entry(Member m, bool full, IReadOnlyDictionary<int, UnitSummary> units, IReadOnlyList<RoleSummary> roles, PhoneNumbers phones)
    {
        var phone = phones.Reveal(m.Phone);
        var group = m.PartyGroupId is int g ? units[g] : null;
        return full
            ? new MemberEntry(m.Id, m.Name, units[m.BranchId], group, roles, phone, false, m.Number, m.Status, m.HasVote, m.AdmittedOn, m.FullSince, m.IsBound, m.ArchivedOn)
            : new MemberEntry(m.Id, m.Name, units[m.BranchId], group, roles, PhoneNumbers.Mask(phone), true, null, null, null, null, null, null);
    }
}
