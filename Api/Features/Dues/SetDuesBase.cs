using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Features.Dues;

public static class SetDuesBase
{
    /// <summary>
    /// A year's category and, for salaried and retired members, the after-tax monthly base in fen
    /// (<c>monthlyBaseFen</c>; 300000 = 3,000.00 yuan). The member declares it, or the committee enters it.
    /// <c>owedFrom</c> ("yyyy-MM", in the year, optional): the first month owed under this base. Left out, a new base
    /// is owed from January when the member had a base the year before, else from the current month
    /// (<see cref="DuesBase.DefaultOwedFrom"/>); a changed base keeps its first month.
    /// A member declaring their own base may not send <c>owedFrom</c> (403) nor replace a base the committee entered
    /// (409); every change, the member's own included, is written to the audit log.
    /// </summary>
    public sealed record Request(DuesCategory? Category, long? MonthlyBaseFen, string? OwedFrom = null);

    /// <summary>The year's base, its first owed month ("yyyy-MM") and what the rule asks each month (fen).</summary>
    public sealed record Response(int MemberId, int Year, DuesCategory Category, long? MonthlyBaseFen, string OwedFrom, int? RateBasisPoints, long MonthlyFen, string Explanation);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Category).NotNull().WithMessage("请选择交纳类别。");
            RuleFor(r => r.OwedFrom).Must(t => t is null || DuesViews.ParseMonth(t) is not null).WithMessage("月份格式应为 yyyy-MM。");
        }
    }

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int memberId,
        int year,
        Request request,
        DuesLedger ledger,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var (member, refusal) = await DuesAccess.LoadMemberAsync(db, current, memberId, selfAllowed: true, cancellationToken);
        if (member is null)
        {
            return Problems.From(refusal!);
        }

        if (year < ledger.CurrentMonth.Year - 1 || year > ledger.CurrentMonth.Year + 1)
        {
            return Problems.BadRequest("年度超出范围", "只能设置上一年度、本年度或下一年度的党费基数。");
        }

        var category = request.Category!.Value;
        if (DuesBase.Check(category, request.MonthlyBaseFen, ledger.Rates) is { } error)
        {
            return Problems.From(error);
        }

        // A member may declare their own base (Domain/README.md §Dues); the committee fixes the first owed month and
        // checks the base, so a member's own declaration cannot move the month or replace a base the committee entered.
        var access = await current.GetAccessAsync(cancellationToken);
        var self = member.Id == current.Id && !access.CanManage(member.BranchId);
        if (self && request.OwedFrom is not null)
        {
            return Problems.Forbidden("起交月份由支委会确定，请联系支部组织委员。");
        }

        var owedFrom = DuesViews.ParseMonth(request.OwedFrom);
        if (owedFrom is { } chosen && DuesBase.CheckOwedFrom(year, chosen) is { } outside)
        {
            return Problems.From(outside);
        }

        // Members with paid months keep them: the base is fixed at the start of the year, a change re-prices only what is unpaid.
        var existing = await db.DuesBases.FirstOrDefaultAsync(b => b.MemberId == member.Id && b.Year == year, cancellationToken);
        if (existing is null)
        {
            var continues = await db.DuesBases.AnyAsync(b => b.MemberId == member.Id && b.Year == year - 1, cancellationToken);
            existing = new DuesBase(member.Id, year, owedFrom ?? DuesBase.DefaultOwedFrom(year, ledger.CurrentMonth, continues), category, request.MonthlyBaseFen, current.Id, time.GetUtcNow());
            db.DuesBases.Add(existing);
        }
        else if (self && existing.SetByMemberId != member.Id)
        {
            return Problems.Conflict("党费基数已由支委会核定", $"{year}年的党费基数已由支委会核定，如需调整请联系支部组织委员。");
        }
        else
        {
            existing.Set(category, request.MonthlyBaseFen, current.Id, time.GetUtcNow());
            if (owedFrom is { } month)
            {
                existing.StartFrom(month);
            }
        }

        var monthly = existing.MonthlyDueFen(ledger.Rates);
        await ledger.RepriceUnpaidAsync(member.Id, year, monthly, cancellationToken);

        audit.Record(member.BranchId, "dues.base_set", SubjectTypes.Dues, member.Id,
            $"{(member.Id == current.Id ? $"{member.Name}申报本人" : $"设置{member.Name}")}{year}年党费基数：{DuesViews.Explain(existing.Assess(ledger.Rates), monthly, existing)}");

        await db.SaveChangesAsync(cancellationToken);
        var rule = existing.Assess(ledger.Rates);
        return TypedResults.Ok(new Response(member.Id, year, category, existing.MonthlyBaseFen, existing.FirstOwedMonth.ToString(), rule.RateBasisPoints, monthly, DuesViews.Explain(rule, monthly, existing)));
    }
}
