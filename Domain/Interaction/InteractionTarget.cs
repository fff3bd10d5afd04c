using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Interaction;

/// <summary>What a poll or a message wall belongs to.</summary>
public enum TargetKind
{
    /// <summary>An organisation unit (a branch or the general branch).</summary>
    [Label("党组织")]
    Unit,

    [Label("会议")]
    Meeting,

    [Label("活动")]
    Activity,
}
