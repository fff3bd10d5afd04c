using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;
using SmartBranch.Domain.Messaging;
using SmartBranch.Infrastructure.WeChatPay;

namespace SmartBranch.Api.Features.Dues;

/// <summary>What applying WeChat Pay's word to an order did.</summary>
public enum SettleResult
{
    /// <summary>The months are now paid.</summary>
    Paid,

    /// <summary>Already settled earlier: nothing changed (repeated notification, query after notification).</summary>
    Unchanged,

    /// <summary>Amount, payer or months did not match: disputed, nothing marked paid, the 组织委员 told.</summary>
    Disputed,

    /// <summary>Closed unpaid.</summary>
    Closed,

    /// <summary>Still waiting for the member.</summary>
    Waiting,

    /// <summary>No such order of ours.</summary>
    Unknown,
}

/// <summary>
/// The one place that turns what WeChat Pay reports (notification, query, reconciliation) into paid months,
/// disputes, closed orders and refunds. Idempotent: applying the same report twice changes nothing.
/// </summary>
public sealed class DuesSettlement(
    AppDbContext db,
    WeChatPayClient pay,
    IOptions<WeChatPayOptions> payOptions,
    IOptions<Infrastructure.WeChat.WeChatOptions> weChat,
    ReminderScheduler reminders,
    DuesLedger ledger,
    TimeProvider time,
    ILogger<DuesSettlement> logger)
{
    /// <summary>Applies a transaction's state (from a verified notification or a query) to our order.</summary>
    public async Task<SettleResult> ApplyAsync(WeChatPayTransaction transaction, string source, CancellationToken cancellationToken)
    {
        var payment = await db.DuesPayments.FirstOrDefaultAsync(p => p.OutTradeNo == transaction.OutTradeNo, cancellationToken);
        if (payment is null)
        {
            logger.LogWarning("WeChat Pay {Source} for unknown order {OutTradeNo}", source, transaction.OutTradeNo);
            return SettleResult.Unknown;
        }

        if (transaction.MchId != payOptions.Value.MchId || transaction.AppId != weChat.Value.AppId)
        {
            logger.LogWarning("WeChat Pay {Source} for {OutTradeNo} names another merchant or app ({MchId}, {AppId}); ignored", source, transaction.OutTradeNo, transaction.MchId, transaction.AppId);
            return SettleResult.Unchanged;
        }

        switch (transaction.TradeState)
        {
            case WeChatPayTransaction.Success:
                return await PaidAsync(payment, transaction, source, cancellationToken);
            case WeChatPayTransaction.Closed or "REVOKED" or "PAYERROR" when payment.Status == DuesPaymentStatus.Pending:
                payment.Close(time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return SettleResult.Closed;
            case WeChatPayTransaction.NotPay or "USERPAYING":
                return payment.Status == DuesPaymentStatus.Pending ? SettleResult.Waiting : SettleResult.Unchanged;
            default:
                return SettleResult.Unchanged;
        }
    }

    /// <summary>Queries an order we hold as pending and applies the answer; closes it at WeChat Pay when it has expired unpaid.</summary>
    public async Task<SettleResult> QueryAsync(DuesPayment payment, CancellationToken cancellationToken)
    {
        var answer = await pay.QueryAsync(payment.OutTradeNo, cancellationToken);
        if (answer.Value is not { } transaction)
        {
            if (answer.Error?.Code == "ORDER_NOT_EXIST" && payment.ExpiresAt < time.GetUtcNow())
            {
                payment.Close(time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return SettleResult.Closed;
            }

            return SettleResult.Waiting;
        }

        var result = await ApplyAsync(transaction, "query", cancellationToken);
        if (result == SettleResult.Waiting && payment.ExpiresAt < time.GetUtcNow())
        {
            var closed = await pay.CloseAsync(payment.OutTradeNo, cancellationToken);
            if (closed.Succeeded)
            {
                payment.Close(time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return SettleResult.Closed;
            }

            if (closed.Error?.Code == "ORDERPAID")
            {
                // Paid between the query and the close: ask again and settle it.
                return await QueryAsync(payment, cancellationToken);
            }
        }

        return result;
    }

    /// <summary>Applies a refund's outcome (REFUND.SUCCESS reopens the months; ABNORMAL and CLOSED leave the payment standing).</summary>
    public async Task<SettleResult> ApplyRefundAsync(WeChatPayRefund refund, CancellationToken cancellationToken)
    {
        var payment = await db.DuesPayments.FirstOrDefaultAsync(p => p.OutTradeNo == refund.OutTradeNo && p.OutRefundNo == refund.OutRefundNo, cancellationToken);
        if (payment is null)
        {
            logger.LogWarning("WeChat Pay refund notification for unknown refund {OutRefundNo}", refund.OutRefundNo);
            return SettleResult.Unknown;
        }

        if (payment.Status != DuesPaymentStatus.Refunding)
        {
            return SettleResult.Unchanged;
        }

        if (refund.Status == "SUCCESS")
        {
            payment.MarkRefunded(time.GetUtcNow());
            var bills = await db.DuesBills.Where(b => b.PaymentId == payment.Id).ToListAsync(cancellationToken);
            foreach (var bill in bills)
            {
                bill.Reopen();
            }
        }
        else if (refund.Status is "ABNORMAL" or "CLOSED")
        {
            payment.RefundFailed($"退款未成功（{refund.Status}），请在微信支付商户平台处理。");
        }
        else
        {
            return SettleResult.Waiting;
        }

        return await SaveAsync(payment, cancellationToken) ? SettleResult.Paid : SettleResult.Unchanged;
    }

    private async Task<SettleResult> PaidAsync(DuesPayment payment, WeChatPayTransaction transaction, string source, CancellationToken cancellationToken)
    {
        if (payment.Status is not (DuesPaymentStatus.Pending or DuesPaymentStatus.Closed))
        {
            return SettleResult.Unchanged;
        }

        var bills = await db.DuesBills.Where(b => b.MemberId == payment.MemberId && payment.Periods.Contains(b.Period)).OrderBy(b => b.Period).ToListAsync(cancellationToken);
        var problem = payment.Mismatch(transaction.TotalFen ?? -1, transaction.PayerOpenId)
            ?? (bills.Count != payment.Periods.Count || bills.Any(b => b.Status == DuesBillStatus.Paid) ? "所付月份已由其他付款交纳或已不再应交" : null);
        var at = transaction.SuccessTime ?? time.GetUtcNow();
        if (problem is not null)
        {
            payment.Dispute(problem, transaction.TransactionId);
            logger.LogWarning("WeChat Pay {Source}: order {OutTradeNo} disputed: {Problem}", source, payment.OutTradeNo, problem);
            await reminders.ScheduleAsync(
                ReminderKind.Dues,
                SubjectTypes.Dues,
                payment.MemberId,
                $"disputed-{payment.Id}",
                await ledger.CommissionersAsync(payment.BranchId, cancellationToken),
                time.GetUtcNow(),
                new ReminderContent("党费支付异常", $"一笔微信支付党费（订单{payment.OutTradeNo}）与订单不符：{problem}。未记为已交，请核对处理。", null, "党费支付异常", time.GetUtcNow(), Note: "请核对处理"),
                cancellationToken);
        }
        else
        {
            payment.MarkPaid(transaction.TransactionId ?? string.Empty, at);
            for (var i = 0; i < bills.Count; i++)
            {
                var marked = bills[i].MarkPaid(payment.Id, bills[i].AmountFen + (i == bills.Count - 1 ? payment.ExtraFen : 0), at);
                if (!marked.Succeeded)
                {
                    // WeChat Pay has the money whatever we think of the month; the payment stays paid and the month is
                    // left to the 组织委员 (reconciliation lists it), so say so loudly rather than drop it.
                    logger.LogError("WeChat Pay payment {OutTradeNo} could not mark {Month} paid: {Reason}", payment.OutTradeNo, bills[i].Month, marked.Error!.Message);
                }
            }
        }

        if (!await SaveAsync(payment, cancellationToken))
        {
            return SettleResult.Unchanged;
        }

        logger.LogInformation("WeChat Pay {Source}: order {OutTradeNo} {Outcome}", source, payment.OutTradeNo, problem is null ? "paid" : "disputed");
        return problem is null ? SettleResult.Paid : SettleResult.Disputed;
    }

    /// <summary>Saves; false when another writer settled the same order first (its outcome stands).</summary>
    private async Task<bool> SaveAsync(DuesPayment payment, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Order {OutTradeNo} was settled concurrently; the first outcome stands", payment.OutTradeNo);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
