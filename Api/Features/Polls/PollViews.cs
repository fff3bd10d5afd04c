using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Polls;

/// <summary>One option with its live count; <c>voters</c> names who chose it, only for organisers of a poll that is not anonymous (else null).</summary>
public sealed record PollOptionView(int Id, string Text, int Votes, IReadOnlyList<string>? Voters);

/// <summary>
/// A poll with live results: <c>voters</c> is how many members voted, <c>myChoices</c> the caller's options
/// (empty before voting), <c>open</c> whether votes are still taken (China time shown by the client).
/// </summary>
public sealed record PollView(int Id, TargetKind TargetKind, int TargetId, string Question, bool MultipleChoice, bool Anonymous, DateTimeOffset ClosesAt,
    bool Open, int Voters, IReadOnlyList<int> MyChoices, IReadOnlyList<PollOptionView> Options);

internal static class PollViews
{
    public static async Task<PollView> BuildAsync(AppDbContext db, Poll poll, int viewerMemberId, bool canManage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var votes = await db.PollVotes.AsNoTracking().Where(v => v.PollId == poll.Id).Select(v => new { v.OptionId, v.MemberId }).ToListAsync(cancellationToken);
        var showNames = canManage && !poll.IsAnonymous;
        var names = showNames
            ? await db.Members.AsNoTracking().Where(m => db.PollVotes.Any(v => v.PollId == poll.Id && v.MemberId == m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken)
            : [];
        return new PollView(poll.Id, poll.TargetKind, poll.TargetId, poll.Question, poll.MultipleChoice, poll.IsAnonymous, poll.ClosesAt, poll.IsOpen(now),
            votes.Select(v => v.MemberId).Distinct().Count(),
            votes.Where(v => v.MemberId == viewerMemberId).Select(v => v.OptionId).Order().ToList(),
            poll.Options.OrderBy(o => o.Position).Select(o => new PollOptionView(o.Id, o.Text, votes.Count(v => v.OptionId == o.Id),
                showNames ? votes.Where(v => v.OptionId == o.Id).Select(v => names.GetValueOrDefault(v.MemberId) ?? string.Empty).Order(StringComparer.Ordinal).ToList() : null)).ToList());
    }

    /// <summary>The poll and the caller's rights on its target; null when they may not see the target (404).</summary>
    public static async Task<(Poll Poll, InteractionTarget Target)?> FindAsync(AppDbContext db, Domain.Organization.AccessScope access, int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Polls.Include(p => p.Options).Where(p => p.Id == id);
        var poll = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        if (poll is null)
        {
            return null;
        }

        var target = await InteractionTargets.FindAsync(db, access, poll.TargetKind, poll.TargetId, cancellationToken);
        return target is null ? null : (poll, target);
    }
}
