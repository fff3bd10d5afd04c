using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Dues;

public enum DuesPaymentMethod
{
    /// <summary>微信支付 (JSAPI in the mini-program)</summary>
    [Label("微信支付")]
    WeChatPay,

    /// <summary>现金</summary>
    [Label("现金")]
    Cash,

    /// <summary>银行转账</summary>
    [Label("银行转账")]
    BankTransfer,
}

public enum DuesPaymentStatus
{
    /// <summary>A WeChat Pay order waits for the member to pay.</summary>
    [Label("待支付")]
    Pending,

    /// <summary>Paid: its months are paid.</summary>
    [Label("已交纳")]
    Paid,

    /// <summary>Closed unpaid (expired or replaced).</summary>
    [Label("已关闭")]
    Closed,

    /// <summary>WeChat Pay says paid but the amount or payer differs, or the months were already paid: never marks months paid; the 组织委员 decides.</summary>
    [Label("核对中")]
    Disputed,

    /// <summary>A refund was requested and waits for WeChat Pay's refund notification.</summary>
    [Label("退款中")]
    Refunding,

    /// <summary>Refunded: its months are unpaid again.</summary>
    [Label("已退款")]
    Refunded,
}

/// <summary>
/// One payment of one or more months by one member: a WeChat Pay order (out_trade_no unique per merchant)
/// or a cash/bank payment the 组织委员 recorded with its receipt number. Amounts in fen.
/// </summary>
public sealed class DuesPayment
{
    public const int OutTradeNoMaxLength = 32;
    public const int ReceiptMaxLength = 64;
    public const int TextMaxLength = 200;
    public const int IdMaxLength = 64;

    private DuesPayment()
    {
        OutTradeNo = string.Empty;
        Periods = [];
    }

    private DuesPayment(int memberId, int branchId, DuesPaymentMethod method, string outTradeNo, IEnumerable<YearMonth> months, long amountFen, long extraFen, DateTimeOffset now)
    {
        MemberId = memberId;
        BranchId = branchId;
        Method = method;
        OutTradeNo = outTradeNo;
        Periods = months.Select(m => m.Number).Order().ToList();
        AmountFen = amountFen;
        ExtraFen = extraFen;
        CreatedAt = now;
        Status = DuesPaymentStatus.Pending;
    }

    public long Id { get; private set; }

    public int MemberId { get; private set; }

    public int BranchId { get; private set; }

    public DuesPaymentMethod Method { get; private set; }

    public DuesPaymentStatus Status { get; private set; }

    /// <summary>Our order number: 6–32 of [A-Za-z0-9_-|*], unique (WeChat Pay's out_trade_no; also used for cash records).</summary>
    public string OutTradeNo { get; private set; }

    /// <summary>The months paid, yyyymm, ascending.</summary>
    public List<int> Periods { get; private set; }

    /// <summary>The total, in fen: the months' amounts plus <see cref="ExtraFen"/>.</summary>
    public long AmountFen { get; private set; }

    /// <summary>Voluntary extra above the rule, in fen (counted on the last month).</summary>
    public long ExtraFen { get; private set; }

    /// <summary>The payer's openid the order was made for (WeChat Pay).</summary>
    public string? PayerOpenId { get; private set; }

    public string? PrepayId { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>WeChat Pay's transaction_id, or the receipt number of a cash/bank payment.</summary>
    public string? ReceiptNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Who recorded a cash/bank payment.</summary>
    public int? RecordedByMemberId { get; private set; }

    /// <summary>Why the payment is disputed (what WeChat Pay reported that differs).</summary>
    public string? Problem { get; private set; }

    public string? OutRefundNo { get; private set; }

    /// <summary>Paid or Disputed: what the payment goes back to when a refund fails.</summary>
    public DuesPaymentStatus? StatusBeforeRefund { get; private set; }

    public string? RefundReason { get; private set; }

    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>Changes with every state change: two writers (notification, query, reconciliation) race on it.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<YearMonth> Months => Periods.Select(YearMonth.FromNumber).ToList();

    /// <summary>A WeChat Pay order for <paramref name="months"/>, waiting for payment until <paramref name="expiresAt"/>.</summary>
    public static DuesPayment Order(int memberId, int branchId, string outTradeNo, IEnumerable<YearMonth> months, long amountFen, long extraFen, string payerOpenId, DateTimeOffset now, DateTimeOffset expiresAt) =>
        new(memberId, branchId, DuesPaymentMethod.WeChatPay, outTradeNo, months, amountFen, extraFen, now)
        {
            PayerOpenId = payerOpenId,
            ExpiresAt = expiresAt,
        };

    /// <summary>A cash or bank payment the committee recorded with its receipt number; paid at once.</summary>
    public static DuesPayment Recorded(int memberId, int branchId, DuesPaymentMethod method, string outTradeNo, IEnumerable<YearMonth> months, long amountFen, long extraFen, string receiptNumber, int recordedBy, DateTimeOffset now) =>
        new(memberId, branchId, method, outTradeNo, months, amountFen, extraFen, now)
        {
            ReceiptNumber = receiptNumber,
            RecordedByMemberId = recordedBy,
            Status = DuesPaymentStatus.Paid,
            PaidAt = now,
        };

    public void AttachPrepay(string prepayId)
    {
        PrepayId = prepayId;
        Touch();
    }

    /// <summary>
    /// Checks what WeChat Pay reports as paid against the order. Returns null when it matches (then call
    /// <see cref="MarkPaid"/>), or why it does not; a mismatch is never paid.
    /// </summary>
    public string? Mismatch(long totalFen, string? payerOpenId) =>
        totalFen != AmountFen ? $"金额不符：订单{AmountFen}分，微信支付报告{totalFen}分"
        : PayerOpenId is not null && payerOpenId is not null && payerOpenId != PayerOpenId ? "付款人与下单党员不符"
        : null;

    public void MarkPaid(string transactionId, DateTimeOffset paidAt)
    {
        Status = DuesPaymentStatus.Paid;
        ReceiptNumber = transactionId;
        PaidAt = paidAt;
        Problem = null;
        Touch();
    }

    public void Dispute(string problem, string? transactionId)
    {
        Status = DuesPaymentStatus.Disputed;
        Problem = TextCut.Fit(problem, TextMaxLength);
        ReceiptNumber ??= transactionId;
        Touch();
    }

    public void Close(DateTimeOffset at)
    {
        Status = DuesPaymentStatus.Closed;
        ClosedAt = at;
        Touch();
    }

    /// <summary>Starts a refund of a paid (or disputed) WeChat Pay payment.</summary>
    public Result RequestRefund(string outRefundNo, string reason)
    {
        if (Method != DuesPaymentMethod.WeChatPay || Status is not (DuesPaymentStatus.Paid or DuesPaymentStatus.Disputed))
        {
            return new DomainError("dues.refund_not_allowed", "只能对已支付的微信支付党费办理退款。");
        }

        OutRefundNo = outRefundNo;
        RefundReason = reason;
        StatusBeforeRefund = Status;
        Status = DuesPaymentStatus.Refunding;
        Touch();
        return Result.Ok;
    }

    /// <summary>WeChat Pay could not refund (refused, REFUND.ABNORMAL or REFUND.CLOSED): the payment stands as it was, with the problem noted.</summary>
    public void RefundFailed(string problem)
    {
        Status = StatusBeforeRefund ?? DuesPaymentStatus.Paid;
        Problem = TextCut.Fit(problem, TextMaxLength);
        Touch();
    }

    public void MarkRefunded(DateTimeOffset at)
    {
        Status = DuesPaymentStatus.Refunded;
        RefundedAt = at;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
