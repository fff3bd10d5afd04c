namespace SmartBranch.Api.Features.Audit;

public static class ListAuditLog
{
    public const int DefaultTake = 50;
    public const int MaxTake = 200;

    /// <summary>One recorded change: who made it, when, in which unit, to what.</summary>
    public sealed record Item(long Id, DateTimeOffset At, int ActorId, string ActorName, int UnitId, string UnitName, string Action, string TargetType, long? TargetId, string Summary);

    /// <summary>
    /// The changes made in a unit and the units below it, for whoever manages it: the branch committee for
    /// a branch, the group leader for a group, admins for everything under their general branch. Newest first;
    /// pass <c>nextCursor</c> back as <c>cursor</c> for the next page (null on the last).
    /// </summary>
    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle(
        int? unitId,
        long? cursor,
        int? limit,
        CurrentMember current,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        if (unitId is not int id)
        {
            return Problems.BadRequest("缺少参数", "请指定组织（unitId）。");
        }

        if (limit is < 1 or > MaxTake)
        {
            return Problems.BadRequest("参数无效", $"limit 应在 1 到 {MaxTake} 之间。");
        }

        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadUnitAsync(access, id, access.CanManage, cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var unitIds = (await db.Units.AsNoTracking().Select(u => u.Id).ToListAsync(cancellationToken)).Where(u => access.IsWithin(u, id)).ToList();
        var count = limit ?? DefaultTake;
        var query = db.AuditLog.AsNoTracking().Where(a => unitIds.Contains(a.UnitId));
        if (cursor is long after)
        {
            query = query.Where(a => a.Id < after);
        }

        var page = await query
            .OrderByDescending(a => a.Id)
            .Take(count + 1)
            .Select(a => new
            {
                a.Id,
                a.At,
                a.ActorMemberId,
                ActorName = db.Members.Where(m => m.Id == a.ActorMemberId).Select(m => m.Name).FirstOrDefault(),
                a.UnitId,
                UnitName = db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault(),
                a.Action,
                a.TargetType,
                a.TargetId,
                a.Summary,
            })
            .ToListAsync(cancellationToken);

        var items = page.Take(count)
            .Select(a => new Item(a.Id, a.At, a.ActorMemberId, a.ActorName ?? string.Empty, a.UnitId, a.UnitName ?? string.Empty, a.Action, a.TargetType, a.TargetId, a.Summary))
            .ToList();
        return TypedResults.Ok(new ListPage<Item>(items, page.Count > count ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }
}
