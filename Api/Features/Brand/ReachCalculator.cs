using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Brand;

/// <summary>Attention, coverage and heat of one scope (a unit, a branch, a story, a notice) over a period.</summary>
public sealed record ReachFigures(
    int Audience,
    int Attention,
    int ReachedMembers,
    double Coverage,
    int Views,
    int Likes,
    int Comments,
    int Shares,
    int ShareOpens,
    int MemberShareOpens,
    double Heat);

/// <summary>
/// Computes reach (README, "Reach"). Interactions are read from what is already recorded: a member's first
/// view of a story (<see cref="StoryView"/>), a member's first read of a notice (<see cref="NoticeRecipient.FirstReadAt"/>),
/// likes, comments, shares and share openings.
/// <list type="bullet">
/// <item>attention (关注度) = distinct viewers (members, and share openers outside the roster by their opener key);</item>
/// <item>coverage (覆盖度) = viewers who belong to the intended audience ÷ the audience (a notice's recipients; for a
/// story or a unit, all members of its branch or branches);</item>
/// <item>heat (热度) = Σ weight(type) × 0.5^(age ÷ half-life), age = reference time − interaction time, the reference
/// being the end of the period (or now, if earlier).</item>
/// </list>
/// </summary>
public sealed class ReachCalculator(AppDbContext db, IOptions<ReachOptions> options)
{
    /// <summary>One interaction.</summary>
    public sealed record Interaction(string Kind, DateTimeOffset At, string? ViewerKey, int? MemberId, string SubjectType, int SubjectId)
    {
        /// <summary>A view that came through a share (an opening of the shared link).</summary>
        public bool FromShare { get; init; }
    }

    public const string View = "view";
    public const string Like = "like";
    public const string Comment = "comment";
    public const string ShareKind = "share";

    /// <summary>Everything needed to figure the reach of a set of units' content over [from, to). <c>MemberBranch</c> holds the audience branches' members only.</summary>
    public sealed record Data(
        IReadOnlyList<Interaction> Interactions,
        IReadOnlyDictionary<int, int> MemberBranch,
        IReadOnlyList<(int Id, int UnitId, string Title)> Stories,
        IReadOnlyList<(int Id, int UnitId, string Title, int Recipients)> Notices,
        IReadOnlyDictionary<int, HashSet<int>> NoticeRecipients);

