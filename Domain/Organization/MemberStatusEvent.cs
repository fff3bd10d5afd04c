using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Organization;

/// <summary>A change in a member's Party life, recorded as a dated event (see <see cref="MemberStatusEvent"/>).</summary>
public enum MemberStatusChange
{
    /// <summary>转正: a probationary member becomes a full member (optionally on a general meeting's resolution).</summary>
    [Label("转正")]
    BecameFull,

    /// <summary>延长预备期: the probation is extended; the member stays probationary.</summary>
    [Label("延长预备期")]
    ProbationExtended,

    /// <summary>退休: the member retires; they stay a member (usually moved to a retired members' branch).</summary>
    [Label("退休")]
    Retired,

    /// <summary>停止党籍: membership stopped (e.g. lost contact); archived.</summary>
    [Label("停止党籍")]
    MembershipStopped,

    /// <summary>出党: expelled or removed from the Party; archived.</summary>
    [Label("出党")]
    Expelled,

    /// <summary>去世: archived.</summary>
    [Label("去世")]
    Deceased,

    /// <summary>转出: left this installation with an outgoing letter (组织关系转出); archived.</summary>
    [Label("组织关系转出")]
    Left,

    /// <summary>接收为预备党员: admitted by a general meeting's resolution at the end of member development (Domain/Development); the roster entry starts here.</summary>
    [Label("接收为预备党员")]
    Admitted,
}

public static class MemberStatusChanges
{
    /// <summary>Changes after which the member is no longer on the roster: archived, never deleted.</summary>
    public static bool Archives(this MemberStatusChange change) =>
        change is MemberStatusChange.MembershipStopped or MemberStatusChange.Expelled or MemberStatusChange.Deceased or MemberStatusChange.Left;

    public static string DisplayName(this MemberStatusChange change) => change switch
    {
        MemberStatusChange.BecameFull => "转为正式党员",
        MemberStatusChange.ProbationExtended => "延长预备期",
        MemberStatusChange.Retired => "退休",
        MemberStatusChange.MembershipStopped => "停止党籍",
        MemberStatusChange.Expelled => "出党",
        MemberStatusChange.Deceased => "去世",
        MemberStatusChange.Left => "组织关系转出",
        MemberStatusChange.Admitted => "接收为预备党员",
        _ => change.ToString(),
    };
}

/// <summary>
/// One dated change in a member's Party life: what, on which day, who recorded it and why. The dues
/// engineer reads these (with <see cref="Member.ArchivedOn"/>) to know from when a member pays or stops paying.
/// </summary>
public sealed class MemberStatusEvent
{
    public const int ReasonMaxLength = 500;

    private MemberStatusEvent()
    {
        Reason = string.Empty;
    }

    public MemberStatusEvent(int memberId, int branchId, MemberStatusChange change, DateOnly occurredOn, string reason, int? resolutionId, int recordedByMemberId, DateTimeOffset recordedAt)
    {
        MemberId = memberId;
        BranchId = branchId;
        Change = change;
        OccurredOn = occurredOn;
        Reason = reason;
        ResolutionId = resolutionId;
        RecordedByMemberId = recordedByMemberId;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public int MemberId { get; private set; }

    /// <summary>The branch the member belonged to when it happened.</summary>
    public int BranchId { get; private set; }

    public MemberStatusChange Change { get; private set; }

    /// <summary>Day it took effect (China time).</summary>
    public DateOnly OccurredOn { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The general meeting's resolution (转正 by 支部大会决议), when there is one.</summary>
    public int? ResolutionId { get; private set; }

    public int RecordedByMemberId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
