namespace SmartBranch.Api.Features.Appraisals;

public static class GetAppraisalResults
{
    /// <summary>Results, only after the round closed. Errors: 404, 403 (not the committee or an admin), 409 (still open).</summary>
    public static async Task<Results<Ok<AppraisalResultsView>, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (round, refusal) = await AppraisalAccess.FindAsync(db, access, id, tracked: false, mustRun: true, cancellationToken);
        if (round is null)
        {
            return Problems.From(refusal!);
        }

        return round.IsOpen
            ? Problems.Conflict("评议尚未结束", "评议结束后才能查看结果。")
            : TypedResults.Ok(await AppraisalResults.ComputeAsync(db, round, cancellationToken));
    }
}
