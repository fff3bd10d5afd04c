using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Appraisals;

/// <summary>
/// Counts per grade for one appraised member. <c>grades</c> is null (no breakdown) when fewer than 3 ballots
/// name them, so a small vote cannot be traced; <c>ballots</c> is still given.
/// </summary>
public sealed record AppraisedResult(int MemberId, string Name, int Ballots, IReadOnlyDictionary<AppraisalGrade, int>? Grades, IReadOnlyList<string> Comments);

/// <summary>A member of the electorate who did not vote, so the secretary can follow up.</summary>
public sealed record NonVoter(int MemberId, string Name);

/// <summary>Results of a closed round: turnout (<c>voted</c> of <c>voters</c>, percent one decimal), per appraised member, non-voters by name.</summary>
public sealed record AppraisalResultsView(int Id, string Title, int Voters, int Voted, double TurnoutPercent, IReadOnlyList<AppraisedResult> Appraised, IReadOnlyList<NonVoter> NonVoters);

internal static class AppraisalResults
{
    /// <summary>Computes the results; the caller has checked the round is closed and the caller may run it.</summary>
    public static async Task<AppraisalResultsView> ComputeAsync(AppDbContext db, AppraisalRound round, CancellationToken cancellationToken)
    {
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.RoundId == round.Id)
            .Select(b => new { b.AppraisedMemberId, b.Grade, b.Comment })
            .ToListAsync(cancellationToken);
        var ids = round.Appraised.Select(a => a.MemberId).Concat(round.Voters.Select(v => v.MemberId)).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var appraised = round.Appraised
            .Select(a =>
            {
                var theirs = ballots.Where(b => b.AppraisedMemberId == a.MemberId).ToList();
                var enough = theirs.Count >= AppraisalRound.MinimumBallotsForBreakdown;
                return new AppraisedResult(
                    a.MemberId,
                    names.GetValueOrDefault(a.MemberId) ?? string.Empty,
                    theirs.Count,
                    enough ? Enum.GetValues<AppraisalGrade>().ToDictionary(g => g, g => theirs.Count(b => b.Grade == g)) : null,
                    enough ? theirs.Where(b => b.Comment is not null).Select(b => b.Comment!).Order(StringComparer.Ordinal).ToList() : []);
            })
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var voted = round.Voters.Count(v => v.HasVoted);
        var nonVoters = round.Voters.Where(v => !v.HasVoted).Select(v => new NonVoter(v.MemberId, names.GetValueOrDefault(v.MemberId) ?? string.Empty)).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        return new AppraisalResultsView(round.Id, round.Title, round.Voters.Count, voted,
            round.Voters.Count == 0 ? 0 : Math.Round(100.0 * voted / round.Voters.Count, 1), appraised, nonVoters);
    }
}
