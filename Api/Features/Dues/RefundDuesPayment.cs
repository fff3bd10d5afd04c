using System.Globalization;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;
using SmartBranch.Infrastructure.WeChatPay;

namespace SmartBranch.Api.Features.Dues;

public static class RefundDuesPayment
{
    /// <summary>The one 404, for an unknown payment and for one of a branch the caller cannot see.</summary>
    private const string PaymentNotFound = "未找到该党费缴纳记录，或您无权查看。";

    /// <summary>Why the payment is refunded (e.g. 重复支付).</summary>
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).NotEmpty().WithMessage("请填写退款原因。").MaximumLength(DuesPayment.TextMaxLength);
    }

    /// <summary>
    /// Refunds a paid (or disputed) WeChat Pay payment in full. The payment is Refunding until WeChat Pay's
    /// refund notification: REFUND.SUCCESS makes it Refunded and its months unpaid again.
    /// </summary>
    public static async Task<Results<Ok<DuesViews.Payment>, ProblemHttpResult>> Handle(
        long paymentId,
        Request request,
        WeChatPayClient pay,
        HttpContext context,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, _, cancellationToken) = services;
        var payment = await db.DuesPayments.FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null)
        {
            return Problems.From(Refusals.NotFound(PaymentNotFound));
        }

        var access = await current.GetAccessAsync(cancellationToken);
        if (UnitAccess.Check(access, payment.BranchId, access.CanManage, PaymentNotFound).Error is { } refusal)
        {
            return Problems.From(refusal);
        }

        var reason = request.Reason!.Trim();
        var outRefundNo = "R" + payment.OutTradeNo[..Math.Min(payment.OutTradeNo.Length, 31)];
        if (payment.RequestRefund(outRefundNo, reason).Error is { } error)
        {
            return Problems.From(error.As(ErrorKind.Conflict));
        }

        var name = await db.Members.Where(m => m.Id == payment.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        audit.Record(payment.BranchId, "dues.refund_requested", SubjectTypes.Dues, payment.MemberId,
            $"为{name}办理党费退款{DuesLedger.Yuan(payment.AmountFen)}（订单{payment.OutTradeNo}）：{reason}");

        // Refunding is stored before WeChat Pay is asked, so its notification always finds the refund.
        await db.SaveChangesAsync(cancellationToken);
        var refund = await pay.RefundAsync(payment.OutTradeNo, outRefundNo, reason, payment.AmountFen, payment.AmountFen, cancellationToken);
        if (!refund.Succeeded)
        {
            payment.RefundFailed(string.Create(CultureInfo.InvariantCulture, $"退款申请失败：{refund.Error!.Code}"));
            audit.Record(payment.BranchId, "dues.refund_failed", SubjectTypes.Dues, payment.MemberId, $"订单{payment.OutTradeNo}退款申请失败：{refund.Error.Code} {refund.Error.Message}");
            await db.SaveChangesAsync(cancellationToken);
            return Problems.Unavailable(context, "微信支付暂时无法退款，请稍后再试。", 60);
        }

        return TypedResults.Ok(DuesViews.ToView(payment));
    }
}
