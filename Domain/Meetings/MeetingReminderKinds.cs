namespace SmartBranch.Domain.Messaging;

/// <summary>The meetings area's reminder kinds (registered in MeetingsModule).</summary>
public readonly partial record struct ReminderKind
{
    /// <summary>会议提醒: a meeting coming up, moved or cancelled.</summary>
    public static readonly ReminderKind Meeting = new("Meeting");

    /// <summary>请假审批结果: the decision on a leave request.</summary>
    public static readonly ReminderKind LeaveDecision = new("LeaveDecision");
}
