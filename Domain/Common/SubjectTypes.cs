namespace SmartBranch.Domain.Common;

/// <summary>
/// The one vocabulary for "what a row points at": audit entries (<see cref="AuditEntry.TargetType"/>),
/// reminders and inbox messages (SubjectType) and shares. Stored as is, so a value never changes without
/// a data migration (see Infrastructure/Persistence/DataMigrations.cs); lower case, words joined by an underscore.
/// A new area may declare its own names beside its code as a <c>partial</c> of this class (e.g. Domain/Dues/DuesSubjects.cs).
/// </summary>
public static partial class SubjectTypes
{
    public const string Notice = "notice";
    public const string Activity = "activity";
    public const string Meeting = "meeting";

    /// <summary>A leave request (请假) for a meeting.</summary>
    public const string LeaveRequest = "leave";

    /// <summary>A meeting's minutes (the id is the meeting's).</summary>
    public const string Minutes = "minutes";

    /// <summary>A branch's cadence for one meeting type (the id is the branch's).</summary>
    public const string MeetingCadence = "meeting_cadence";

    public const string Member = "member";

    /// <summary>A relationship transfer (组织关系转接).</summary>
    public const string Transfer = "transfer";
    public const string Appointment = "appointment";
    public const string Invitation = "invitation";

    /// <summary>An organisation unit (e.g. a roster import into it).</summary>
    public const string Unit = "unit";

    /// <summary>A unit's brand profile (the id is the unit's).</summary>
    public const string Brand = "brand";

    public const string Story = "story";
    public const string ScreenLink = "screen_link";

    /// <summary>A message to the secretary's mailbox (书记信箱).</summary>
    public const string MailboxMessage = "mailbox";

    /// <summary>A 民主评议 round.</summary>
    public const string AppraisalRound = "appraisal";

    public const string Poll = "poll";

    /// <summary>A meeting's or activity's message wall (留言墙).</summary>
    public const string MessageWall = "wall";

    /// <summary>A study material (学习资料).</summary>
    public const string StudyMaterial = "study_material";

    /// <summary>A study assignment (学习任务).</summary>
    public const string StudyAssignment = "study_assignment";

    /// <summary>A person's member-development record (发展党员).</summary>
    public const string DevelopmentRecord = "development";

    /// <summary>A publicity (公示) before admission or confirmation.</summary>
    public const string Publicity = "publicity";
}
