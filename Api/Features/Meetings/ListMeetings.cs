using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

public static class ListMeetings
{
    private const int Limit = 200;

    /// <summary>
    /// Meetings the caller may see. <c>upcoming</c>: not yet ended and not cancelled, soonest first;
    /// <c>past</c>: already started, latest first; <c>mine</c>: the caller's own attendance history
    /// (every meeting they were expected at), latest first. At most 200, in a page <c>{ items, nextCursor }</c> whose
    /// <c>nextCursor</c> is always null.
    /// </summary>
    public static async Task<Results<Ok<ListPage<MeetingSummary>>, ProblemHttpResult>> Handle(
        string? scope,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        scope = string.IsNullOrWhiteSpace(scope) ? "upcoming" : scope.Trim().ToLowerInvariant();
        if (scope is not ("upcoming" or "past" or "mine"))
        {
            return Problems.BadRequest("参数有误", "scope 只能是 upcoming、past 或 mine。");
        }

        var access = await current.GetAccessAsync(cancellationToken);
        var me = current.Id;
        var now = time.GetUtcNow();
        var units = access.VisibleUnitIds();
        var query = db.Meetings.AsNoTracking();
        query = scope == "mine"
            ? query.Where(m => m.Attendees.Any(a => a.MemberId == me))
            : query.Where(m => m.Attendees.Any(a => a.MemberId == me) || units.Contains(m.UnitId) || m.Visibility == Visibility.Public);
        query = scope switch
        {
            "upcoming" => query.Where(m => m.EndsAt >= now && m.Status == MeetingStatus.Scheduled).OrderBy(m => m.StartsAt),
            "past" => query.Where(m => m.StartsAt < now).OrderByDescending(m => m.StartsAt),
            _ => query.OrderByDescending(m => m.StartsAt),
        };

        // Visibility is decided by AccessScope in memory; the query only narrows the candidates.
        var candidates = await query.Take(Limit * 2).ToListAsync(cancellationToken);
        var ids = candidates.Select(m => m.Id).ToList();
        var mine = await db.MeetingAttendees.AsNoTracking()
            .Where(a => a.MemberId == me && ids.Contains(a.MeetingId))
            .ToDictionaryAsync(a => a.MeetingId, cancellationToken);
        var recorded = await db.MeetingAttendees.AsNoTracking()
            .Where(a => ids.Contains(a.MeetingId) && (a.CheckedInAt != null || a.Status == AttendanceStatus.Absent))
            .Select(a => a.MeetingId)
            .Distinct()
            .ToListAsync(cancellationToken);

        var list = candidates
            .Where(m => access.CanSee(m, mine.ContainsKey(m.Id)))
            .Take(Limit)
            .Select(m =>
            {
                var attendee = mine.GetValueOrDefault(m.Id);
                var held = !m.IsCancelled && (m.StartsAt <= now || recorded.Contains(m.Id));
                return new MeetingSummary(
                    m.Id,
                    m.Type,
                    m.Type.DisplayName(),
                    m.BranchId,
                    m.UnitId,
                    m.Topic,
                    m.StartsAt,
                    m.EndsAt,
                    m.Place,
                    m.OnlineLink,
                    m.Status,
                    m.Visibility,
                    attendee is not null,
                    attendee is null ? null : attendee.Status ?? (held ? AttendanceStatus.Absent : null));
            })
            .ToList();
        return TypedResults.Ok(new ListPage<MeetingSummary>(list));
    }
}
