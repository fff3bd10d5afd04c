using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Organization;

/// <summary>A role held in one organisation unit for a term.</summary>
public enum CommitteeRole
{
    /// <summary>书记</summary>
    [Label("书记")]
    Secretary,

    /// <summary>副书记</summary>
    [Label("副书记")]
    DeputySecretary,

    /// <summary>组织委员</summary>
    [Label("组织委员")]
    OrganizationCommissioner,

    /// <summary>宣传委员</summary>
    [Label("宣传委员")]
    PublicityCommissioner,

    /// <summary>纪检委员</summary>
    [Label("纪检委员")]
    DisciplineCommissioner,

    /// <summary>党小组长 (held in a party group)</summary>
    [Label("党小组长")]
    GroupLeader,

    /// <summary>党总支管理员 (held in the general branch)</summary>
    [Label("党总支管理员")]
    GeneralBranchAdmin,
}

public static class CommitteeRoles
{
    /// <summary>Chinese name shown in the mini-program.</summary>
    public static string DisplayName(this CommitteeRole role) => EnumLabels.Of(role);

    /// <summary>Roles that make someone a member of a branch committee (支委).</summary>
    public static bool IsBranchCommittee(this CommitteeRole role) =>
        role is CommitteeRole.Secretary or CommitteeRole.DeputySecretary or CommitteeRole.OrganizationCommissioner
            or CommitteeRole.PublicityCommissioner or CommitteeRole.DisciplineCommissioner;

    /// <summary>Roles one person holds at a time in a unit (a branch has one secretary, a group one leader).</summary>
    public static bool IsSingleHolder(this CommitteeRole role) =>
        role is CommitteeRole.Secretary or CommitteeRole.GroupLeader;

    /// <summary>The unit kind a role is held in.</summary>
    public static UnitKind HeldIn(this CommitteeRole role) => role switch
    {
        CommitteeRole.GroupLeader => UnitKind.PartyGroup,
        CommitteeRole.GeneralBranchAdmin => UnitKind.GeneralBranch,
        _ => UnitKind.Branch,
    };
}
