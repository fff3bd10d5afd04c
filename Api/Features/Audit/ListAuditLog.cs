using System.Globalization;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Audit;

public static class ListAuditLog
{
    public const int DefaultTake = 50;
    public const int MaxTake = 200;

    /// <summary>One recorded change: who made it, when, in which unit, to what.</summary>
    public sealed record Item(long Id, DateTimeOffset At, int ActorId, string ActorName, int UnitId, string UnitName, string Action, string TargetType, long? TargetId, string Summary);

    /// <summary>Longest text a filter may carry (action, actor, subject type, text).</summary>
    public const int MaxFilterLength = 64;

    /// <summary>
    /// The changes made in a unit and the units below it, for whoever manages it: the branch committee for
    /// a branch, the group leader for a group, admins for everything under their general branch. Newest first;
    /// pass <c>nextCursor</c> back as <c>cursor</c> (with the same filters) for the next page (null on the last).
    /// The optional filters are combined with "and" and applied on the server before paging. 400 (Chinese) without
    /// <c>unitId</c>, for a <c>cursor</c> that is not a previous <c>nextCursor</c> (code <c>list.invalid_cursor</c>), a <c>limit</c> outside 1–200, a date that is not <c>yyyy-MM-dd</c>, <c>from</c> after <c>to</c>,
    /// or a filter longer than 64 characters; 403 for a plain member of the unit; 404 outside the caller's organisation.
    /// </summary>
    /// <param name="unitId">The unit whose log (with the units below it) to read.</param>
    /// <param name="cursor">The previous page's <c>nextCursor</c>.</param>
    /// <param name="limit">Entries a page, 1–200 (default 50).</param>
    /// <param name="action">An action (<c>member.created</c>) or its area (<c>member</c> matches every <c>member.*</c>).</param>
    /// <param name="actor">Part of the name of who made the change.</param>
    /// <param name="targetType">The subject type exactly (Domain/Common/SubjectTypes.cs: <c>member</c>, <c>notice</c>, …).</param>
    /// <param name="text">Part of the summary.</param>
    /// <param name="from">First China-time day, <c>yyyy-MM-dd</c>, inclusive.</param>
    /// <param name="to">Last China-time day, <c>yyyy-MM-dd</c>, inclusive.</param>
    /// <param name="current">The caller.</param>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle(
        int? unitId,
        string? cursor,
        int? limit,
        string? action,
        string? actor,
        string? targetType,
        string? text,
        string? from,
        string? to,
        CurrentMember current,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        if (unitId is not int id)
        {
            return Problems.BadRequest("未选择组织", "请先选择要查看操作记录的组织。");
        }

        if (!ListCursor.TryReadId(cursor, out var before))
        {
            return Problems.InvalidCursor();
        }

        if (limit is < 1 or > MaxTake)
        {
            return Problems.BadRequest("参数无效", $"每页条数应在 1 到 {MaxTake} 之间。");
        }

        if (new[] { action, actor, targetType, text }.Any(f => f?.Length > MaxFilterLength))
        {
            return Problems.BadRequest("参数无效", $"筛选条件不能超过 {MaxFilterLength} 个字符。");
        }

        var (fromDay, fromError) = Day(from, "起始日期");
        var (toDay, toError) = Day(to, "截止日期");
        if ((fromError ?? toError) is { } dateError)
        {
            return Problems.From(dateError);
        }

        if (fromDay > toDay)
        {
            return Problems.BadRequest("参数无效", "起始日期不能晚于截止日期。");
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
        if (before is long after)
        {
            query = query.Where(a => a.Id < after);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            var exact = action.Trim();
            var area = exact + ".";
            query = query.Where(a => a.Action == exact || a.Action.StartsWith(area));
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            var name = actor.Trim();
            query = query.Where(a => db.Members.Any(m => m.Id == a.ActorMemberId && m.Name.Contains(name)));
        }

        if (!string.IsNullOrWhiteSpace(targetType))
        {
            var type = targetType.Trim();
            query = query.Where(a => a.TargetType == type);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var part = text.Trim();
            query = query.Where(a => a.Summary.Contains(part));
        }

        if (fromDay is DateOnly first)
        {
            var start = LocalCalendar.StartOf(first);
            query = query.Where(a => a.At >= start);
        }

        if (toDay is DateOnly last)
        {
            var end = LocalCalendar.StartOf(last.AddDays(1));
            query = query.Where(a => a.At < end);
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
        return TypedResults.Ok(new ListPage<Item>(items, page.Count > count ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null));
    }

    /// <summary>A China-time date <c>yyyy-MM-dd</c> from the query, or the Chinese 400 naming the field.</summary>
    private static Result<DateOnly?> Day(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Result<DateOnly?>.Ok(null);
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100
            ? Result<DateOnly?>.Ok(day)
            : new DomainError("audit.bad_date", $"{field}应为“年-月-日”格式的日期，例如 2026-03-02。", ErrorKind.Invalid, "日期格式不正确");
    }
}
