namespace SmartBranch.Domain.Organization;

/// <summary>A node of the organisation tree: general branch → branches → party groups.</summary>
public sealed class OrganizationUnit
{
    public const int NameMaxLength = 100;

    private OrganizationUnit()
    {
        Name = string.Empty;
    }

    public OrganizationUnit(string name, UnitKind kind, OrganizationUnit? parent, BranchCategory category = BranchCategory.None)
    {
        if (kind == UnitKind.GeneralBranch && parent is not null)
        {
            throw new ArgumentException("A general branch has no parent.", nameof(parent));
        }

        if (kind == UnitKind.Branch && parent?.Kind != UnitKind.GeneralBranch)
        {
            throw new ArgumentException("A branch sits under a general branch.", nameof(parent));
        }

        if (kind == UnitKind.PartyGroup && parent?.Kind != UnitKind.Branch)
        {
            throw new ArgumentException("A party group sits under a branch.", nameof(parent));
        }

        Name = name;
        Kind = kind;
        Parent = parent;
        ParentId = parent?.Id;
        Category = kind == UnitKind.Branch ? category : BranchCategory.None;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public UnitKind Kind { get; private set; }

    public BranchCategory Category { get; private set; }

    public int? ParentId { get; private set; }

    public OrganizationUnit? Parent { get; private set; }

    /// <summary>Day the unit was closed (China time); null while open. A closed unit keeps its history.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public bool IsClosed => ClosedOn is not null;

    public void Rename(string name) => Name = name;

    /// <summary>
    /// Refuses a placement the tree does not allow: a general branch sits at the top, a branch under an
    /// open general branch, a party group under an open branch.
    /// </summary>
    public static Common.Result CheckPlacement(UnitKind kind, OrganizationUnit? parent) => kind switch
    {
        UnitKind.GeneralBranch when parent is not null => new Common.DomainError("unit.bad_parent", "党总支不能设在其他组织之下。"),
        UnitKind.Branch when parent?.Kind != UnitKind.GeneralBranch => new Common.DomainError("unit.bad_parent", "党支部只能设在党总支之下。"),
        UnitKind.PartyGroup when parent?.Kind != UnitKind.Branch => new Common.DomainError("unit.bad_parent", "党小组只能设在党支部之下。"),
        _ when parent?.IsClosed == true => new Common.DomainError("unit.parent_closed", "上级组织已撤销。"),
        _ => Common.Result.Ok,
    };

    /// <summary>Moves the unit under <paramref name="parent"/> (a branch to another general branch, a group to another branch).</summary>
    public Common.Result MoveUnder(OrganizationUnit parent)
    {
        if (IsClosed)
        {
            return new Common.DomainError("unit.closed", "该组织已撤销，不能调整。");
        }

        if (CheckPlacement(Kind, parent) is { Error: { } error })
        {
            return error;
        }

        Parent = parent;
        ParentId = parent.Id;
        return Common.Result.Ok;
    }

    /// <summary>
    /// Closes the unit on <paramref name="today"/>. Refused while it still has members (active, not archived)
    /// or open units below it: they are moved first. Its meetings, minutes and notices stay.
    /// </summary>
    public Common.Result Close(DateOnly today, int activeMembers, int openChildren)
    {
        if (IsClosed)
        {
            return new Common.DomainError("unit.closed", "该组织已撤销。");
        }

        if (activeMembers > 0)
        {
            return new Common.DomainError("unit.has_members", $"该组织还有{activeMembers}名党员，请先将他们转入其他组织。");
        }

        if (openChildren > 0)
        {
            return new Common.DomainError("unit.has_children", $"该组织下还有{openChildren}个组织，请先撤销或调整它们。");
        }

        ClosedOn = today;
        return Common.Result.Ok;
    }
}
