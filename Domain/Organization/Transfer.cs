using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Organization;

/// <summary>Which way a relationship transfer (组织关系转接) goes.</summary>
public enum TransferKind
{
    /// <summary>Between two branches of this installation.</summary>
    [Label("转往本校其他支部")]
    Inside,

    /// <summary>To an organisation outside this installation, with a printed letter (介绍信).</summary>
    [Label("转出本校")]
    Outgoing,

    /// <summary>From an organisation outside, registered from the letter the member brings.</summary>
    [Label("从校外转入")]
    Incoming,
}

/// <summary>
/// Where a transfer stands (Domain/README.md: requested → approved → letter issued → received, returned or expired).
/// Expiry is not stored: a letter is expired when it was issued, is past <see cref="Transfer.ValidUntil"/> and has no receipt.
/// </summary>
public enum TransferState
{
    /// <summary>Asked for by the member or the sending branch; waits for the sending secretary.</summary>
    [Label("待转出支部审批")]
    Requested,

    /// <summary>Approved by the sending branch; inside: waits for the receiving branch; outgoing: waits for the letter.</summary>
    [Label("已审批")]
    Approved,

    /// <summary>Inside: the receiving branch accepted; the member has moved.</summary>
    [Label("已接收")]
    Accepted,

    /// <summary>Refused (by the sending branch) or returned (by the receiving branch), with a reason.</summary>
    [Label("已退回")]
    Returned,

    /// <summary>Outgoing: the letter was issued; the member is archived as left; waits for the receipt.</summary>
    [Label("已开具介绍信")]
    LetterIssued,

    /// <summary>Outgoing: the receipt (回执) came back. Incoming: the member was registered from the letter.</summary>
    [Label("已办结")]
    Received,
}

/// <summary>Where a graduating student goes (毕业去向), for the graduation batch.</summary>
public enum GraduationDestination
{
    /// <summary>升学</summary>
    [Label("升学")]
    FurtherStudy,

    /// <summary>就业</summary>
    [Label("就业")]
    Employment,

    /// <summary>出国(境)</summary>
    [Label("出国(境)")]
    Abroad,

    /// <summary>暂缓就业</summary>
    [Label("暂缓就业")]
    DeferredEmployment,

    /// <summary>其他</summary>
    [Label("其他")]
    Other,
}

/// <summary>Sex as the letter prints it.</summary>
public enum Sex
{
    /// <summary>男</summary>
    [Label("男")]
    Male,

    /// <summary>女</summary>
    [Label("女")]
    Female,
}

/// <summary>
/// A relationship transfer (组织关系转接) of one member, with the letter (介绍信, TransferLetter in the domain
/// words) and its receipt (回执, LetterReceipt) as fields of the same row: there is at most one letter per
/// transfer. Rules from Domain/README.md "Relationship transfer".
/// </summary>
public sealed class Transfer
{
    public const int OrganizationMaxLength = 200;
    public const int TextMaxLength = 500;
    public const int LetterNumberMaxLength = 64;
    public const int CodeLength = 16;
    public const int EthnicityMaxLength = 20;

    /// <summary>Room for the encrypted ID number (Data Protection payload).</summary>
    public const int ProtectedIdNumberMaxLength = 512;

    /// <summary>Default validity of a letter in days (Domain/README.md: commonly 30 days up to 3 months; configurable).</summary>
    public const int DefaultValidDays = 30;

    private Transfer()
    {
    }

    private Transfer(TransferKind kind, int memberId, int? fromBranchId, int? toBranchId, string? fromOrganization, string? toOrganization, string? reason, int requestedByMemberId, DateTimeOffset now)
    {
        Kind = kind;
        MemberId = memberId;
        FromBranchId = fromBranchId;
        ToBranchId = toBranchId;
        FromOrganization = fromOrganization;
        ToOrganization = toOrganization;
        Reason = reason;
        RequestedByMemberId = requestedByMemberId;
        RequestedAt = now;
        State = TransferState.Requested;
    }

    public int Id { get; private set; }

    public TransferKind Kind { get; private set; }

    public TransferState State { get; private set; }

    public int MemberId { get; private set; }

    /// <summary>The sending branch (null for incoming).</summary>
    public int? FromBranchId { get; private set; }

    /// <summary>The receiving branch (inside and incoming).</summary>
    public int? ToBranchId { get; private set; }

    /// <summary>The sending organisation outside (incoming), as its letter names it.</summary>
    public string? FromOrganization { get; private set; }

    /// <summary>The receiving organisation outside (outgoing), as the letter names it.</summary>
    public string? ToOrganization { get; private set; }

    public string? Reason { get; private set; }

    public GraduationDestination? Destination { get; private set; }

    /// <summary>Dues paid up to this month (the first day of the month stands for the month); read by the dues area.</summary>
    public DateOnly? DuesPaidUpTo { get; private set; }

