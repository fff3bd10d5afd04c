using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Appraisals;

public static class CloseAppraisalRound
{
    /// <summary>Ends the voting; results become visible. Errors: 404, 403 (not the committee or an admin), 409 (already closed).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (round, refusal) = await AppraisalAccess.FindAsync(db, access, id, tracked: true, mustRun: true, cancellationToken);
        if (round is null)
        {
            return Problems.From(refusal!);
        }

        var closed = round.Close(time.GetUtcNow());
        if (!closed.Succeeded)
        {
            return Problems.From(closed.Error!.As(ErrorKind.Conflict));
        }

        audit.Record(round.BranchId, "appraisal.closed", SubjectTypes.AppraisalRound, round.Id, $"结束民主评议《{round.Title}》，{round.Voters.Count(v => v.HasVoted)}/{round.Voters.Count}人投票");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("评议已结束", "评议刚刚已被结束。");
        }

        return TypedResults.NoContent();
    }
}
