using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Common.Auth;

/// <summary>A unit the caller may act on, or the refusal to send instead.</summary>
public readonly record struct UnitAccessResult(OrganizationUnit? Unit, ProblemHttpResult? Refusal)
{
    public bool Allowed => Refusal is null;
}

/// <summary>
/// The gate every organisation endpoint goes through, on top of <see cref="AccessScope"/>: a unit the
/// caller may not view is answered 404 (they may not know it exists); a unit they may view but not act on
/// in the asked way is answered 403.
/// </summary>
public static class UnitAccess
{
    /// <summary>Loads the unit (untracked) when the caller may view it and <paramref name="may"/> allows the action.</summary>
    public static async Task<UnitAccessResult> LoadUnitAsync(
        this AppDbContext db,
        AccessScope access,
        int unitId,
        Func<int, bool> may,
        CancellationToken cancellationToken)
    {
        if (!access.CanView(unitId))
        {
            return new UnitAccessResult(null, Problems.NotFound());
        }

        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return new UnitAccessResult(null, Problems.NotFound());
        }

        return may(unitId) ? new UnitAccessResult(unit, null) : new UnitAccessResult(null, Problems.Forbidden());
    }

    /// <summary>The refusal for something inside <paramref name="unitId"/> (a member, an appointment): 404 unless visible, 403 unless allowed.</summary>
    public static ProblemHttpResult? Check(AccessScope access, int unitId, Func<int, bool> may) =>
        !access.CanView(unitId) ? Problems.NotFound()
        : !may(unitId) ? Problems.Forbidden()
        : null;
}
