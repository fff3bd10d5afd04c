namespace SmartBranch.Domain.Notices;

/// <summary>
/// One member of a notice's audience, fixed at publication, with their first read and sign-off.
/// (NoticeId, MemberId) is unique.
/// </summary>
public sealed class NoticeRecipient
{
    private NoticeRecipient()
    {
    }

    public NoticeRecipient(int noticeId, int memberId)
    {
        NoticeId = noticeId;
        MemberId = memberId;
    }

    public long Id { get; private set; }

    public int NoticeId { get; private set; }

    public int MemberId { get; private set; }

    public DateTimeOffset? FirstReadAt { get; private set; }

    public DateTimeOffset? AckedAt { get; private set; }

    /// <summary>Opening the notice again keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => FirstReadAt ??= now;

    /// <summary>签收; signing off implies having read it.</summary>
    public void Ack(DateTimeOffset now)
    {
        MarkRead(now);
        AckedAt ??= now;
    }
}
