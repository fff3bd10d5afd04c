using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Interaction;

/// <summary>What a mailbox message is about.</summary>
public enum MailboxCategory
{
    /// <summary>建议</summary>
    [Label("意见建议")]
    Suggestion,

    /// <summary>咨询</summary>
    [Label("咨询")]
    Question,

    /// <summary>困难帮扶</summary>
    [Label("困难帮扶")]
    Difficulty,

    /// <summary>问题反映</summary>
    [Label("问题反映")]
    Report,
}

/// <summary>Who a mailbox message is written to.</summary>
public enum MailboxAddressee
{
    /// <summary>The secretary of the writer's branch.</summary>
    [Label("支部书记")]
    Branch,

    /// <summary>The general branch above it.</summary>
    [Label("党总支")]
    GeneralBranch,
}

public enum MailboxStatus
{
    /// <summary>Waiting for an answer (new, or reopened because the writer was not satisfied).</summary>
    [Label("待答复")]
    Open,

    /// <summary>Answered; the writer has not said yet whether it is resolved.</summary>
    [Label("已答复")]
    Answered,

    /// <summary>The writer marked the answer as resolving the matter.</summary>
    [Label("已解决")]
    Resolved,
}

/// <summary>
/// A message to the secretary's mailbox (书记信箱). The author is always stored (the system must know who
/// wrote it, to answer them); <see cref="IsAnonymous"/> hides them from every reader. The reply deadline is
/// counted in working days per category (configurable); a message not answered by <see cref="ReplyDueAt"/>
/// is flagged to the addressee, and from <see cref="EscalateAt"/> to the general branch as well.
/// </summary>
public sealed class MailboxMessage
{
    public const int TextMaxLength = 2000;
    public const int ReplyMaxLength = 2000;
    public const int MaxImages = 6;

    private readonly List<MailboxReply> _replies = [];

    private MailboxMessage()
    {
        Text = string.Empty;
        ImageIds = string.Empty;
    }

    public MailboxMessage(int authorMemberId, int branchId, int generalBranchId, MailboxAddressee addressee, MailboxCategory category,
        string text, IReadOnlyList<Guid> images, bool isAnonymous, DateTimeOffset now, int replyWorkingDays, int escalationWorkingDays)
    {
        AuthorMemberId = authorMemberId;
        BranchId = branchId;
        GeneralBranchId = generalBranchId;
        Addressee = addressee;
        Category = category;
        Text = text;
        ImageIds = string.Join(',', images);
        IsAnonymous = isAnonymous;
        SentAt = now;
        Status = MailboxStatus.Open;
        SetDeadlines(now, replyWorkingDays, escalationWorkingDays);
    }

    public int Id { get; private set; }

    /// <summary>The writer. Never shown to readers of an anonymous message.</summary>
    public int AuthorMemberId { get; private set; }

    /// <summary>The writer's branch when they wrote.</summary>
    public int BranchId { get; private set; }

    public int GeneralBranchId { get; private set; }

    public MailboxAddressee Addressee { get; private set; }

    /// <summary>The unit whose readers answer: the branch, or the general branch.</summary>
    public int AddresseeUnitId => Addressee == MailboxAddressee.Branch ? BranchId : GeneralBranchId;

    public MailboxCategory Category { get; private set; }

    public string Text { get; private set; }

    /// <summary>Image ids (from the media upload), comma-separated, in display order.</summary>
    public string ImageIds { get; private set; }

    public IReadOnlyList<Guid> Images => ImageIds.Length == 0 ? [] : ImageIds.Split(',').Select(Guid.Parse).ToList();

    public bool IsAnonymous { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public MailboxStatus Status { get; private set; }

    /// <summary>The answer is owed by this instant (end of a working day, China time); moves when the message reopens.</summary>
    public DateTimeOffset ReplyDueAt { get; private set; }

    /// <summary>Still unanswered at this instant, the message is flagged to the general branch too.</summary>
    public DateTimeOffset EscalateAt { get; private set; }

    /// <summary>How often the writer reopened it (not resolved); numbers the reminder slots.</summary>
    public int Round { get; private set; }

    /// <summary>The first answer (for the figures: time to answer, on time).</summary>
    public DateTimeOffset? FirstAnsweredAt { get; private set; }

    /// <summary>True when the first answer came by the first deadline.</summary>
    public bool? FirstAnsweredOnTime { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public IReadOnlyList<MailboxReply> Replies => _replies;

    /// <summary>True when the message waits for an answer past its deadline.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status == MailboxStatus.Open && now >= ReplyDueAt;

    /// <summary>True when the general branch is told about it (overdue past the second period).</summary>
    public bool IsEscalated(DateTimeOffset now) => Status == MailboxStatus.Open && now >= EscalateAt;

    public Result Answer(int answeredByMemberId, string text, DateTimeOffset now)
    {
        if (Status != MailboxStatus.Open)
        {
            return new DomainError("mailbox.not_open", Status == MailboxStatus.Resolved ? "留言已由写信人确认解决。" : "留言已答复，等待写信人确认。");
        }

        var onTime = now < ReplyDueAt;
        _replies.Add(new MailboxReply(Id, Round, answeredByMemberId, text, onTime, now));
        FirstAnsweredAt ??= now;
        FirstAnsweredOnTime ??= onTime;
        Status = MailboxStatus.Answered;
        return Result.Ok;
    }

    /// <summary>The writer's verdict on the answer: resolved closes it, not resolved reopens it with a new deadline.</summary>
    public Result MarkResolution(bool resolved, DateTimeOffset now, int replyWorkingDays, int escalationWorkingDays)
    {
        if (Status != MailboxStatus.Answered)
        {
            return new DomainError("mailbox.not_answered", Status == MailboxStatus.Resolved ? "留言已确认解决。" : "留言尚未答复，答复后才能确认是否解决。");
        }

        if (resolved)
        {
            Status = MailboxStatus.Resolved;
            ResolvedAt = now;
        }
        else
        {
            Status = MailboxStatus.Open;
            Round++;
            SetDeadlines(now, replyWorkingDays, escalationWorkingDays);
        }

        return Result.Ok;
    }

    private void SetDeadlines(DateTimeOffset now, int replyWorkingDays, int escalationWorkingDays)
    {
        ReplyDueAt = WorkingDays.EndOfWorkingDay(now, replyWorkingDays);
        EscalateAt = WorkingDays.EndOfWorkingDay(ReplyDueAt.AddTicks(-1), escalationWorkingDays);
    }
}

/// <summary>One answer to a mailbox message; every answer is kept, also after the message reopens.</summary>
public sealed class MailboxReply
{
    private MailboxReply()
    {
        Text = string.Empty;
    }

    internal MailboxReply(int messageId, int round, int answeredByMemberId, string text, bool onTime, DateTimeOffset now)
    {
        MessageId = messageId;
        Round = round;
        AnsweredByMemberId = answeredByMemberId;
        Text = text;
        OnTime = onTime;
        AnsweredAt = now;
    }

    public int Id { get; private set; }

    public int MessageId { get; private set; }

    public int Round { get; private set; }

    public int AnsweredByMemberId { get; private set; }

    public string Text { get; private set; }

    /// <summary>True when it came before the deadline of its round.</summary>
    public bool OnTime { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }
}
