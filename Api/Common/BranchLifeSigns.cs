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

    public BranchUnits(IReadOnlyCollection<int> branchIds, CachedUnits units)
        : this(branchIds, GroupsUnder(branchIds, units))
    {
    }

    /// <summary>The branches with their party groups already found (ordered by id), e.g. from a children index of the tree.</summary>
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

    private static List<UnitEntry> GroupsUnder(IReadOnlyCollection<int> branchIds, CachedUnits units)
    {
        var asked = branchIds.ToHashSet();
        return [.. units.Units.Where(u => u.Kind == UnitKind.PartyGroup && u.ParentId is { } parent && asked.Contains(parent)).OrderBy(u => u.Id)];
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
