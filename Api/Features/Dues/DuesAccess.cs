using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Dues;

/// <summary>Who may act on whose dues: the member's branch committee (and the admins above it); the member for their own base.</summary>
internal static class DuesAccess
{
    public sealed record MemberRef(int Id, string Name, int BranchId);

    /// <summary>
    /// The member when the caller manages their branch (or is the member and <paramref name="selfAllowed"/>); else 403
    /// (the caller sees the branch), or 404 <see cref="UnitAccess.MemberNotFound"/>, the same for an unknown id and a
    /// member of a branch the caller cannot see.
    /// </summary>
    public static async Task<Result<MemberRef>> LoadMemberAsync(
        AppDbContext db, CurrentMember current, int memberId, bool selfAllowed, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new MemberRef(m.Id, m.Name, m.BranchId)).FirstOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Refusals.NotFound(UnitAccess.MemberNotFound);
        }

        if (selfAllowed && member.Id == current.Id)
        {
            return member;
        }

        var access = await current.GetAccessAsync(cancellationToken);
        var check = UnitAccess.Check(access, member.BranchId, access.CanManage, UnitAccess.MemberNotFound);
        return check.Succeeded ? member : check.Error!;
    }

    /// <summary>The branch when the caller manages it; else 404 (not visible) or 403.</summary>
    public static async Task<Result<Domain.Organization.OrganizationUnit>> LoadBranchAsync(AppDbContext db, CurrentMember current, int branchId, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, error) = await db.LoadUnitAsync(access, branchId, access.CanManage, cancellationToken);
        return error is not null ? error
            : unit is { Kind: Domain.Organization.UnitKind.Branch } ? unit
            : Refusals.NotFound("未找到该支部，或您无权查看。");
    }
}
