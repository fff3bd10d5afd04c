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
    /// <summary>One poll's view: <see cref="BuildAsync(AppDbContext, IReadOnlyList{Poll}, int, bool, DateTimeOffset, CancellationToken)"/> of that poll alone.</summary>
    public static async Task<PollView> BuildAsync(AppDbContext db, Poll poll, int viewerMemberId, bool canManage, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await BuildAsync(db, [poll], viewerMemberId, canManage, now, cancellationToken))[0];

    /// <summary>
    /// The views of polls of one target, in their order, from at most three queries whatever their number: the count
    /// and the viewer's own choice per option, the voters per poll, and (only for organisers, only of polls that are not
    /// anonymous) who chose what. Anonymous polls never load names.
    /// </summary>
    public static async Task<IReadOnlyList<PollView>> BuildAsync(AppDbContext db, IReadOnlyList<Poll> polls, int viewerMemberId, bool canManage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (polls.Count == 0)
        {
            return [];
        }

        var pollIds = polls.Select(p => p.Id).ToList();
        var perOption = await db.PollVotes.AsNoTracking().Where(v => pollIds.Contains(v.PollId))
            .GroupBy(v => v.OptionId)
            .Select(g => new { OptionId = g.Key, Votes = g.Count(), Mine = g.Count(v => v.MemberId == viewerMemberId) })
            .ToDictionaryAsync(o => o.OptionId, cancellationToken);
        var voters = await db.PollVotes.AsNoTracking().Where(v => pollIds.Contains(v.PollId))
            .GroupBy(v => v.PollId)
            .Select(g => new { PollId = g.Key, Voters = g.Select(v => v.MemberId).Distinct().Count() })
            .ToDictionaryAsync(p => p.PollId, p => p.Voters, cancellationToken);
        var named = canManage ? polls.Where(p => !p.IsAnonymous).Select(p => p.Id).ToList() : [];
        var names = (named.Count == 0
            ? []
            : await (from v in db.PollVotes.AsNoTracking()
                      where named.Contains(v.PollId)
                      join m in db.Members.AsNoTracking() on v.MemberId equals m.Id
                      select new OptionVoter(v.OptionId, m.Name)).ToListAsync(cancellationToken))
            .ToLookup(v => v.OptionId, v => v.Name);
        return polls.Select(poll =>
        {
            var showNames = canManage && !poll.IsAnonymous;
            var options = poll.Options.OrderBy(o => o.Position).ToList();
            return new PollView(poll.Id, poll.TargetKind, poll.TargetId, poll.Question, poll.MultipleChoice, poll.IsAnonymous, poll.ClosesAt, poll.IsOpen(now),
                voters.GetValueOrDefault(poll.Id),
                options.Where(o => perOption.TryGetValue(o.Id, out var c) && c.Mine > 0).Select(o => o.Id).Order().ToList(),
                options.Select(o => new PollOptionView(o.Id, o.Text, perOption.TryGetValue(o.Id, out var c) ? c.Votes : 0,
                    showNames ? names[o.Id].Order(StringComparer.Ordinal).ToList() : null)).ToList());
        }).ToList();
    }

    private sealed record OptionVoter(int OptionId, string Name);

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
