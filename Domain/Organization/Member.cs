using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Organization;

/// <summary>Full (正式) or probationary (预备) membership. Probationary members have no vote.</summary>
public enum MembershipStatus
{
    /// <summary>正式党员</summary>
    [Label("正式党员")]
    Full,

    /// <summary>预备党员</summary>
    [Label("预备党员")]
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

    /// <summary>
    /// Day the member left the roster (停止党籍, 出党, death, transfer out); null while active. An archived
    /// member is never deleted: their history stays, but they are in no audience, quorum or dues list.
    /// </summary>
    public DateOnly? ArchivedOn { get; private set; }

    /// <summary>Why the member was archived.</summary>
    public MemberStatusChange? ArchivedBecause { get; private set; }

    /// <summary>Day the member retired (退休), if they have.</summary>
    public DateOnly? RetiredOn { get; private set; }

    /// <summary>Last day the member's probation runs to when it was extended (延长预备期); null otherwise.</summary>
    public DateOnly? ProbationExtendedTo { get; private set; }

    public bool IsArchived => ArchivedOn is not null;

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

    /// <summary>
    /// Applies a dated change of Party life. Refuses a change to an archived member, 转正 and 延长预备期
    /// of a member who is not probationary, and a day before admission. Archiving changes also detach the
    /// WeChat account, so the person's sessions end at once; the roster entry and its history stay.
    /// </summary>
    public Common.Result ApplyStatusChange(MemberStatusChange change, DateOnly on, DateOnly today, DateOnly? extendedTo = null)
    {
        if (IsArchived)
        {
            return new Common.DomainError("member.archived", "该党员已不在党员名册中，不能再变更状态。");
        }

        if (on > today)
        {
            return new Common.DomainError("member.date_in_future", "变更日期不能晚于今天。");
        }

        if (AdmittedOn is DateOnly admitted && on < admitted)
        {
            return new Common.DomainError("member.before_admitted", "变更日期不能早于入党日期。");
        }

        switch (change)
        {
            case MemberStatusChange.Admitted:
                return new Common.DomainError("member.admitted_by_development", "接收预备党员须在发展党员流程中依支部党员大会决议办理。");
            case MemberStatusChange.BecameFull or MemberStatusChange.ProbationExtended when Status != MembershipStatus.Probationary:
                return new Common.DomainError("member.not_probationary", "只有预备党员才能转正或延长预备期。");
            case MemberStatusChange.BecameFull:
                Status = MembershipStatus.Full;
                FullSince = on;
                ProbationExtendedTo = null;
                break;
            case MemberStatusChange.ProbationExtended:
                if (extendedTo is null || extendedTo <= on)
                {
                    return new Common.DomainError("member.bad_extension", "请填写延长后的预备期截止日期（晚于变更日期）。");
                }

                ProbationExtendedTo = extendedTo;
                break;
            case MemberStatusChange.Retired:
                RetiredOn = on;
                break;
            default:
                ArchivedOn = on;
                ArchivedBecause = change;
                Unbind();
                break;
        }

        return Common.Result.Ok;
    }

    /// <summary>Moves the member's formal relationship to another branch (an accepted transfer): no group there yet.</summary>
    public Common.Result TransferTo(int branchId)
    {
        if (IsArchived)
        {
            return new Common.DomainError("member.archived", "该党员已不在党员名册中。");
        }

        BranchId = branchId;
        PartyGroupId = null;
        return Common.Result.Ok;
    }

    public void Unbind()
    {
        OpenId = null;
        BoundAt = null;
    }
}
