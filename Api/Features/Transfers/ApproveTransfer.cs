using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Transfers;

public static class ApproveTransfer
{
    /// <summary>
    /// Dues paid up to this month ("yyyy-MM"), carried to the receiving side and printed on the letter. Left out, the
    /// month the dues records say (<see cref="DuesOnRecord"/>), or none when there is no record: never assumed.
    /// </summary>
    public sealed record Request(string? DuesPaidUpTo);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.DuesPaidUpTo).Must(m => m is null || Months.TryParse(m, out _)).WithMessage("党费缴至月份格式应为 yyyy-MM。");
    }

    /// <summary>The sending branch's committee approves. 200; 403 for others who see it; 409 when no longer requested.</summary>
    public static Task<Results<Ok<TransferView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        CurrentMember current,
        AppDbContext db,
        TransferStep step,
        CancellationToken cancellationToken)
    {
        Months.TryParse(request.DuesPaidUpTo, out var month);
        return step.RunAsync(id, TransferAccess.IsSending, async (transfer, name, now) =>
        {
            var paidUpTo = month ?? await OnRecordAsync(db, transfer.MemberId, cancellationToken);
            return transfer.Approve(current.Id, paidUpTo, now).Error is { } error
                ? error
                : new TransferAuditEntry(transfer.FromBranchId!.Value, "transfer.approved", $"审批同意{name}的组织关系转接");
        }, cancellationToken);
    }

    private static async Task<DateOnly?> OnRecordAsync(AppDbContext db, int memberId, CancellationToken cancellationToken) =>
        (await Dues.DuesLedger.PaidThroughAsync(db, [memberId], cancellationToken)).GetValueOrDefault(memberId) is { } m
            ? new DateOnly(m.Year, m.Month, 1)
            : null;
}

/// <summary>"yyyy-MM" months as the first day of the month.</summary>
internal static class Months
{
    public static bool TryParse(string? text, out DateOnly? month)
    {
        month = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            month = day;
            return true;
        }

        return false;
    }
}

internal static class TransferSaves
{
    /// <summary>Saves; a transfer changed by someone else a moment earlier (its state is a concurrency token) gives 409.</summary>
    public static async Task<Result> SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DomainError("transfer.changed", "该转接刚刚已被他人处理，请刷新后查看。", ErrorKind.Conflict, "转接已变化");
        }
    }
}
