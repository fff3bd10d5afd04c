using SmartBranch.Domain.Common;
namespace SmartBranch.Api.Features.Dues;

public static class ApproveDuesReduction
{
    /// <summary>The approved monthly amount below the rule (fen) and the reason (e.g. 生活困难).</summary>
    public sealed record Request(long? MonthlyFen, string? Reason);

    public sealed record Response(int MemberId, int Year, long RuleMonthlyFen, long MonthlyFen, string Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.MonthlyFen).NotNull().WithMessage("请填写减免后的月交纳额。").GreaterThanOrEqualTo(0).WithMessage("金额不能为负。");
            RuleFor(r => r.Reason).NotEmpty().WithMessage("请填写减免原因。").MaximumLength(Domain.Dues.DuesBase.ReasonMaxLength);
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
        var (member, refusal) = await DuesAccess.LoadMemberAsync(db, current, memberId, selfAllowed: false, cancellationToken);
        if (member is null)
        {
            return Problems.From(refusal!);
        }

        var existing = await db.DuesBases.FirstOrDefaultAsync(b => b.MemberId == member.Id && b.Year == year, cancellationToken);
        if (existing is null)
        {
            return Problems.NotFound("该党员本年度尚未设置党费基数。");
        }

        var reason = request.Reason!.Trim();
        var outcome = existing.ApproveReduction(request.MonthlyFen!.Value, reason, ledger.Rates, current.Id, time.GetUtcNow());
        if (outcome.Error is { } error)
        {
            return Problems.From(error);
        }

        await ledger.RepriceUnpaidAsync(member.Id, year, request.MonthlyFen.Value, cancellationToken);

        var rule = existing.Assess(ledger.Rates).MonthlyFen;
        audit.Record(member.BranchId, "dues.reduction_approved", SubjectTypes.Dues, member.Id,
            $"批准{member.Name}{year}年党费每月{DuesLedger.Yuan(request.MonthlyFen.Value)}（标准{DuesLedger.Yuan(rule)}）：{reason}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(member.Id, year, rule, request.MonthlyFen.Value, reason));
    }
}