    public int RequestedByMemberId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public int? ApprovedByMemberId { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Who accepted, returned or registered it, and when.</summary>
    public int? DecidedByMemberId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? ReturnReason { get; private set; }

    /// <summary>The letter's number (outgoing: ours; incoming: the issuing organisation's).</summary>
    public string? LetterNumber { get; private set; }

    /// <summary>The public verification code printed on an outgoing letter and in its QR code; unique.</summary>
    public string? VerificationCode { get; private set; }

    public DateOnly? LetterIssuedOn { get; private set; }

    public int? ValidDays { get; private set; }

    /// <summary>Last valid day of the letter (China time).</summary>
    public DateOnly? ValidUntil { get; private set; }

    public Sex? Sex { get; private set; }

    public string? Ethnicity { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>The ID number, encrypted at rest; shown in full on the printed letter only, masked everywhere else.</summary>
    public string? ProtectedIdNumber { get; private set; }

    public DateOnly? ReceiptOn { get; private set; }

    public string? ReceiptNote { get; private set; }

    /// <summary>Whether the member was full (正式) or probationary when the letter was issued.</summary>
    public MembershipStatus? StatusOnLetter { get; private set; }

    /// <summary>True when an issued letter is past its last valid day without a receipt.</summary>
    public bool IsExpired(DateOnly today) => State == TransferState.LetterIssued && ValidUntil is DateOnly until && today > until;

    public bool IsOpen => State is TransferState.Requested or TransferState.Approved;

    public static Transfer RequestInside(Member member, int toBranchId, string? reason, int requestedBy, DateTimeOffset now) =>
        new(TransferKind.Inside, member.Id, member.BranchId, toBranchId, null, null, reason, requestedBy, now);

    public static Transfer RequestOutgoing(Member member, string toOrganization, string? reason, int requestedBy, DateTimeOffset now, GraduationDestination? destination = null) =>
        new(TransferKind.Outgoing, member.Id, member.BranchId, null, null, toOrganization, reason, requestedBy, now) { Destination = destination };

    /// <summary>An incoming letter registered by the receiving branch: already received.</summary>
    public static Transfer RegisterIncoming(int memberId, int toBranchId, string fromOrganization, string letterNumber, DateOnly issuedOn, DateOnly? validUntil, DateOnly? duesPaidUpTo, int registeredBy, DateTimeOffset now) =>
        new(TransferKind.Incoming, memberId, null, toBranchId, fromOrganization, null, null, registeredBy, now)
        {
            State = TransferState.Received,
            LetterNumber = letterNumber,
            LetterIssuedOn = issuedOn,
            ValidUntil = validUntil,
            DuesPaidUpTo = duesPaidUpTo,
            DecidedByMemberId = registeredBy,
            DecidedAt = now,
        };

    /// <summary>The sending branch approves; dues paid up to the given month travel with the member.</summary>
    public Common.Result Approve(int approvedBy, DateOnly? duesPaidUpTo, DateTimeOffset now)
    {
        if (State != TransferState.Requested)
        {
            return new Common.DomainError("transfer.not_requested", "该转接申请已处理，不能再审批。");
        }

        State = TransferState.Approved;
        ApprovedByMemberId = approvedBy;
        ApprovedAt = now;
        DuesPaidUpTo = duesPaidUpTo is DateOnly d ? new DateOnly(d.Year, d.Month, 1) : null;
        return Common.Result.Ok;
    }

    /// <summary>Refused by the sending branch (while requested) or returned by the receiving branch (inside, approved).</summary>
    public Common.Result Return(string reason, int decidedBy, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return new Common.DomainError("transfer.closed", "该转接已办结，不能退回。");
        }

        State = TransferState.Returned;
        ReturnReason = reason;
        DecidedByMemberId = decidedBy;
        DecidedAt = now;
        return Common.Result.Ok;
    }

    /// <summary>The receiving branch accepts an approved inside transfer; the caller moves the member.</summary>
    public Common.Result Accept(int decidedBy, DateTimeOffset now)
    {
        if (Kind != TransferKind.Inside || State != TransferState.Approved)
        {
            return new Common.DomainError("transfer.not_approved", "只能接收已由转出支部审批的转接。");
        }

        State = TransferState.Accepted;
        DecidedByMemberId = decidedBy;
        DecidedAt = now;
        return Common.Result.Ok;
    }

    /// <summary>Issues the outgoing letter with the fields it prints; the caller archives the member as left.</summary>
    public Common.Result IssueLetter(LetterDetails details, MembershipStatus status, string letterNumber, string verificationCode, DateOnly today, int validDays)
    {
        if (Kind != TransferKind.Outgoing || State != TransferState.Approved)
        {
            return new Common.DomainError("transfer.not_approved", "只能为已审批的转出开具介绍信。");
        }

        if (validDays < 1)
        {
            return new Common.DomainError("transfer.bad_validity", "有效期至少为1天。");
        }

        State = TransferState.LetterIssued;
        LetterNumber = letterNumber;
        VerificationCode = verificationCode;
        LetterIssuedOn = today;
        ValidDays = validDays;
        ValidUntil = today.AddDays(validDays - 1);
        Sex = details.Sex;
        Ethnicity = details.Ethnicity;
        BirthDate = details.BirthDate;
        ProtectedIdNumber = details.ProtectedIdNumber;
        StatusOnLetter = status;
        return Common.Result.Ok;
    }

    /// <summary>Records the receipt (回执) of an issued letter, also after it expired (it came back late).</summary>
    public Common.Result RecordReceipt(DateOnly receivedOn, string? note, int recordedBy, DateTimeOffset now)
    {
        if (State != TransferState.LetterIssued)
        {
            return Common.DomainError.Conflict("transfer.no_letter", "只有已开具介绍信的转出才能登记回执。");
        }

        if (LetterIssuedOn is DateOnly issued && receivedOn < issued)
        {
            return new Common.DomainError("transfer.receipt_before_letter", "回执日期不能早于介绍信开具日期。");
        }

        State = TransferState.Received;
        ReceiptOn = receivedOn;
        ReceiptNote = note;
        DecidedByMemberId = recordedBy;
        DecidedAt = now;
        return Common.Result.Ok;
    }

    /// <summary>Age in whole years on <paramref name="day"/>, as the letter prints it.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary>What the secretary enters for the letter that the roster does not hold. The ID number arrives already encrypted.</summary>
public sealed record LetterDetails(Sex Sex, string Ethnicity, DateOnly BirthDate, string ProtectedIdNumber);
