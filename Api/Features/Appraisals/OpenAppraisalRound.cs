using SmartBranch.Domain.Common;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Appraisals;

public static class OpenAppraisalRound
{
    /// <summary>
    /// A new appraisal of <c>branchId</c> for the period <c>periodStart</c>–<c>periodEnd</c> (dates), appraising
    /// <c>appraisedMemberIds</c> (members of the branch). The electorate is fixed now: every member of the branch
    /// with a vote (full members; probationary ones too when Appraisals:ProbationaryMayVote).
    /// </summary>
    public sealed record Request(int BranchId, string Title, DateOnly? PeriodStart, DateOnly? PeriodEnd, IReadOnlyList<int>? AppraisedMemberIds);

    public sealed record Response(int Id, int Appraised, int Voters);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("请填写评议名称。").VisibleText().WithMessage("请填写评议名称。")
                .TrimmedMaximumLength(AppraisalRound.TitleMaxLength).WithMessage($"评议名称不能超过{AppraisalRound.TitleMaxLength}个字。");
            RuleFor(r => r.PeriodStart).NotNull().WithMessage("请填写评议期间的开始日期。");
            RuleFor(r => r.PeriodEnd).NotNull().WithMessage("请填写评议期间的结束日期。");
            RuleFor(r => r.AppraisedMemberIds).NotEmpty().WithMessage("请选择被评议的党员。")
                .Must(m => m is null || m.Count <= 200).WithMessage("被评议党员不能超过200人。");
        }
    }

    /// <summary>Errors: 404 (branch not visible), 403 (not its committee or an admin above), 400 (period, members outside the branch).</summary>
    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        IOptions<AppraisalOptions> options,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadBranchAsync(access, request.BranchId, access.CanRun, "无法评议", "民主评议按党支部进行。", cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        if (AppraisalRound.CheckPeriod(request.PeriodStart!.Value, request.PeriodEnd!.Value) is { } periodError)
        {
            return Problems.From(periodError);
        }

        var members = await db.Members.AsNoTracking().Where(m => m.BranchId == unit.Id).Select(m => new { m.Id, m.Status }).ToListAsync(cancellationToken);
        var appraised = request.AppraisedMemberIds!.Distinct().ToList();
        if (appraised.Any(id => members.All(m => m.Id != id)))
        {
            return Problems.BadRequest("被评议党员无效", "被评议的党员必须是本支部党员。");
        }

        var now = time.GetUtcNow();
        var round = new AppraisalRound(unit.Id, request.Title.Trim(), request.PeriodStart.Value, request.PeriodEnd.Value, current.Id, now);
        foreach (var id in appraised)
        {
            round.Appraise(id);
        }

        foreach (var voter in members.Where(m => m.Status == MembershipStatus.Full || options.Value.ProbationaryMayVote))
        {
            round.AddVoter(voter.Id);
        }

        db.AppraisalRounds.Add(round);
        await db.SaveWithAuditAsync(
            () => audit.Record(unit.Id, "appraisal.opened", SubjectTypes.AppraisalRound, round.Id, $"发起民主评议《{round.Title}》，评议{appraised.Count}人，投票人{round.Voters.Count}人"),
            cancellationToken);
        return TypedResults.Created($"/api/appraisals/{round.Id}", new Response(round.Id, appraised.Count, round.Voters.Count));
    }
}
