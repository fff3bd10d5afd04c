using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Messaging;

public enum ReminderStatus
{
    [Label("待发送")]
    Scheduled,
    [Label("发送中")]
    Queued,
    [Label("已发送")]
    Sent,
    [Label("无订阅次数")]
    NoQuota,
    [Label("发送失败")]
    Failed,
    [Label("已取消")]
    Cancelled,
}

/// <summary>
/// One reminder for one recipient (a member or a person in development, <see cref="Messaging.Recipient"/>), kept in the
/// database as an outbox row. (SubjectType, SubjectId, Slot, MemberId) and (SubjectType, SubjectId, Slot, ApplicantId)
/// are unique, so the same reminder can never be scheduled twice. Content is fixed when it is
/// scheduled; the dispatcher turns <see cref="Subject"/>, <see cref="Time"/>, <see cref="Place"/> and
/// <see cref="Note"/> into the template's keyword values.
/// </summary>
public sealed class Reminder
{
    public const int SubjectTypeMaxLength = 32;
    public const int SlotMaxLength = 64;
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 1000;
    public const int TextMaxLength = 200;
    public const int ErrorMaxLength = 500;
    public const int MsgIdMaxLength = 32;
    public const int LeaseOwnerMaxLength = 64;

    private Reminder()
    {
        SubjectType = string.Empty;
        Slot = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
        Subject = string.Empty;
    }

    public Reminder(ReminderKind kind, string subjectType, int subjectId, string slot, int memberId, DateTimeOffset dueAt, ReminderContent content, DateTimeOffset now)
        : this(kind, subjectType, subjectId, slot, Recipient.Member(memberId), dueAt, content, now)
    {
    }

    public Reminder(ReminderKind kind, string subjectType, int subjectId, string slot, Recipient recipient, DateTimeOffset dueAt, ReminderContent content, DateTimeOffset now)
    {
        Kind = kind;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Slot = slot;
        MemberId = recipient.MemberId;
        ApplicantId = recipient.ApplicantId;
        DueAt = dueAt;
        CreatedAt = now;
        Status = ReminderStatus.Scheduled;
        Title = TextCut.Fit(content.Title, TitleMaxLength);
        Body = TextCut.Fit(content.Body, BodyMaxLength);
        Page = content.Page;
        Subject = TextCut.Fit(content.Subject, TextMaxLength);
        Time = content.Time;
        Place = content.Place is null ? null : TextCut.Fit(content.Place, TextMaxLength);
        Note = content.Note is null ? null : TextCut.Fit(content.Note, TextMaxLength);
    }

    public long Id { get; private set; }

    public ReminderKind Kind { get; private set; }

    public string SubjectType { get; private set; }

    public int SubjectId { get; private set; }

    /// <summary>Which reminder of the subject this is: "24h", "1h", "cancelled", "unread-2026-03-02T10:00" …</summary>
    public string Slot { get; private set; }

    /// <summary>The member reminded; null when the recipient is a person in development (<see cref="ApplicantId"/>).</summary>
    public int? MemberId { get; private set; }

    /// <summary>The development record of the person in development reminded; null when the recipient is a member.</summary>
    public int? ApplicantId { get; private set; }

    /// <summary>Who is reminded (exactly one of <see cref="MemberId"/> and <see cref="ApplicantId"/>).</summary>
    public Recipient Recipient => Recipient.From(MemberId, ApplicantId);

    public DateTimeOffset DueAt { get; private set; }

    public ReminderStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>msgid WeChat returned for the subscription message.</summary>
    public string? WeChatMsgId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Inbox title.</summary>
    public string Title { get; private set; }

    /// <summary>Inbox text.</summary>
    public string Body { get; private set; }

    /// <summary>Mini-program page the message opens.</summary>
    public string? Page { get; private set; }

    /// <summary>What it is about (topic, activity title, notice title): the template's "thing" value.</summary>
    public string Subject { get; private set; }

    public DateTimeOffset? Time { get; private set; }

    public string? Place { get; private set; }

    public string? Note { get; private set; }

    /// <summary>When the feeder put it on the queue; a row Queued for too long goes back to Scheduled.</summary>
    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>The dispatcher sending it right now. Only the lease holder sends, so a reclaimed queue entry never sends twice.</summary>
    public string? LeaseOwner { get; private set; }

    /// <summary>Until when <see cref="LeaseOwner"/> holds it; after that another dispatcher may take it (the holder crashed).</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>True once the reminder is in the recipient's inbox (it lands there whatever WeChat says).</summary>
    public bool InInbox { get; private set; }

    /// <summary>True while the reminder can still be sent, moved or cancelled.</summary>
    public bool IsPending => Status is ReminderStatus.Scheduled or ReminderStatus.Queued;

    public void Reschedule(DateTimeOffset dueAt, ReminderContent? content = null)
    {
        if (!IsPending)
        {
            return;
        }

        DueAt = dueAt;
        Status = ReminderStatus.Scheduled;
        if (content is not null)
        {
            Title = TextCut.Fit(content.Title, TitleMaxLength);
            Body = TextCut.Fit(content.Body, BodyMaxLength);
            Page = content.Page;
            Subject = TextCut.Fit(content.Subject, TextMaxLength);
            Time = content.Time;
            Place = content.Place;
            Note = content.Note;
        }
    }

    public void Cancel()
    {
        if (IsPending)
        {
            Status = ReminderStatus.Cancelled;
        }
    }

    public void MarkQueued() => Status = Status == ReminderStatus.Scheduled ? ReminderStatus.Queued : Status;

    /// <summary>Back to Scheduled (e.g. Redis went away before it was sent).</summary>
    public void Requeue() => Status = Status == ReminderStatus.Queued ? ReminderStatus.Scheduled : Status;

    public void MarkSent(string? msgId, DateTimeOffset now)
    {
        Attempts++;
        Status = ReminderStatus.Sent;
        WeChatMsgId = msgId;
        SentAt = now;
        LastError = null;
    }

    /// <summary>No banked subscription: delivered by inbox only.</summary>
    public void MarkNoQuota(DateTimeOffset now, string? error = null)
    {
        Status = ReminderStatus.NoQuota;
        SentAt = now;
        LastError = error is null ? null : TextCut.Fit(error, ErrorMaxLength);
    }

    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        Status = ReminderStatus.Failed;
        SentAt = now;
        LastError = TextCut.Fit(error, ErrorMaxLength);
    }

    /// <summary>A transient failure: try again at <paramref name="retryAt"/>.</summary>
    public void RetryAt(DateTimeOffset retryAt, string error)
    {
        Attempts++;
        Status = ReminderStatus.Scheduled;
        DueAt = retryAt;
        LastError = TextCut.Fit(error, ErrorMaxLength);
    }

    /// <summary>The inbox copy of this reminder; call once (see <see cref="InInbox"/>).</summary>
    public InboxMessage ToInbox(DateTimeOffset now)
    {
        InInbox = true;
        return new InboxMessage(Recipient, Title, Body, now, SubjectType, SubjectId, Page);
    }

    /// <summary>Records that the inbox copy was written by a set-based insert mirroring <see cref="ToInbox"/>.</summary>
    public void MarkInInbox() => InInbox = true;

    /// <summary>The dispatcher is done with it (sent, given up, or to be tried later).</summary>
    public void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseUntil = null;
    }
}

/// <summary>What a reminder says, in the inbox and in the subscription message.</summary>
public sealed record ReminderContent(string Title, string Body, string? Page, string Subject, DateTimeOffset? Time = null, string? Place = null, string? Note = null);
