using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

/// <summary>
/// A transfer as its participants see it. <c>waitingFor</c> says who acts next (SendingBranch,
/// ReceivingBranch, Receipt, Nobody); <c>expired</c> is true for an issued letter past its last valid day
/// without a receipt. The ID number is always masked here (only the printed letter carries it in full).
/// <c>duesPaidUpTo</c> is "yyyy-MM", as approved. <c>duesOnRecord</c> (only for the committee that may approve) is what
/// the dues records say the member has paid through, offered when approving.
/// </summary>
public sealed record TransferView(
    int Id,
    TransferKind Kind,
    TransferState State,
    string StateName,
    string WaitingFor,
    bool Expired,
    int MemberId,
    string MemberName,
    UnitSummaryView? From,
    UnitSummaryView? To,
    string? FromOrganization,
    string? ToOrganization,
    string? Reason,
    GraduationDestination? Destination,
    string? DuesPaidUpTo,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? DecidedAt,
    string? ReturnReason,
    string? LetterNumber,
    string? VerificationCode,
    DateOnly? LetterIssuedOn,
    DateOnly? ValidUntil,
    string? IdNumberMasked,
    DateOnly? ReceiptOn,
    bool CanApprove,
    bool CanAccept,
    bool CanIssueLetter,
    bool CanRecordReceipt,
    DuesOnRecord? DuesOnRecord = null);

/// <summary>
/// The month ("yyyy-MM") the dues records say the member has paid through, null when there is no record, and a
/// sentence saying so in Chinese ("党费记录显示已交至2026年9月" / "本系统没有该党员的党费交纳记录").
/// </summary>
public sealed record DuesOnRecord(string? PaidThrough, string Text);

/// <summary>A unit named in a transfer.</summary>
public sealed record UnitSummaryView(int Id, string Name);

internal static class TransferViews
{
    public static string StateName(TransferState state, bool expired) => expired ? "已过期未回执" : EnumLabels.Of(state);

    /// <summary>"yyyy-MM" of the month a first-of-month date stands for.</summary>
    public static string? Month(DateOnly? month) => month?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static string WaitingFor(Transfer t) => t.State switch
    {
        TransferState.Requested => "SendingBranch",
        TransferState.Approved when t.Kind == TransferKind.Inside => "ReceivingBranch",
        TransferState.Approved => "SendingBranch",
        TransferState.LetterIssued => "Receipt",
        _ => "Nobody",
    };

    public static async Task<IReadOnlyList<TransferView>> BuildAsync(AppDbContext db, AccessScope access, IdNumbers ids, IReadOnlyList<Transfer> transfers, DateOnly today, CancellationToken cancellationToken)
    {
        var memberIds = transfers.Select(t => t.MemberId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var unitIds = transfers.SelectMany(t => new[] { t.FromBranchId, t.ToBranchId }).OfType<int>().Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new UnitSummaryView(u.Id, u.Name), cancellationToken);
        var approvable = transfers.Where(t => CanApprove(access, t)).Select(t => t.MemberId).Distinct().ToList();
        var dues = approvable.Count == 0 ? new Dictionary<int, Domain.Dues.YearMonth?>() : await Features.Dues.DuesLedger.PaidThroughAsync(db, approvable, cancellationToken);
        return transfers.Select(t =>
        {
            var expired = t.IsExpired(today);
            var sending = t.FromBranchId is int from && access.CanManage(from);
            var receiving = t.ToBranchId is int to && access.CanManage(to);
            return new TransferView(
                t.Id, t.Kind, t.State, StateName(t.State, expired), WaitingFor(t), expired, t.MemberId, names.GetValueOrDefault(t.MemberId, string.Empty),
                t.FromBranchId is int f ? units.GetValueOrDefault(f) : null, t.ToBranchId is int r ? units.GetValueOrDefault(r) : null,
                t.FromOrganization, t.ToOrganization, t.Reason, t.Destination, Month(t.DuesPaidUpTo), t.RequestedAt, t.ApprovedAt, t.DecidedAt, t.ReturnReason,
                t.LetterNumber, t.VerificationCode, t.LetterIssuedOn, t.ValidUntil, IdNumbers.Mask(ids.Reveal(t.ProtectedIdNumber)), t.ReceiptOn,
                CanApprove: CanApprove(access, t),
                CanAccept: receiving && t.Kind == TransferKind.Inside && t.State == TransferState.Approved,
                CanIssueLetter: sending && t.Kind == TransferKind.Outgoing && t.State == TransferState.Approved,
                CanRecordReceipt: sending && t.State == TransferState.LetterIssued,
                DuesOnRecord: dues.TryGetValue(t.MemberId, out var paid) ? OnRecord(paid) : null);
        }).ToList();
    }

    private static bool CanApprove(AccessScope access, Transfer t) => TransferAccess.IsSending(access, t) && t.State == TransferState.Requested;

    private static DuesOnRecord OnRecord(Domain.Dues.YearMonth? paid) => paid is { } m
        ? new DuesOnRecord(m.ToString(), $"党费记录显示已交至{m.Year}年{m.Month}月")
        : new DuesOnRecord(null, "本系统没有该党员的党费交纳记录");

    /// <summary>The printed 党费交至 phrase: "2026年9月", or plainly that there is no record.</summary>
    public static string DuesSentence(DateOnly? paidUpTo) => paidUpTo is DateOnly d
        ? $"该同志党费已交到{d.Year}年{d.Month}月。"
        : "该同志在转出党组织无党费交纳记录。";

    public static async Task<TransferView> BuildOneAsync(AppDbContext db, AccessScope access, IdNumbers ids, Transfer transfer, TimeProvider time, CancellationToken cancellationToken) =>
        (await BuildAsync(db, access, ids, [transfer], LocalCalendar.Today(time.GetUtcNow()), cancellationToken))[0];
}

/// <summary>The gate of the transfer endpoints: who may see and act on a transfer.</summary>
internal static class TransferAccess
{
    /// <summary>The member, the sending branch's committee (and admins above), the receiving branch's committee.</summary>
    public static bool CanSee(AccessScope access, Transfer t) =>
        t.MemberId == access.MemberId || (t.FromBranchId is int from && access.CanManage(from)) || (t.ToBranchId is int to && access.CanManage(to));

    /// <summary>The transfer (tracked), 404 when unknown or not the caller's, 403 when visible but <paramref name="may"/> says no.</summary>
    public static async Task<Result<Transfer>> LoadAsync(AppDbContext db, AccessScope access, int id, Func<Transfer, bool> may, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return transfer is null || !CanSee(access, transfer) ? Refusals.NotFound("未找到该组织关系转接，或您无权查看。")
            : !may(transfer) ? Refusals.Forbidden()
            : transfer;
    }

    public static bool IsSending(AccessScope access, Transfer t) => t.FromBranchId is int from && access.CanManage(from);

    public static bool IsReceiving(AccessScope access, Transfer t) => t.ToBranchId is int to && access.CanManage(to);
}
