using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Appraisals;

public static class ListAppraisalRounds
{
    /// <summary>A round in a list; <c>hasVoted</c>/<c>canVote</c> are about the caller.</summary>
    public sealed record Item(int Id, int BranchId, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, AppraisalStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, bool CanVote, bool HasVoted);

    /// <summary>Rounds of <c>branchId</c> (default: the caller's branch), newest first. 404 for a branch whose rounds the caller may not see.</summary>
    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle(int? branchId, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var branch = branchId ?? access.BranchId;
        if (branch != access.BranchId && !access.CanRun(branch))
        {
            return Problems.NotFound("未找到该支部，或您无权查看。");
        }

        var me = access.MemberId;
        var items = await db.AppraisalRounds.AsNoTracking()
            .Where(r => r.BranchId == branch)
            .OrderByDescending(r => r.OpenedAt)
            .Select(r => new Item(r.Id, r.BranchId, r.Title, r.PeriodStart, r.PeriodEnd, r.Status, r.OpenedAt, r.ClosedAt,
                r.Status == AppraisalStatus.Open && r.Voters.Any(v => v.MemberId == me && !v.HasVoted),
                r.Voters.Any(v => v.MemberId == me && v.HasVoted)))
            .Take(100)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<Item>(items));
    }
}
