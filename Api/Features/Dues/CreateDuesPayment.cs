using System.Globalization;
using System.Security.Cryptography;
using SmartBranch.Domain.Dues;
using SmartBranch.Infrastructure.WeChatPay;

namespace SmartBranch.Api.Features.Dues;

public static class CreateDuesPayment
{
    /// <summary>
    /// Pay every unpaid month up to and including <c>through</c> ("yyyy-MM", at most December of this year):
    /// the mini-program offers the oldest month, a quarter, or the year's end. <c>extraFen</c> is a voluntary
    /// extra above the rule (fen, optional). Asking again for the same months returns the same open order.
    /// </summary>
    public sealed record Request(string? Through, long? ExtraFen);

    /// <summary>The order (state Pending until WeChat Pay confirms it) and the object to pass to <c>wx.requestPayment</c>.</summary>
    public sealed record Response(DuesViews.Payment Payment, RequestPaymentParameters RequestPayment);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Through).NotEmpty().WithMessage("请选择交纳到哪个月。")
                .Must(t => DuesViews.ParseMonth(t) is not null).WithMessage("月份格式应为 yyyy-MM。");
            RuleFor(r => r.ExtraFen).InclusiveBetween(0, 10_000_000).WithMessage("自愿多交的金额应在0到10万元之间。");
        }
    }

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request,
        CurrentMember current,
        AppDbContext db,
        DuesLedger ledger,
        DuesSettlement settlement,
        WeChatPayClient pay,
        IOptions<DuesOptions> options,
        TimeProvider time,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var through = DuesViews.ParseMonth(request.Through)!.Value;
        if (through > ledger.LastPayableMonth)
        {
            return Problems.BadRequest("月份超出范围", $"最多可预交到{ledger.LastPayableMonth}。");
        }

        // An open order the member may have paid a moment ago is settled first, so its months are not sold twice.
        foreach (var pending in await db.DuesPayments.Where(p => p.MemberId == current.Id && p.Status == DuesPaymentStatus.Pending).ToListAsync(cancellationToken))
        {
            await settlement.QueryAsync(pending, cancellationToken);
        }

        await ledger.EnsureBillsAsync([current.Id], ledger.LastPayableMonth, cancellationToken);
        var member = await db.Members.AsNoTracking().Where(m => m.Id == current.Id).Select(m => new { m.Id, m.BranchId }).SingleAsync(cancellationToken);
        var bills = await db.DuesBills.AsNoTracking()
            .Where(DuesBill.Outstanding)
            .Where(b => b.MemberId == current.Id && b.Period <= through.Number)
            .OrderBy(b => b.Period)
            .ToListAsync(cancellationToken);
        if (bills.Count == 0)
        {
            return Problems.BadRequest("没有待交月份", "所选月份之前没有待交的党费，或本年度党费基数尚未确定。");
        }

        var extra = request.ExtraFen ?? 0;
        var total = bills.Sum(b => b.AmountFen) + extra;
        if (total <= 0)
        {
            return Problems.BadRequest("金额为零", "应交金额为0，无需支付。");
        }

        var periods = bills.Select(b => b.Period).ToList();
        var now = time.GetUtcNow();
        var open = await db.DuesPayments
            .Where(p => p.MemberId == current.Id && p.Status == DuesPaymentStatus.Pending && p.Method == DuesPaymentMethod.WeChatPay)
            .ToListAsync(cancellationToken);
        var same = open.FirstOrDefault(p => p.Periods.SequenceEqual(periods) && p.AmountFen == total && p.PrepayId is not null && p.ExpiresAt > now.AddMinutes(1));
        if (same is not null)
        {
            return TypedResults.Ok(new Response(DuesViews.ToView(same), pay.RequestPayment(same.PrepayId!)));
        }

        // A new choice of months replaces the member's other open orders, so two of them cannot both be paid
        // (one paid in between is settled by the query; a close WeChat Pay refuses leaves it to the dues jobs).
        foreach (var other in open)
        {
            var closed = await pay.CloseAsync(other.OutTradeNo, cancellationToken);
            if (closed.Succeeded)
            {
                other.Close(now);
            }
            else if (closed.Error?.Code == "ORDERPAID")
            {
                await settlement.QueryAsync(other, cancellationToken);
            }
        }

        var outTradeNo = "DUES" + LocalTime(now).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8);
        var payment = DuesPayment.Order(member.Id, member.BranchId, outTradeNo, bills.Select(b => b.Month), total, extra, current.OpenId, now, now + options.Value.OrderLifetime);
        db.DuesPayments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);

        var months = bills.Count == 1 ? bills[0].Month.ToString() : $"{bills[0].Month}至{bills[^1].Month}";
        var order = await pay.CreateJsapiOrderAsync(
            new JsapiOrder(outTradeNo, $"党费 {months}", total, current.OpenId, payment.ExpiresAt!.Value, payment.Id.ToString(CultureInfo.InvariantCulture)),
            cancellationToken);
        if (order.Value is not { } prepayId)
        {
            payment.Close(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Problems.Unavailable(context, "微信支付暂时无法下单，请稍后再试。", 30);
        }

        payment.AttachPrepay(prepayId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(DuesViews.ToView(payment), pay.RequestPayment(prepayId)));
    }

    private static DateTimeOffset LocalTime(DateTimeOffset now) => Domain.Common.LocalCalendar.ToLocal(now);
}
