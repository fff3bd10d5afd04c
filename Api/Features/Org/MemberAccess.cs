using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

/// <summary>The gate for endpoints that act on one roster entry, the member-level twin of <see cref="UnitAccess.LoadUnitAsync"/>.</summary>
internal static class MemberAccess
{
    /// <summary>
    /// The member (tracked, to be changed), or the refusal: not found (404, the same <see cref="UnitAccess.MemberNotFound"/>)
    /// for an unknown id or one in a branch the caller cannot view, forbidden (403) unless <paramref name="may"/> allows acting in the member's branch.
    /// </summary>
    public static async Task<Result<Member>> LoadMemberAsync(
        this AppDbContext db, AccessScope access, int memberId, Func<int, bool> may, CancellationToken cancellationToken)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return Refusals.NotFound(UnitAccess.MemberNotFound);
        }

        return UnitAccess.Check(access, member.BranchId, may, UnitAccess.MemberNotFound) is { Error: { } refusal } ? refusal : member;
    }
}
