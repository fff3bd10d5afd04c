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

    public void Rename(string name) => Name = name;
}
