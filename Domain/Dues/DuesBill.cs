using System.Linq.Expressions;
using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Dues;

public enum DuesBillStatus
{
    [Label("未交纳")]
    Unpaid,
    [Label("已交纳")]
    Paid,
}

/// <summary>
/// What one member owes for one month (MemberId, Period unique). The amount is fixed when the bill is made
/// from the year's base; a bill is paid by exactly one payment.
/// </summary>
public sealed class DuesBill
{
    private DuesBill()
    {
    }

    public DuesBill(int memberId, int branchId, YearMonth month, long amountFen, DateTimeOffset now)
    {
        MemberId = memberId;
        BranchId = branchId;
        Period = month.Number;
        AmountFen = amountFen;
        Status = DuesBillStatus.Unpaid;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public int MemberId { get; private set; }

    /// <summary>The branch the member belonged to when the bill was made (the branch that collects it).</summary>
    public int BranchId { get; private set; }

    /// <summary>yyyymm.</summary>
    public int Period { get; private set; }

    /// <summary>What is owed, in fen.</summary>
    public long AmountFen { get; private set; }

    public DuesBillStatus Status { get; private set; }

    /// <summary>What was paid for this month, in fen (at least <see cref="AmountFen"/>; more with a voluntary extra).</summary>
    public long PaidFen { get; private set; }

    public long? PaymentId { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public YearMonth Month => YearMonth.FromNumber(Period);

    /// <summary>
    /// The one meaning of "unpaid" (to list, pay, remind and count as arrears): not paid and asking at least a fen. A
    /// month whose amount due is 0 (a reduction approved down to nothing) is settled by owing nothing: it is never
    /// unpaid, never arrears, never offered for payment, and counts as paid through on a transfer letter.
    /// </summary>
    public static readonly Expression<Func<DuesBill, bool>> Outstanding = b => b.Status == DuesBillStatus.Unpaid && b.AmountFen > 0;

    /// <summary><see cref="Outstanding"/> for a bill in memory.</summary>
    public bool IsOutstanding => Status == DuesBillStatus.Unpaid && AmountFen > 0;

    /// <summary>Re-prices an unpaid bill after the year's base changed.</summary>
    public void Reprice(long amountFen)
    {
        if (Status == DuesBillStatus.Unpaid)
        {
            AmountFen = amountFen;
        }
    }

    public Result MarkPaid(long paymentId, long paidFen, DateTimeOffset at)
    {
        if (Status == DuesBillStatus.Paid)
        {
            return new DomainError("dues.month_already_paid", $"{Month}的党费已交纳。");
        }

        if (paidFen < AmountFen)
        {
            return new DomainError("dues.paid_less", $"{Month}交纳的金额少于应交金额。");
        }

        Status = DuesBillStatus.Paid;
        PaymentId = paymentId;
        PaidFen = paidFen;
        PaidAt = at;
        return Result.Ok;
    }

    /// <summary>A refunded payment leaves its months unpaid again.</summary>
    public void Reopen()
    {
        Status = DuesBillStatus.Unpaid;
        PaymentId = null;
        PaidFen = 0;
        PaidAt = null;
    }
}
