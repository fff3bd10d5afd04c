namespace SmartBranch.Domain.Common;

/// <summary>One change made by a committee member or admin: who, what, when, in which unit, to what.</summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 64;
    public const int TargetTypeMaxLength = 32;
    public const int SummaryMaxLength = 500;

    private AuditEntry()
    {
        Action = string.Empty;
        TargetType = string.Empty;
        Summary = string.Empty;
    }

    public AuditEntry(int actorMemberId, int unitId, string action, string targetType, long? targetId, string summary, DateTimeOffset at)
    {
        ActorMemberId = actorMemberId;
        UnitId = unitId;
        Action = action;
        TargetType = targetType;
        TargetId = targetId;
        Summary = TextCut.Fit(summary, SummaryMaxLength);
        At = at;
    }

    public long Id { get; private set; }

    public int ActorMemberId { get; private set; }

    /// <summary>The organisation unit the change belongs to (whose committee may read it).</summary>
    public int UnitId { get; private set; }

    /// <summary>Machine-readable action, e.g. "member.created", "notice.published".</summary>
    public string Action { get; private set; }

    public string TargetType { get; private set; }

    public long? TargetId { get; private set; }

    /// <summary>Human-readable description (Chinese), shown in the audit list.</summary>
    public string Summary { get; private set; }

    public DateTimeOffset At { get; private set; }
}
