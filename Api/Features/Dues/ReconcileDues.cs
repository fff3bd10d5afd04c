using System.Globalization;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;
using SmartBranch.Infrastructure.WeChatPay;

namespace SmartBranch.Api.Features.Dues;

public static class ReconcileDues
{
    /// <summary>What kind of difference: paid at WeChat Pay but not here, paid here but not in the bill, amounts differ.</summary>
    public enum DifferenceKind
    {
        PaidThereNotHere,
        HereNotThere,
        AmountDiffers,
    }

    /// <summary>One difference; amounts in fen; <c>ourStatus</c> null when we hold no such order.</summary>
    public sealed record Difference(DifferenceKind Kind, string OutTradeNo, string? TransactionId, int? MemberId, string? Name, long? WeChatFen, long? OurFen, DuesPaymentStatus? OurStatus);

    /// <summary>The day compared (China time), the totals on both sides (fen) and every difference. Fixed only by <c>reconciliation/resolve</c>.</summary>
    public sealed record Response(string Date, int WeChatCount, long WeChatFen, int OurCount, long OurFen, IReadOnlyList<Difference> Differences);

    /// <summary>
    /// Fetches the day's trade bill (<c>date</c> "yyyy-MM-dd", default yesterday; WeChat Pay has it from the next
    /// day) and compares the branch's WeChat Pay payments with it. Trades of orders we do not know are attributed
    /// to the branch by the payer's openid.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int branchId,
        string? date,
        CurrentMember current,
        AppDbContext db,
        WeChatPayClient pay,
        TimeProvider time,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var (branch, refusal) = await DuesAccess.LoadBranchAsync(db, current, branchId, cancellationToken);
        if (branch is null)
        {
            return Problems.From(refusal!);
        }

        var day = LocalCalendar.Today(time.GetUtcNow()).AddDays(-1);
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Problems.BadRequest("日期格式错误", "日期格式应为 yyyy-MM-dd。");
        }

        var bill = await pay.GetTradeBillAsync(day, cancellationToken);
        if (bill.Value is not { } rows)
        {
            return bill.Error!.Code is "NO_STATEMENT_EXIST" or "PARAM_ERROR"
                ? Problems.BadRequest("账单尚未生成", "微信支付的交易账单次日才能下载，请选择今天以前的日期。")
                : Problems.Unavailable(context, "暂时无法获取微信支付账单，请稍后再试。", 60);
        }

        var from = LocalCalendar.StartOf(day);
        var to = LocalCalendar.StartOf(day.AddDays(1));
        var successes = rows.Where(r => r.TradeState == "SUCCESS").ToList();
        var numbers = successes.Select(r => r.OutTradeNo).ToList();
        var known = await db.DuesPayments.AsNoTracking().Where(p => numbers.Contains(p.OutTradeNo)).ToDictionaryAsync(p => p.OutTradeNo, cancellationToken);
        var openIds = successes.Where(r => !known.ContainsKey(r.OutTradeNo)).Select(r => r.OpenId).ToList();
        var payers = await db.Members.AsNoTracking().Where(m => m.OpenId != null && openIds.Contains(m.OpenId)).Select(m => new { m.Id, m.Name, m.BranchId, m.OpenId }).ToListAsync(cancellationToken);
        var ours = await db.DuesPayments.AsNoTracking()
            .Where(p => p.BranchId == branchId && p.Method == DuesPaymentMethod.WeChatPay && p.PaidAt >= from && p.PaidAt < to
                && (p.Status == DuesPaymentStatus.Paid || p.Status == DuesPaymentStatus.Refunding || p.Status == DuesPaymentStatus.Refunded))
            .ToListAsync(cancellationToken);
        var memberIds = known.Values.Select(p => p.MemberId).Concat(ours.Select(p => p.MemberId)).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);

        var differences = new List<Difference>();
        foreach (var row in successes)
        {
            if (known.TryGetValue(row.OutTradeNo, out var payment))
            {
                if (payment.BranchId != branchId)
                {
                    continue;
                }

                var paidHere = payment.Status is DuesPaymentStatus.Paid or DuesPaymentStatus.Refunding or DuesPaymentStatus.Refunded;
                if (!paidHere)
                {
                    differences.Add(new Difference(DifferenceKind.PaidThereNotHere, row.OutTradeNo, row.TransactionId, payment.MemberId, names.GetValueOrDefault(payment.MemberId), row.TotalFen, payment.AmountFen, payment.Status));
                }
                else if (payment.AmountFen != row.TotalFen)
                {
                    differences.Add(new Difference(DifferenceKind.AmountDiffers, row.OutTradeNo, row.TransactionId, payment.MemberId, names.GetValueOrDefault(payment.MemberId), row.TotalFen, payment.AmountFen, payment.Status));
                }
            }
            else if (payers.FirstOrDefault(m => m.OpenId == row.OpenId) is { } payer && payer.BranchId == branchId)
            {
                differences.Add(new Difference(DifferenceKind.PaidThereNotHere, row.OutTradeNo, row.TransactionId, payer.Id, payer.Name, row.TotalFen, null, null));
            }
        }

        var inBill = successes.Select(r => r.OutTradeNo).ToHashSet();
        foreach (var payment in ours.Where(p => !inBill.Contains(p.OutTradeNo)))
        {
            differences.Add(new Difference(DifferenceKind.HereNotThere, payment.OutTradeNo, payment.ReceiptNumber, payment.MemberId, names.GetValueOrDefault(payment.MemberId), null, payment.AmountFen, payment.Status));
        }

        var branchRows = successes.Where(r => known.TryGetValue(r.OutTradeNo, out var p) ? p.BranchId == branchId : payers.Any(m => m.OpenId == r.OpenId && m.BranchId == branchId)).ToList();
        return TypedResults.Ok(new Response(
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            branchRows.Count,
            branchRows.Sum(r => r.TotalFen),
            ours.Count,
            ours.Sum(p => p.AmountFen),
            differences));
    }
}
