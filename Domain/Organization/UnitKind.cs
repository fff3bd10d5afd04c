namespace SmartBranch.Domain.Organization;

/// <summary>Level of an organisation unit.</summary>
public enum UnitKind
{
    /// <summary>党总支</summary>
    GeneralBranch,

    /// <summary>党支部</summary>
    Branch,

    /// <summary>党小组</summary>
    PartyGroup,
}

/// <summary>What kind of people a branch is made of.</summary>
public enum BranchCategory
{
    /// <summary>Not a branch (general branch or party group).</summary>
    None,

    /// <summary>教工党支部</summary>
    Teacher,

    /// <summary>学生党支部</summary>
    Student,

    /// <summary>离退休党支部</summary>
    Retired,

    /// <summary>其他</summary>
    Other,
}
