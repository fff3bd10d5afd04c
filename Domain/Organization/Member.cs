namespace SmartBranch.Domain.Organization;

/// <summary>Full (正式) or probationary (预备) membership. Probationary members have no vote.</summary>
public enum MembershipStatus
{
    /// <summary>正式党员</summary>
    Full,

    /// <summary>预备党员</summary>
    Probationary,
}

/// <summary>A Party member on a branch roster, optionally bound to a WeChat account.</summary>
public sealed class Member
{
    public const int NameMaxLength = 50;
    public const int NumberMaxLength = 32;
    public const int PhoneMaxLength = 20;

    /// <summary>Room for the encrypted phone (Data Protection payload, base64url) kept in <see cref="Phone"/>.</summary>
    public const int ProtectedPhoneMaxLength = 256;
    public const int OpenIdMaxLength = 64;

    private Member()
    {
        Name = string.Empty;
        Number = string.Empty;
    }

    public Member(string name, string number, int branchId, MembershipStatus status)
    {
        Name = name;
        Number = number;
        BranchId = branchId;
        Status = status;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Staff or student number, unique inside the organisation.</summary>
    public string Number { get; private set; }

    /// <summary>
    /// The phone number encrypted at rest (ASP.NET Core Data Protection, see the Api's PhoneNumbers);
    /// never plain text. Only the committee sees it decrypted.
    /// </summary>
    public string? Phone { get; private set; }

    public MembershipStatus Status { get; private set; }

    /// <summary>Date of admission as a probationary member.</summary>
    public DateOnly? AdmittedOn { get; private set; }

    /// <summary>Date of becoming a full member.</summary>
    public DateOnly? FullSince { get; private set; }

    /// <summary>The branch that holds this member's formal relationship (组织关系).</summary>
    public int BranchId { get; private set; }

    public int? PartyGroupId { get; private set; }

    /// <summary>WeChat openid of the bound account; null while unbound.</summary>
    public string? OpenId { get; private set; }

    public DateTimeOffset? BoundAt { get; private set; }

    public bool HasVote => Status == MembershipStatus.Full;

    public bool IsBound => OpenId is not null;

    /// <summary>Sets name, number and the already encrypted phone (<paramref name="protectedPhone"/>).</summary>
    public void UpdateDetails(string name, string number, string? protectedPhone)
    {
        Name = name;
        Number = number;
        Phone = protectedPhone;
    }

    /// <summary>
    /// Refuses membership data that cannot be true: a probationary member has not become full yet, one
    /// becomes full after admission, and neither date lies after <paramref name="today"/>.
    /// </summary>
    public static Common.Result CheckMembership(MembershipStatus status, DateOnly? admittedOn, DateOnly? fullSince, DateOnly today)
    {
        if (admittedOn > today || fullSince > today)
        {
            return new Common.DomainError("member.date_in_future", "入党日期和转正日期不能晚于今天。");
        }

        if (status == MembershipStatus.Probationary && fullSince is not null)
        {
            return new Common.DomainError("member.probationary_full_since", "预备党员不能填写转正日期。");
        }

        if (admittedOn is not null && fullSince is not null && fullSince < admittedOn)
        {
            return new Common.DomainError("member.full_before_admitted", "转正日期不能早于入党日期。");
        }

        return Common.Result.Ok;
    }

    public void SetMembership(MembershipStatus status, DateOnly? admittedOn, DateOnly? fullSince)
    {
        Status = status;
        AdmittedOn = admittedOn;
        FullSince = fullSince;
    }

    public void PlaceIn(int branchId, int? partyGroupId)
    {
        BranchId = branchId;
        PartyGroupId = partyGroupId;
    }

    public Common.Result BindTo(string openId, DateTimeOffset now)
    {
        if (IsBound)
        {
            return Common.DomainError.Conflict("member.already_bound", "该党员已绑定微信账号，如需更换请联系支部书记解除绑定。");
        }

        OpenId = openId;
        BoundAt = now;
        return Common.Result.Ok;
    }

    public void Unbind()
    {
        OpenId = null;
        BoundAt = null;
    }
}
