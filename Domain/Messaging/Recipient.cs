using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Messaging;

/// <summary>Who a reminder, an inbox message or a banked subscription belongs to.</summary>
public enum RecipientKind
{
    /// <summary>A member on the roster (<c>Members.Id</c>).</summary>
    [Label("党员")]
    Member,

    /// <summary>
    /// A person in development who is not a member yet (<c>DevelopmentRecords.Id</c>): they sign in with WeChat and bind
    /// their account to their development record (Domain/README.md, member development), so they can be reminded too.
    /// </summary>
    [Label("入党申请人")]
    Applicant,
}

/// <summary>
/// The one party a reminder reaches: a member or a person in development. The outbox, the inbox and the subscription
/// quota store it as two nullable columns (<c>MemberId</c>, <c>ApplicantId</c>), exactly one of them set.
/// </summary>
public readonly record struct Recipient(RecipientKind Kind, int Id)
{
    public static Recipient Member(int memberId) => new(RecipientKind.Member, memberId);

    public static Recipient Applicant(int developmentRecordId) => new(RecipientKind.Applicant, developmentRecordId);

    /// <summary>The member id, or null for a person in development.</summary>
    public int? MemberId => Kind == RecipientKind.Member ? Id : null;

    /// <summary>The development record id, or null for a member.</summary>
    public int? ApplicantId => Kind == RecipientKind.Applicant ? Id : null;

    /// <summary>The recipient stored in a row's two columns (exactly one set).</summary>
    public static Recipient From(int? memberId, int? applicantId) =>
        memberId is int member ? Member(member)
        : applicantId is int applicant ? Applicant(applicant)
        : throw new InvalidOperationException("A recipient needs a member or an applicant.");

    public override string ToString() => $"{Kind}:{Id}";
}
