using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

/// <summary>Shapes shared by the dues responses. Money in fen, months as "yyyy-MM" (China time).</summary>
public static class DuesViews
{
    /// <summary>One month owed: "2026-03" and its amount in fen.</summary>
    public sealed record MonthDue(string Month, long AmountFen);

    /// <summary>A payment as members and committees see it; <c>receiptNumber</c> is WeChat Pay's transaction id or the cash receipt's number.</summary>
    public sealed record Payment(
        long Id,
        string OutTradeNo,
        DuesPaymentMethod Method,
        DuesPaymentStatus Status,
        long AmountFen,
        long ExtraFen,
        IReadOnlyList<string> Months,
        string? ReceiptNumber,
        DateTimeOffset CreatedAt,
        DateTimeOffset? PaidAt,
        string? Problem,
        DateTimeOffset? RefundedAt);

    public static Payment ToView(DuesPayment p) => new(
        p.Id, p.OutTradeNo, p.Method, p.Status, p.AmountFen, p.ExtraFen, p.Months.Select(m => m.ToString()).ToList(),
        p.ReceiptNumber, p.CreatedAt, p.PaidAt, p.Problem, p.RefundedAt);

    /// <summary>Why the amount is what it is, in Chinese for the mini-program.</summary>
    public static string Explain(DuesAssessment rule, long monthlyFen, DuesBase? year)
    {
        var reason = rule.Category switch
        {
            DuesCategory.Student => "学生党员按固定标准交纳",
            DuesCategory.Unemployed => "下岗失业党员按固定标准交纳",
            DuesCategory.Relief => "依靠最低生活保障的党员按固定标准交纳",
            DuesCategory.Retired => $"离退休党员，月基数{DuesLedger.Yuan(rule.BaseFen ?? 0)}，按{Percent(rule.RateBasisPoints)}交纳",
            _ => $"税后月收入{DuesLedger.Yuan(rule.BaseFen ?? 0)}，按{Percent(rule.RateBasisPoints)}交纳",
        };
        return year?.ReducedMonthlyFen is not null
            ? $"{reason}应交{DuesLedger.Yuan(rule.MonthlyFen)}；经批准每月交纳{DuesLedger.Yuan(monthlyFen)}（{year.ReductionReason}）"
            : $"{reason}，每月{DuesLedger.Yuan(monthlyFen)}";
    }

    private static string Percent(int? basisPoints) =>
        ((basisPoints ?? 0) / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>Parses "yyyy-MM"; null when it is not a month.</summary>
    public static YearMonth? ParseMonth(string? text) =>
        text is { Length: 7 } && text[4] == '-'
            && int.TryParse(text[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
            && int.TryParse(text[5..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
            && YearMonth.IsValidNumber((y * 100) + m)
            ? new YearMonth(y, m)
            : null;
}
