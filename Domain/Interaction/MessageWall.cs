using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Interaction;

/// <summary>
/// A message wall (留言墙) of a meeting or an activity. Members post short messages; they appear once
/// approved: at once when the wall needs no approval and the text passed the content check, otherwise when
/// an organiser approves them.
/// </summary>
public sealed class MessageWall
{
    private MessageWall()
    {
    }

    public MessageWall(TargetKind targetKind, int targetId, int ownerUnitId, bool requiresApproval, int openedByMemberId, DateTimeOffset now)
    {
        TargetKind = targetKind;
        TargetId = targetId;
        OwnerUnitId = ownerUnitId;
        RequiresApproval = requiresApproval;
        OpenedByMemberId = openedByMemberId;
        OpenedAt = now;
    }

    public int Id { get; private set; }

    public TargetKind TargetKind { get; private set; }

    public int TargetId { get; private set; }

    public int OwnerUnitId { get; private set; }

    public bool RequiresApproval { get; private set; }

    public int OpenedByMemberId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public Result Close(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return new DomainError("wall.closed", "留言墙已经关闭。");
        }

        ClosedAt = now;
        return Result.Ok;
    }

    /// <summary>A new message; <paramref name="textPassed"/> says the content check passed without doubt.</summary>
    public (WallMessage? Message, DomainError? Error) Post(int authorMemberId, string text, bool textPassed, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return (null, new DomainError("wall.closed", "留言墙已经关闭。"));
        }

        var status = RequiresApproval || !textPassed ? WallMessageStatus.Pending : WallMessageStatus.Approved;
        return (new WallMessage(Id, authorMemberId, text, status, now), null);
    }
}

public enum WallMessageStatus
{
    [Label("待审核")]
    Pending,
    [Label("已上墙")]
    Approved,
    [Label("未通过")]
    Rejected,
}

public sealed class WallMessage
{
    public const int TextMaxLength = 140;

    private WallMessage()
    {
        Text = string.Empty;
    }

    internal WallMessage(int wallId, int authorMemberId, string text, WallMessageStatus status, DateTimeOffset now)
    {
        WallId = wallId;
        AuthorMemberId = authorMemberId;
        Text = text;
        Status = status;
        PostedAt = now;
        DecidedAt = status == WallMessageStatus.Approved ? now : null;
    }

    public int Id { get; private set; }

    public int WallId { get; private set; }

    public int AuthorMemberId { get; private set; }

    public string Text { get; private set; }

    public WallMessageStatus Status { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    /// <summary>When it was approved or rejected (or posted, when approved at once); the wall shows approved ones in this order.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    public int? DecidedByMemberId { get; private set; }

    public Result Decide(bool approve, int deciderMemberId, DateTimeOffset now)
    {
        if (Status != WallMessageStatus.Pending)
        {
            return new DomainError("wall.already_decided", "该留言已经审核过。");
        }

        Status = approve ? WallMessageStatus.Approved : WallMessageStatus.Rejected;
        DecidedAt = now;
        DecidedByMemberId = deciderMemberId;
        return Result.Ok;
    }
}
