using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Messaging;

/// <summary>An in-app message: the channel that always reaches a member or a bound person in development (<see cref="Messaging.Recipient"/>).</summary>
public sealed class InboxMessage
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 1000;
    public const int SubjectTypeMaxLength = 32;
    public const int LinkMaxLength = 200;

    private InboxMessage()
    {
        Title = string.Empty;
        Body = string.Empty;
    }

    public InboxMessage(int memberId, string title, string body, DateTimeOffset createdAt, string? subjectType = null, int? subjectId = null, string? link = null)
        : this(Recipient.Member(memberId), title, body, createdAt, subjectType, subjectId, link)
    {
    }

    public InboxMessage(Recipient recipient, string title, string body, DateTimeOffset createdAt, string? subjectType = null, int? subjectId = null, string? link = null)
    {
        MemberId = recipient.MemberId;
        ApplicantId = recipient.ApplicantId;
        Title = TextCut.Fit(title, TitleMaxLength);
        Body = TextCut.Fit(body, BodyMaxLength);
        CreatedAt = createdAt;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Link = link;
    }

    public long Id { get; private set; }

    /// <summary>The member it is for; null when it is for a person in development (<see cref="ApplicantId"/>).</summary>
    public int? MemberId { get; private set; }

    /// <summary>The development record of the person in development it is for; null when it is for a member.</summary>
    public int? ApplicantId { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>What the message is about ("notice", "activity", "meeting" …), for deep links.</summary>
    public string? SubjectType { get; private set; }

    public int? SubjectId { get; private set; }

    /// <summary>Mini-program page to open, e.g. <c>pages/notice/detail?id=3</c>.</summary>
    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
