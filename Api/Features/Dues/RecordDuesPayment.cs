using System.Globalization;
using System.Security.Cryptography;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

public static class RecordDuesPayment
{
    /// <summary>
    /// A cash or bank payment of every unpaid month through <c>through</c> ("yyyy-MM"), with the receipt's number.
    /// <c>extraFen</c> is a voluntary extra (fen). The months are paid at once; the entry is audited.
    /// </summary>
    public sealed record Request(string? Through, DuesPaymentMethod? Method, string? ReceiptNumber, long? ExtraFen);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Through).NotEmpty().WithMessage("请选择交纳到哪个月。")
                .Must(t => DuesViews.ParseMonth(t) is not null).WithMessage("月份格式应为 yyyy-MM。");
            RuleFor(r => r.Method).NotNull().Must(m => m is DuesPaymentMethod.Cash or DuesPaymentMethod.BankTransfer).WithMessage("请选择现金或银行转账。");
            RuleFor(r => r.ReceiptNumber).NotEmpty().WithMessage("请填写收据编号。").MaximumLength(DuesPayment.ReceiptMaxLength);
            RuleFor(r => r.ExtraFen).InclusiveBetween(0, 10_000_000);
        }
    }

    public static async Task<Results<Created<DuesViews.Payment>, ProblemHttpResult>> Handle(
        int memberId,
        Request request,
        DuesLedger ledger,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var (member, refusal) = await DuesAccess.LoadMemberAsync(db, current, memberId, selfAllowed: false, cancellationToken);
        if (member is null)
        {
            return Problems.From(refusal!);
        }

        var through = DuesViews.ParseMonth(request.Through)!.Value;
        if (through > ledger.LastPayableMonth)
        {
            return Problems.BadRequest("月份超出范围", $"最多可预交到{ledger.LastPayableMonth}。");
        }

        var receipt = request.ReceiptNumber!.Trim();
        if (await db.DuesPayments.AnyAsync(p => p.BranchId == member.BranchId && p.ReceiptNumber == receipt, cancellationToken))
        {
            return Problems.Conflict("收据编号重复", $"收据编号{receipt}已登记过。");
        }

        await ledger.EnsureBillsAsync([member.Id], ledger.LastPayableMonth, cancellationToken);
        var bills = await db.DuesBills
            .Where(DuesBill.Outstanding)
            .Where(b => b.MemberId == member.Id && b.Period <= through.Number)
            .OrderBy(b => b.Period)
            .ToListAsync(cancellationToken);
        if (bills.Count == 0)
        {
            return Problems.BadRequest("没有待交月份", "所选月份之前没有待交的党费，或本年度党费基数尚未确定。");
        }

        var now = time.GetUtcNow();
        var extra = request.ExtraFen ?? 0;
        var outTradeNo = "CASH" + Domain.Common.LocalCalendar.ToLocal(now).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8);
        var payment = DuesPayment.Recorded(member.Id, member.BranchId, request.Method!.Value, outTradeNo, bills.Select(b => b.Month), bills.Sum(b => b.AmountFen) + extra, extra, receipt, current.Id, now);
        db.DuesPayments.Add(payment);
        // One transaction: the payment (for its id), the months it pays and the audit entry, or nothing when a month
        // was paid meanwhile (a notification settled it between loading and saving).
        var recorded = await db.InTransactionAsync(
            async ct =>
            {
                await db.SaveChangesAsync(ct);
                for (var i = 0; i < bills.Count; i++)
                {
                    var marked = bills[i].MarkPaid(payment.Id, bills[i].AmountFen + (i == bills.Count - 1 ? extra : 0), now);
                    if (!marked.Succeeded)
                    {
                        return (marked, false);
                    }
                }

                audit.Record(member.BranchId, "dues.payment_recorded", SubjectTypes.Dues, member.Id,
                    $"登记{member.Name}{(payment.Method == DuesPaymentMethod.Cash ? "现金" : "银行转账")}党费{DuesLedger.Yuan(payment.AmountFen)}（{bills[0].Month}至{bills[^1].Month}），收据{receipt}");
                return (Result.Ok, true);
            },
            cancellationToken);
        if (recorded.Error is { } refused)
        {
            return Problems.From(refused.As(ErrorKind.Conflict));
        }
        return TypedResults.Created($"/api/dues/payments/{payment.Id}", DuesViews.ToView(payment));
    }
}
