using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

public static class SetDuesAccount
{
    /// <summary>
    /// <c>paidUpTo</c> ("yyyy-MM", a transferred-in member's letter: 党费交至), <c>leftIn</c> ("yyyy-MM", the month an
    /// archived member left: owed no more from it), <c>excuseReason</c> (an approved reason for not paying: arrears
    /// are not flagged). Null clears a field. Without them the member record (archived on) and the transfer
    /// that brought the member in (dues paid up to) decide. 400 (nothing stored) when <c>paidUpTo</c> is later than
    /// December of this year (the furthest a member may pay ahead, <see cref="DuesLedger.LastPayableMonth"/>) or
    /// <c>leftIn</c> is earlier than <c>paidUpTo</c>.
    /// </summary>
    public sealed record Request(string? PaidUpTo, string? LeftIn, string? ExcuseReason);

    public sealed record Response(int MemberId, string? PaidUpTo, string? LeftIn, string? ExcuseReason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.PaidUpTo).Must(t => t is null || DuesViews.ParseMonth(t) is not null).WithMessage("月份格式应为 yyyy-MM。");
            RuleFor(r => r.LeftIn).Must(t => t is null || DuesViews.ParseMonth(t) is not null).WithMessage("月份格式应为 yyyy-MM。");
            RuleFor(r => r.ExcuseReason).MaximumLength(DuesAccount.ReasonMaxLength);
        }
    }

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int memberId,
        Request request,
        DuesLedger ledger,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, _, cancellationToken) = services;
        var (member, refusal) = await DuesAccess.LoadMemberAsync(db, current, memberId, selfAllowed: false, cancellationToken);
        if (member is null)
        {
            return Problems.From(refusal!);
        }

        var paidUpTo = DuesViews.ParseMonth(request.PaidUpTo);
        var leftIn = DuesViews.ParseMonth(request.LeftIn);
        if (DuesAccount.Check(paidUpTo, leftIn, ledger.LastPayableMonth) is { } impossible)
        {
            return Problems.From(impossible);
        }

        var account = await db.DuesAccounts.FirstOrDefaultAsync(a => a.MemberId == member.Id, cancellationToken);
        if (account is null)
        {
            account = new DuesAccount(member.Id);
            db.DuesAccounts.Add(account);
        }

        account.RecordPaidUpTo(paidUpTo);
        account.RecordLeft(leftIn);
        account.Excuse(request.ExcuseReason, current.Id);
        audit.Record(member.BranchId, "dues.account_set", SubjectTypes.Dues, member.Id,
            $"{member.Name}党费：交至{request.PaidUpTo ?? "无"}，离开月份{request.LeftIn ?? "无"}，缓交理由{account.ExcuseReason ?? "无"}");
        await db.SaveChangesAsync(cancellationToken);

        // Bills no longer owed go, bills now owed come.
        await ledger.EnsureBillsAsync([member.Id], ledger.LastPayableMonth, cancellationToken);
        return TypedResults.Ok(new Response(member.Id, request.PaidUpTo, request.LeftIn, account.ExcuseReason));
    }
}
