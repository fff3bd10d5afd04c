using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Brand;

public static class GetReach
{
    public sealed record UnitFigures(int UnitId, string Name, ReachFigures Figures);

    public sealed record ItemFigures(string Type, int Id, int UnitId, string Title, ReachFigures Figures);

    /// <summary>One China-local day: distinct viewers that day, interactions, and the heat they add at the end of the period.</summary>
    public sealed record DayFigures(DateOnly Date, int Attention, int Interactions, double Heat);

    /// <summary>The weights and half-life the heat was computed with.</summary>
    public sealed record Formula(double ViewWeight, double LikeWeight, double CommentWeight, double ShareWeight, double HalfLifeDays, string Text);

    /// <summary>
    /// Reach of a unit's stories and notices over [from, to] (China dates, inclusive): the unit in total, its
    /// branches side by side (general branch), each story and notice, and each day.
    /// </summary>
    public sealed record Response(int UnitId, string UnitName, DateOnly From, DateOnly To, ReachFigures Total, IReadOnlyList<UnitFigures> Branches, IReadOnlyList<ItemFigures> Items, IReadOnlyList<DayFigures> Days, Formula Formula);

    public const int MaxDays = 366;

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        DateOnly? from,
        DateOnly? to,
        CurrentMember current,
        AppDbContext db,
        ReachCalculator calculator,
        IOptions<ReachOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await BrandRules.LoadManagedBrandUnitAsync(db, access, id, "不支持的组织", "传播效果按支部或党总支统计。", cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        var end = to ?? LocalCalendar.Today(now);
        var start = from ?? end.AddDays(-29);
        if (start > end)
        {
            return Problems.BadRequest("时间范围无效", "开始日期不能晚于结束日期。");
        }

        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            return Problems.BadRequest("时间范围过长", $"一次最多统计{MaxDays}天。");
        }

        var report = await ComputeAsync(db, calculator, unit, start, end, now, cancellationToken);
        var o = options.Value;
        var formula = new Formula(o.ViewWeight, o.LikeWeight, o.CommentWeight, o.ShareWeight, o.HalfLife.TotalDays,
            "热度 = Σ 权重(类型) × 0.5^(距统计截止的时间 ÷ 半衰期)；关注度 = 去重浏览人数；覆盖度 = 目标人群中已浏览人数 ÷ 目标人数");
        return TypedResults.Ok(report with { Formula = formula });
    }

    internal static async Task<Response> ComputeAsync(AppDbContext db, ReachCalculator calculator, OrganizationUnit unit, DateOnly start, DateOnly end, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fromInstant = LocalCalendar.StartOf(start);
        var toInstant = LocalCalendar.StartOf(end.AddDays(1));
        var reference = toInstant < now ? toInstant : now;
        var branches = await ReachCalculator.BranchesOfAsync(db, unit, cancellationToken);
        var contentUnits = branches.Select(b => b.Id).Append(unit.Id).Distinct().ToList();
        var data = await calculator.LoadAsync(contentUnits, branches.Select(b => b.Id).ToList(), fromInstant, toInstant, cancellationToken);

        int BranchOf(int memberId) => data.MemberBranch.GetValueOrDefault(memberId);
        int AudienceOf(IEnumerable<int> branchIds)
        {
            var set = branchIds.ToHashSet();
            return data.MemberBranch.Values.Count(set.Contains);
        }

        var branchIds = branches.Select(b => b.Id).ToHashSet();
        var total = calculator.Figure(data.Interactions, m => branchIds.Contains(BranchOf(m)), AudienceOf(branchIds), reference);

        // Side by side: each branch's own content against its own members.
        var storyUnit = data.Stories.ToDictionary(s => s.Id, s => s.UnitId);
        var noticeUnit = data.Notices.ToDictionary(n => n.Id, n => n.UnitId);
        int UnitOf(ReachCalculator.Interaction i) => i.SubjectType == SubjectTypes.Story ? storyUnit[i.SubjectId] : noticeUnit[i.SubjectId];
        var perBranch = unit.Kind == UnitKind.GeneralBranch
            ? branches.Select(b => new UnitFigures(b.Id, b.Name, calculator.Figure(data.Interactions.Where(i => UnitOf(i) == b.Id), m => BranchOf(m) == b.Id, AudienceOf([b.Id]), reference))).ToList()
            : [];

        var items = new List<ItemFigures>();
        foreach (var story in data.Stories)
        {
            var audienceBranches = story.UnitId == unit.Id && unit.Kind == UnitKind.GeneralBranch ? branchIds : [story.UnitId];
            var figures = calculator.Figure(
                data.Interactions.Where(i => i.SubjectType == SubjectTypes.Story && i.SubjectId == story.Id),
                m => audienceBranches.Contains(BranchOf(m)),
                AudienceOf(audienceBranches),
                reference);
            items.Add(new ItemFigures(SubjectTypes.Story, story.Id, story.UnitId, story.Title, figures));
        }

        foreach (var notice in data.Notices)
        {
            var recipients = data.NoticeRecipients.GetValueOrDefault(notice.Id) ?? [];
            var figures = calculator.Figure(
                data.Interactions.Where(i => i.SubjectType == SubjectTypes.Notice && i.SubjectId == notice.Id),
                recipients.Contains,
                notice.Recipients,
                reference);
            items.Add(new ItemFigures(SubjectTypes.Notice, notice.Id, notice.UnitId, notice.Title, figures));
        }

        var days = new List<DayFigures>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            var dayStart = LocalCalendar.StartOf(day);
            var dayEnd = LocalCalendar.StartOf(day.AddDays(1));
            var inDay = data.Interactions.Where(i => i.At >= dayStart && i.At < dayEnd).ToList();
            days.Add(new DayFigures(
                day,
                inDay.Where(i => i.Kind == ReachCalculator.View).Select(i => i.ViewerKey).Distinct().Count(),
                inDay.Count,
                Math.Round(inDay.Sum(i => calculator.Heat(i, reference)), 2)));
        }

        return new Response(
            unit.Id,
            unit.Name,
            start,
            end,
            total,
            perBranch,
            items.Where(i => i.Figures.Views + i.Figures.Likes + i.Figures.Comments + i.Figures.Shares > 0)
                .OrderByDescending(i => i.Figures.Heat).ThenBy(i => i.Type).ThenBy(i => i.Id).ToList(),
            days,
            new Formula(0, 0, 0, 0, 0, string.Empty));
    }
}
