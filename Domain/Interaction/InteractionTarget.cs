namespace SmartBranch.Domain.Interaction;

/// <summary>What a poll or a message wall belongs to.</summary>
public enum TargetKind
{
    /// <summary>An organisation unit (a branch or the general branch).</summary>
    Unit,

    Meeting,

    Activity,
}
