using System.Linq.Expressions;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Common;

/// <summary>
/// One kind of sign of life of a branch (a meeting held, a notice published, an activity run): the
/// inactivity flag of the compliance report takes the latest of every registered kind. Each area that
/// produces one registers its implementation in its module:
/// <c>services.AddScoped&lt;IBranchLifeSign, MeetingHeldSign&gt;()</c>.
/// </summary>
public interface IBranchLifeSign
{
    /// <summary>The latest time each of <paramref name="branches"/> showed this sign, at or before <paramref name="now"/>; branches without one are left out.</summary>
    Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(BranchUnits branches, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// Some branches and their party groups, taken from the cached unit tree (<see cref="CachedUnits"/>) so that a
/// query can find a branch's rows through a (unit, …) index without joining Units.
/// </summary>
public sealed class BranchUnits
{
    private readonly Dictionary<int, int> _branchOf;

    /// <summary>The branches with their party groups (ordered by id), found in the cached tree, e.g. through its children index.</summary>
    public BranchUnits(IReadOnlyCollection<int> branchIds, IReadOnlyList<UnitEntry> groups)
    {
        BranchIds = [.. branchIds];
        _branchOf = BranchIds.ToDictionary(id => id, id => id);
        Groups = groups;
        foreach (var group in Groups)
        {
            _branchOf[group.Id] = group.ParentId!.Value;
        }

        UnitIds = [.. _branchOf.Keys];
    }

    /// <summary>The party groups under the branches, by id.</summary>
    public IReadOnlyList<UnitEntry> Groups { get; }

    /// <summary>The branches asked about.</summary>
    public IReadOnlyList<int> BranchIds { get; }

    /// <summary>The branches and every party group under them.</summary>
    public IReadOnlyList<int> UnitIds { get; }

    /// <summary>The branch a unit of <see cref="UnitIds"/> belongs to (a branch belongs to itself).</summary>
    public int BranchOf(int unitId) => _branchOf[unitId];
}

/// <summary>A unit's latest sign of one kind (null: none yet), as <see cref="BranchLifeSignQueries.LatestPerBranchAsync"/> projects it.</summary>
public sealed record UnitLatestSign(int UnitId, DateTimeOffset? At);

/// <summary>The query shape the signs kept per unit (activities, notices) share.</summary>
public static class BranchLifeSignQueries
{
    /// <summary>
    /// The latest sign per branch, counting its party groups: <paramref name="latestOfUnit"/> is one seek per unit
    /// of <see cref="BranchUnits.UnitIds"/> (a correlated MAX through the sign's (unit, …) index) rather than reading
    /// every row; the units' latest are folded into their branch. Branches without a sign are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestPerBranchAsync(
        this AppDbContext db, BranchUnits branches, Expression<Func<OrganizationUnit, UnitLatestSign>> latestOfUnit, CancellationToken cancellationToken)
    {
        // The ids as one parameter (a JSON array read with json_each / OPENJSON): one SQL text whatever their number.
        var unitIds = branches.UnitIds;
        var latest = await db.Units.AsNoTracking()
            .Where(u => EF.Parameter(unitIds).Contains(u.Id))
            .Select(latestOfUnit)
            .ToListAsync(cancellationToken);
        return latest
            .Where(x => x.At is not null)
            .GroupBy(x => branches.BranchOf(x.UnitId))
            .ToDictionary(g => g.Key, g => g.Max(x => x.At!.Value));
    }
}
