namespace SmartBranch.Domain.Messaging;

/// <summary>The dues area's reminder kind (registered in DuesModule).</summary>
public readonly partial record struct ReminderKind
{
    /// <summary>党费提醒: arrears, disputed payments.</summary>
    public static readonly ReminderKind Dues = new("Dues");
}
