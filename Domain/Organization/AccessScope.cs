namespace SmartBranch.Domain.Organization;

/// <summary>A role a member holds today.</summary>
public readonly record struct ActiveRole(int UnitId, CommitteeRole Role);

/// <summary>
/// The one place that answers "may this member do X in unit U". Rights come from the member's own
/// branch and group and from appointments active today; a secretary of branch A is a plain member
/// everywhere else.
/// </summary>
public sealed class AccessScope
{
    private readonly IReadOnlyList<ActiveRole> _roles;

    public AccessScope(int memberId, int branchId, int? partyGroupId, IEnumerable<ActiveRole> roles, UnitTree units)
    {
        MemberId = memberId;
        BranchId = branchId;
        PartyGroupId = partyGroupId;
        _roles = roles.ToList();
        Units = units;
    }

    /// <summary>The unit tree this scope was built on (loaded once per request; audience rules walk it too).</summary>
    public UnitTree Units { get; }

    public int MemberId { get; }

    public int BranchId { get; }

    public int? PartyGroupId { get; }

    public IReadOnlyList<ActiveRole> Roles => _roles;

    /// <summary>True when the member administers a general branch.</summary>
    public bool IsAdmin => _roles.Any(r => r.Role == CommitteeRole.GeneralBranchAdmin);

    /// <summary>True when the member sits on some committee or leads some group.</summary>
    public bool HasAnyManagementRole => _roles.Count > 0;

    /// <summary>True when the member administers a general branch or sits on a branch committee: who may post notices.</summary>
    public bool CanPostNotices => IsAdmin || _roles.Any(r => r.Role.IsBranchCommittee());

    /// <inheritdoc cref="UnitTree.BranchOf"/>
    public int? BranchOf(int unitId) => Units.BranchOf(unitId);

    /// <inheritdoc cref="UnitTree.IsWithin"/>
    public bool IsWithin(int unitId, int ancestorId) => Units.IsWithin(unitId, ancestorId);

    /// <summary>True when the member belongs to the unit: their branch, their group, or a general branch above them.</summary>
    public bool BelongsTo(int unitId) =>
        unitId == BranchId || unitId == PartyGroupId || IsWithin(BranchId, unitId);

    /// <summary>True when the member may see the unit and its internal content.</summary>
    public bool CanView(int unitId) =>
        Units.Contains(unitId) && (BelongsTo(unitId) || CanManage(unitId) || _roles.Any(r => IsWithin(r.UnitId, unitId)));

    /// <summary>True when the member sits on the committee of <paramref name="branchId"/> (书记, 副书记, 委员).</summary>
    public bool IsCommitteeOf(int branchId) =>
        _roles.Any(r => r.UnitId == branchId && r.Role.IsBranchCommittee());

    /// <summary>
    /// True when the member may manage the unit: a general-branch admin for everything below their
    /// general branch, the branch committee for the branch and its groups, a group leader for the group.
    /// </summary>
    public bool CanManage(int unitId)
    {
        if (Units.Find(unitId) is not { } unit)
        {
            return false;
        }

        foreach (var role in _roles)
        {
            switch (role.Role)
            {
                case CommitteeRole.GeneralBranchAdmin when IsWithin(unitId, role.UnitId):
                    return true;
                case CommitteeRole.GroupLeader when role.UnitId == unitId:
                    return true;
                case var r when r.IsBranchCommittee() && unit.Kind != UnitKind.GeneralBranch && BranchOf(unitId) == role.UnitId:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the member may appoint and remove role holders of the unit: whoever manages the unit,
    /// except that a party group's leader is appointed by its branch, not by the group leader.
    /// </summary>
    public bool CanAppointIn(int unitId) =>
        Units.Find(unitId) is { } unit && CanManage(unit.Kind == UnitKind.PartyGroup && unit.ParentId is int branchId ? branchId : unitId);

    /// <summary>True when the member may list who belongs to the unit: their own branch and its groups, and units they manage.</summary>
    public bool CanSeeMembersOf(int unitId) =>
        Units.Contains(unitId) && (BranchOf(unitId) == BranchId || CanManage(unitId));

    /// <summary>
    /// True when the member may see personal details (number, full phone, membership dates) of people in
    /// <paramref name="branchId"/>: that branch's committee and the admins above it. Everyone else sees a masked phone.
    /// </summary>
    public bool CanSeePersonalDetails(int branchId) => CanManage(branchId);

    /// <summary>The unit's parent, or null for a top unit or an unknown id.</summary>
    public int? ParentOf(int unitId) => Units.Find(unitId)?.ParentId;

    /// <summary>
    /// True when the member may rename, move or close the unit: whoever manages its parent (a branch
    /// committee does not close its own branch); for a top unit, its admins.
    /// </summary>
    public bool CanManageFromAbove(int unitId) =>
        ParentOf(unitId) is int parentId ? CanManage(parentId) : Units.Contains(unitId) && CanManage(unitId);

    /// <summary>Every branch the member may manage (for lists and figures).</summary>
    public IReadOnlyList<int> ManagedBranchIds() =>
        Units.Units.Where(u => u.Kind == UnitKind.Branch && CanManage(u.Id)).Select(u => u.Id).ToList();

    /// <summary>Every unit the member may see.</summary>
    public IReadOnlyList<int> VisibleUnitIds() =>
        Units.Units.Select(u => u.Id).Where(CanView).ToList();
}
