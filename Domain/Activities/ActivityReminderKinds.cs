namespace SmartBranch.Domain.Messaging;

/// <summary>The activities area's reminder kind (registered in ActivitiesModule).</summary>
public readonly partial record struct ReminderKind
{
    /// <summary>活动提醒: start, waiting-list promotion, cancellation.</summary>
    public static readonly ReminderKind Activity = new("Activity");
}
