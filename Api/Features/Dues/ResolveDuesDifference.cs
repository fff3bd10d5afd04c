using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;
using SmartBranch.Infrastructure.WeChatPay;

namespace SmartBranch.Api.Features.Dues;

public static class ResolveDuesDifference
{
    /// <summary>The order to settle by WeChat Pay's word (our out_trade_no).</summary>
    public sealed record Request(string? OutTradeNo);

    /// <summary>What WeChat Pay said (trade_state) and the payment as it now stands.</summary>
    public sealed record Response(string TradeState, DuesViews.Payment Payment);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.OutTradeNo).NotEmpty().MaximumLength(DuesPayment.OutTradeNoMaxLength);
    }

    /// <summary>
    /// The explicit, audited fix of a reconciliation difference: queries the order at WeChat Pay and applies
    /// its answer the way a notification would (paid → months paid, unless amount or payer differ → disputed;
    /// closed → closed). A payment we hold as paid that WeChat Pay has not got is disputed and its months reopened.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int branchId,
        Request request,
        WeChatPayClient pay,
        DuesSettlement settlement,
        HttpContext context,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, _, cancellationToken) = services;
        var (branch, refusal) = await DuesAccess.LoadBranchAsync(db, current, branchId, cancellationToken);
        if (branch is null)
        {
            return Problems.From(refusal!);
        }

        var payment = await db.DuesPayments.FirstOrDefaultAsync(p => p.OutTradeNo == request.OutTradeNo && p.BranchId == branchId && p.Method == DuesPaymentMethod.WeChatPay, cancellationToken);
        if (payment is null)
        {
            return Problems.NotFound("本支部没有该微信支付订单；不属于任何订单的交易请在微信支付商户平台退款。");
        }

        var answer = await pay.QueryAsync(payment.OutTradeNo, cancellationToken);
        if (answer.Value is not { } transaction)
        {
            return Problems.Unavailable(context, "暂时无法查询微信支付订单，请稍后再试。", 60);
        }

        var before = payment.Status;
        if (transaction.TradeState == WeChatPayTransaction.Success)
        {
            await settlement.ApplyAsync(transaction, "reconciliation", cancellationToken);
        }
        else if (payment.Status == DuesPaymentStatus.Paid && transaction.TradeState is WeChatPayTransaction.NotPay or WeChatPayTransaction.Closed)
        {
            payment.Dispute($"微信支付无此交易（{transaction.TradeState}）", null);
            foreach (var bill in await db.DuesBills.Where(b => b.PaymentId == payment.Id).ToListAsync(cancellationToken))
            {
                bill.Reopen();
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await settlement.ApplyAsync(transaction, "reconciliation", cancellationToken);
        }

        db.ChangeTracker.Clear();
        var now = await db.DuesPayments.AsNoTracking().SingleAsync(p => p.Id == payment.Id, cancellationToken);
        audit.Record(branchId, "dues.reconciled", SubjectTypes.Dues, now.MemberId,
            $"对账处理订单{now.OutTradeNo}：微信支付{transaction.TradeState}，本系统{before}→{now.Status}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(transaction.TradeState, DuesViews.ToView(now)));
    }
}
