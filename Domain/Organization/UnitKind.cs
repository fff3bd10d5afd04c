using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Organization;

/// <summary>Level of an organisation unit.</summary>
public enum UnitKind
{
    /// <summary>党总支</summary>
    [Label("党总支")]
    GeneralBranch,

    /// <summary>党支部</summary>
    [Label("党支部")]
    Branch,

    /// <summary>党小组</summary>
    [Label("党小组")]
    PartyGroup,
}

/// <summary>What kind of people a branch is made of.</summary>
public enum BranchCategory
{
    /// <summary>Not a branch (general branch or party group).</summary>
    [Label("无")]
    None,

    /// <summary>教工党支部</summary>
    [Label("教工")]
    Teacher,

    /// <summary>学生党支部</summary>
    [Label("学生")]
    Student,

    /// <summary>离退休党支部</summary>
    [Label("离退休")]
    Retired,

    /// <summary>其他</summary>
    [Label("其他")]
    Other,
}
