using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Appraisals;

public static class GetAppraisalRound
{
    /// <summary>An appraised member; <c>selfAppraisal</c> is their own text (自我评价), shown to the branch.</summary>
    public sealed record Appraised(int MemberId, string Name, string? SelfAppraisal);

    /// <summary>
    /// The round as a ballot form: who is appraised, the grades, whether the caller may vote and has voted.
    /// <c>voters</c>/<c>voted</c> are the electorate size and how many have voted so far (turnout, no names).
    /// </summary>
    public sealed record Response(int Id, int BranchId, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, AppraisalStatus Status,
        IReadOnlyList<AppraisalGrade> Grades, IReadOnlyList<Appraised> AppraisedMembers, bool CanVote, bool HasVoted, int Voters, int Voted);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (round, refusal) = await AppraisalAccess.FindAsync(db, access, id, tracked: false, mustRun: false, cancellationToken);
        if (round is null)
        {
            return Problems.From(refusal!);
        }

        var ids = round.Appraised.Select(a => a.MemberId).ToList();
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var me = round.Voters.FirstOrDefault(v => v.MemberId == access.MemberId);
        return TypedResults.Ok(new Response(round.Id, round.BranchId, round.Title, round.PeriodStart, round.PeriodEnd, round.Status,
            Enum.GetValues<AppraisalGrade>(),
            round.Appraised.OrderBy(a => names.GetValueOrDefault(a.MemberId)).Select(a => new Appraised(a.MemberId, names.GetValueOrDefault(a.MemberId) ?? string.Empty, a.SelfAppraisal)).ToList(),
            round.IsOpen && me is { HasVoted: false },
            me?.HasVoted ?? false,
            round.Voters.Count,
            round.Voters.Count(v => v.HasVoted)));
    }
}
