using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Development;

/// <summary>How the caller relates to a development record.</summary>
internal enum RecordRole
{
    /// <summary>The branch committee (书记, 组织委员 …) or a general-branch admin above it: everything.</summary>
    Committee,

    /// <summary>A training contact (培养联系人) or introducer (入党介绍人) assigned to the person: reads the record, writes observations.</summary>
    Contact,
}

/// <summary>A development record the caller may reach, and how they relate to it.</summary>
internal sealed record ReachedRecord(DevelopmentRecord Record, RecordRole Role);

/// <summary>
/// The gate of the development endpoints. The committee of the record's branch and the admins above it manage
/// the record; the assigned training contacts and introducers read it; anyone else (other members of the branch,
/// other branches) is told it does not exist (404), as everywhere in the API.
/// </summary>
internal static class DevelopmentAccess
{
    /// <summary>The one 404 for a development record that is missing or not the caller's to see (strangers cannot tell the two apart).</summary>
    public const string RecordNotFound = "未找到该发展党员记录，或您无权查看。";

    /// <summary>The record with its events (tracked when <paramref name="tracked"/>), and the caller's role; 404 otherwise.</summary>
    public static async Task<Result<ReachedRecord>> LoadAsync(
        AppDbContext db, AccessScope access, int recordId, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.DevelopmentRecords.Include(r => r.Steps).AsSplitQuery();
        var record = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return Refusals.NotFound(RecordNotFound);
        }

        if (access.CanManage(record.BranchId))
        {
            return new ReachedRecord(record, RecordRole.Committee);
        }

        return record.ContactIds.Contains(access.MemberId) || record.IntroducerIds.Contains(access.MemberId)
            ? new ReachedRecord(record, RecordRole.Contact)
            : Refusals.NotFound(RecordNotFound);
    }

    /// <summary>The timing rules in force (the configuration table).</summary>
    public static async Task<DevelopmentRules> RulesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        DevelopmentRules.From(await db.DevelopmentRules.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>The last day of the latest publicity held before <paramref name="step"/>, if any.</summary>
    public static async Task<DateOnly?> PublicityEndsOnAsync(AppDbContext db, int recordId, DevelopmentStepKind step, CancellationToken cancellationToken) =>
        await db.Publicities.AsNoTracking()
            .Where(p => p.RecordId == recordId && p.Before == step)
            .OrderByDescending(p => p.StartsOn)
            .Select(p => (DateOnly?)p.EndsOn)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Branches the caller manages inside <paramref name="unitId"/> (a branch, or a general branch for all its branches); 404/403 like the unit gate.</summary>
    public static Result<IReadOnlyList<int>> ManagedBranches(AccessScope access, int unitId)
    {
        if (!access.CanView(unitId))
        {
            return Refusals.NotFound(UnitAccess.UnitNotFound);
        }

        if (!access.CanManage(unitId))
        {
            return Refusals.Forbidden();
        }

        var branches = access.Units.Units
            .Where(u => u.Kind == UnitKind.Branch && (u.Id == unitId || access.IsWithin(u.Id, unitId)) && access.CanManage(u.Id))
            .Select(u => u.Id)
            .ToList();
        return new Result<IReadOnlyList<int>>(branches, null);
    }

    /// <summary>A 400 with the day the step becomes possible in <c>possibleOn</c> (yyyy-MM-dd) beside the Chinese detail.</summary>
    public static ProblemHttpResult TooEarly(DomainError error, DateOnly possibleOn) =>
        TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: "时间未到",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code, ["possibleOn"] = possibleOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
}
