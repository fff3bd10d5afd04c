namespace SmartBranch.Domain.Organization;

/// <summary>Position of a unit in the tree, enough to answer access and audience questions.</summary>
public readonly record struct UnitNode(int Id, UnitKind Kind, int? ParentId);

/// <summary>
/// The organisation's units (general branches, branches, party groups), loaded once per request and
/// walked by <see cref="AccessScope"/> and <see cref="AudiencePolicy"/>.
/// </summary>
public sealed class UnitTree
{
    private readonly IReadOnlyDictionary<int, UnitNode> _units;

    public UnitTree(IEnumerable<UnitNode> units) => _units = units.ToDictionary(u => u.Id);

    public IEnumerable<UnitNode> Units => _units.Values;

    public bool Contains(int unitId) => _units.ContainsKey(unitId);

    public UnitNode? Find(int unitId) => _units.TryGetValue(unitId, out var unit) ? unit : null;

    /// <summary>The branch a unit belongs to (itself for a branch, its parent for a group), or null for a general branch.</summary>
    public int? BranchOf(int unitId) => Find(unitId) is { } unit
        ? unit.Kind switch
        {
            UnitKind.Branch => unit.Id,
            UnitKind.PartyGroup => unit.ParentId,
            _ => null,
        }
        : null;

    /// <summary>True when <paramref name="ancestorId"/> is <paramref name="unitId"/> or above it.</summary>
    public bool IsWithin(int unitId, int ancestorId)
    {
        int? current = unitId;
        while (current is int id && _units.TryGetValue(id, out var node))
        {
            if (id == ancestorId)
            {
                return true;
            }

            current = node.ParentId;
        }

        return false;
    }
}
