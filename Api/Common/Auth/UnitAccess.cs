using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Common.Auth;

/// <summary>
/// The gate every organisation endpoint goes through, on top of <see cref="AccessScope"/>: a unit the
/// caller may not view is refused as not found (they may not know it exists); a unit they may view but not
/// act on in the asked way is refused as forbidden. Refusals are domain errors like any other
/// (<see cref="Problems.From"/> turns them into 404 and 403).
/// </summary>
public static class UnitAccess
{
    /// <summary>The one 404 for a unit that does not exist or that the caller cannot see.</summary>
    public const string UnitNotFound = "未找到该党组织，或您无权查看。";

    /// <summary>Loads the unit (untracked) when the caller may view it and <paramref name="may"/> allows the action.</summary>
    public static async Task<Result<OrganizationUnit>> LoadUnitAsync(
        this AppDbContext db,
        AccessScope access,
        int unitId,
        Func<int, bool> may,
        CancellationToken cancellationToken)
    {
        var unit = access.CanView(unitId) ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken) : null;
        if (unit is null)
        {
            return Refusals.NotFound(UnitNotFound);
        }

        return may(unitId) ? unit : Refusals.Forbidden();
    }

    /// <summary>
    /// <see cref="LoadUnitAsync"/> for work done by a branch (党支部): as that, and 400 under <paramref name="title"/> with
    /// <paramref name="detail"/> (its <paramref name="code"/>) when the unit is a general branch or a party group.
    /// </summary>
    public static async Task<Result<OrganizationUnit>> LoadBranchAsync(
        this AppDbContext db,
        AccessScope access,
        int unitId,
        Func<int, bool> may,
        string title,
        string detail,
        CancellationToken cancellationToken,
        string code = "unit.not_branch")
    {
        var loaded = await db.LoadUnitAsync(access, unitId, may, cancellationToken);
        return loaded.Value is { Kind: not UnitKind.Branch }
            ? new DomainError(code, detail, ErrorKind.Invalid, title)
            : loaded;
    }

    /// <summary>The one 404 for a member who does not exist or whom the caller cannot see.</summary>
    public const string MemberNotFound = "未找到该党员，或您无权查看。";

    /// <summary>
    /// The refusal for something inside <paramref name="unitId"/> (a member, an appointment): not found unless visible,
    /// forbidden unless allowed. <paramref name="notFound"/> is the detail the caller answers for a missing row of that
    /// kind (e.g. <see cref="MemberNotFound"/>), so a row in a unit the caller cannot see answers exactly like a missing
    /// one and does not reveal that it exists.
    /// </summary>
    public static Result Check(AccessScope access, int unitId, Func<int, bool> may, string notFound = UnitNotFound) =>
        !access.CanView(unitId) ? Refusals.NotFound(notFound)
        : !may(unitId) ? Refusals.Forbidden()
        : Result.Ok;
}
