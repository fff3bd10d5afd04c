namespace SmartBranch.Domain.Messaging;

/// <summary>
/// How many one-time subscription messages of one template a recipient (a member or a bound person in development,
/// <see cref="Messaging.Recipient"/>) has banked: each "accept" in wx.requestSubscribeMessage allows one later send, and
/// accepts accumulate (Infrastructure/WeChat/README.md §4). (MemberId, TemplateId) and (ApplicantId, TemplateId) are unique. Sends take one away only when WeChat accepted the message.
/// </summary>
public sealed class SubscriptionQuota
{
    public const int TemplateIdMaxLength = 64;

    private SubscriptionQuota()
    {
        TemplateId = string.Empty;
    }

    public SubscriptionQuota(int memberId, string templateId, DateTimeOffset now)
        : this(Recipient.Member(memberId), templateId, now)
    {
    }

    public SubscriptionQuota(Recipient recipient, string templateId, DateTimeOffset now)
    {
        MemberId = recipient.MemberId;
        ApplicantId = recipient.ApplicantId;
        TemplateId = templateId;
        UpdatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>The member; null for a person in development (<see cref="ApplicantId"/>).</summary>
    public int? MemberId { get; private set; }

    /// <summary>The development record of a person in development; null for a member.</summary>
    public int? ApplicantId { get; private set; }

    public string TemplateId { get; private set; }

    /// <summary>Sends banked and not yet used.</summary>
    public int Remaining { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The member tapped "accept" once more.</summary>
    public void Accept(DateTimeOffset now)
    {
        Remaining++;
        UpdatedAt = now;
    }
}