    /// <summary>Loads the interactions with <paramref name="unitIds"/>' content in [from, to), and the members of <paramref name="audienceBranchIds"/> (the only ones an audience can hold).</summary>
    public async Task<Data> LoadAsync(IReadOnlyCollection<int> unitIds, IReadOnlyCollection<int> audienceBranchIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var units = unitIds.ToList();
        var stories = await db.Stories.AsNoTracking()
            .Where(s => units.Contains(s.UnitId) && s.Status == StoryStatus.Published)
            .Select(s => new { s.Id, s.UnitId, s.Title })
            .ToListAsync(cancellationToken);
        var storyIds = stories.Select(s => s.Id).ToList();
        var notices = await db.Notices.AsNoTracking()
            .Where(n => units.Contains(n.UnitId) && n.PublishedAt != null && n.Status != NoticeStatus.Withdrawn)
            .Select(n => new { n.Id, n.UnitId, n.Title })
            .ToListAsync(cancellationToken);
        var noticeIds = notices.Select(n => n.Id).ToList();

        var interactions = new List<Interaction>();
        interactions.AddRange((await db.StoryViews.AsNoTracking()
                .Where(v => storyIds.Contains(v.StoryId) && v.FirstViewedAt >= from && v.FirstViewedAt < to)
                .Select(v => new { v.StoryId, v.MemberId, v.FirstViewedAt })
                .ToListAsync(cancellationToken))
            .Select(v => new Interaction(View, v.FirstViewedAt, $"m:{v.MemberId}", v.MemberId, SubjectTypes.Story, v.StoryId)));
        interactions.AddRange((await db.StoryLikes.AsNoTracking()
                .Where(l => storyIds.Contains(l.StoryId) && l.CreatedAt >= from && l.CreatedAt < to)
                .Select(l => new { l.StoryId, l.MemberId, l.CreatedAt })
                .ToListAsync(cancellationToken))
            .Select(l => new Interaction(Like, l.CreatedAt, null, l.MemberId, SubjectTypes.Story, l.StoryId)));
        interactions.AddRange((await db.StoryComments.AsNoTracking()
                .Where(c => storyIds.Contains(c.StoryId) && c.CreatedAt >= from && c.CreatedAt < to)
                .Select(c => new { c.StoryId, c.MemberId, c.CreatedAt })
                .ToListAsync(cancellationToken))
            .Select(c => new Interaction(Comment, c.CreatedAt, null, c.MemberId, SubjectTypes.Story, c.StoryId)));

        var recipients = await db.NoticeRecipients.AsNoTracking()
            .Where(r => noticeIds.Contains(r.NoticeId))
            .Select(r => new { r.NoticeId, r.MemberId, r.FirstReadAt })
            .ToListAsync(cancellationToken);
        interactions.AddRange(recipients
            .Where(r => r.FirstReadAt is { } at && at >= from && at < to)
            .Select(r => new Interaction(View, r.FirstReadAt!.Value, $"m:{r.MemberId}", r.MemberId, SubjectTypes.Notice, r.NoticeId)));

        var shares = await db.Shares.AsNoTracking()
            .Where(s => (s.SubjectType == SubjectTypes.Story && storyIds.Contains(s.SubjectId)) || (s.SubjectType == SubjectTypes.Notice && noticeIds.Contains(s.SubjectId)))
            .Select(s => new { s.Id, s.SubjectType, s.SubjectId, s.SharerMemberId, s.CreatedAt })
            .ToListAsync(cancellationToken);
        interactions.AddRange(shares
            .Where(s => s.CreatedAt >= from && s.CreatedAt < to)
            .Select(s => new Interaction(ShareKind, s.CreatedAt, null, s.SharerMemberId, s.SubjectType, s.SubjectId)));
        var shareIds = shares.Select(s => s.Id).ToList();
        var shareSubjects = shares.ToDictionary(s => s.Id, s => (s.SubjectType, s.SubjectId));
        var opens = await db.ShareOpens.AsNoTracking()
            .Where(o => shareIds.Contains(o.ShareId) && o.OpenedAt >= from && o.OpenedAt < to)
            .Select(o => new { o.ShareId, o.OpenerKey, o.MemberId, o.OpenedAt })
            .ToListAsync(cancellationToken);
        interactions.AddRange(opens.Select(o => new Interaction(View, o.OpenedAt, o.OpenerKey, o.MemberId, shareSubjects[o.ShareId].SubjectType, shareSubjects[o.ShareId].SubjectId) { FromShare = true }));

        var branches = audienceBranchIds.ToList();
        var memberBranch = await db.Members.AsNoTracking().Where(m => branches.Contains(m.BranchId)).ToDictionaryAsync(m => m.Id, m => m.BranchId, cancellationToken);
        var byNotice = recipients.GroupBy(r => r.NoticeId).ToDictionary(g => g.Key, g => g.Select(r => r.MemberId).ToHashSet());
        return new Data(
            interactions,
            memberBranch,
            stories.Select(s => (s.Id, s.UnitId, s.Title)).ToList(),
            notices.Select(n => (n.Id, n.UnitId, n.Title, byNotice.GetValueOrDefault(n.Id)?.Count ?? 0)).ToList(),
            byNotice);
    }

    /// <summary>Figures for <paramref name="interactions"/> against an audience of <paramref name="audience"/> members.</summary>
    public ReachFigures Figure(IEnumerable<Interaction> interactions, Func<int, bool> inAudience, int audience, DateTimeOffset reference)
    {
        var list = interactions.ToList();
        var views = list.Where(i => i.Kind == View).ToList();
        var reached = views.Where(v => v.MemberId is int m && inAudience(m)).Select(v => v.MemberId!.Value).Distinct().Count();
        var opens = views.Where(v => v.FromShare).ToList();
        return new ReachFigures(
            audience,
            views.Select(v => v.ViewerKey).Distinct().Count(),
            reached,
            audience == 0 ? 0 : Math.Round((double)reached / audience, 4),
            views.Count,
            list.Count(i => i.Kind == Like),
            list.Count(i => i.Kind == Comment),
            list.Count(i => i.Kind == ShareKind),
            opens.Count,
            opens.Count(o => o.MemberId is not null),
            Math.Round(list.Sum(i => Heat(i, reference)), 2));
    }

    /// <summary>weight(kind) × 0.5^(age ÷ half-life); an interaction after the reference counts in full.</summary>
    public double Heat(Interaction interaction, DateTimeOffset reference)
    {
        var o = options.Value;
        var weight = interaction.Kind switch
        {
            View => o.ViewWeight,
            Like => o.LikeWeight,
            Comment => o.CommentWeight,
            _ => o.ShareWeight,
        };
        var age = Math.Max(0, (reference - interaction.At).TotalSeconds);
        return weight * Math.Pow(0.5, age / o.HalfLife.TotalSeconds);
    }

    /// <summary>The branches whose members are the audience of <paramref name="unit"/> (itself, or every branch of a general branch).</summary>
    public static async Task<IReadOnlyList<OrganizationUnit>> BranchesOfAsync(AppDbContext db, OrganizationUnit unit, CancellationToken cancellationToken) =>
        unit.Kind == UnitKind.GeneralBranch
            ? await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id && u.Kind == UnitKind.Branch).OrderBy(u => u.Id).ToListAsync(cancellationToken)
            : [unit];
}
