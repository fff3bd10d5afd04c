namespace SmartBranch.Domain.Messaging;

/// <summary>The development area's reminder kind (registered in DevelopmentModule).</summary>
public readonly partial record struct ReminderKind
{
    /// <summary>发展党员工作提醒: a talk, an observation record, a thought report, an approval or confirmation due.</summary>
    public static readonly ReminderKind Development = new("Development");
}
