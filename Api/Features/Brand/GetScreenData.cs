using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Brand;

public static class GetScreenData
{
    public sealed record Event(string Kind, string Title, string? TypeName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place);

    public sealed record StoryCard(int Id, string Title, string Excerpt, IReadOnlyList<string> ImageUrls, DateTimeOffset? PublishedAt, int LikeCount);

    public sealed record NoticeCard(int Id, string Title, DateTimeOffset? PublishedAt);

    /// <summary>Check-ins today (China time) at the unit's public meetings and activities.</summary>
    public sealed record CheckIns(DateOnly Date, int Today);

    /// <summary>Public meetings of the last 90 days that have ended: expected attendees and those who came.</summary>
    public sealed record Attendance(int Meetings, int Expected, int Attended, double Rate);

    public sealed record Reach(int Days, int Attention, double Coverage, double Heat);

    /// <summary>Everything the display shows; only Public content, and aggregate figures.</summary>
    public sealed record Response(
        DateTimeOffset GeneratedAt,
        int RefreshSeconds,
        GetBrand.Response Brand,
        IReadOnlyList<Event> Upcoming,
        IReadOnlyList<StoryCard> Stories,
        IReadOnlyList<NoticeCard> Notices,
        CheckIns CheckIns,
        Attendance Attendance,
        Reach Reach);

    public const int RefreshSeconds = 5;

    /// <summary>Titles on the screen are cut to this many characters (whole characters, then "…").</summary>
    public const int TitleMaxLength = 40;

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        string token,
        HttpContext context,
        AppDbContext db,
        ReachCalculator calculator,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ScreenPage.NoCache(context);
        var link = await db.ScreenLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Token == token && l.RevokedAt == null, cancellationToken);
        var unit = link is null ? null : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == link.UnitId, cancellationToken);
        if (unit is null)
        {
            return Problems.NotFound("大屏链接无效或已被撤销。");
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var dayStart = LocalCalendar.StartOf(today);
        var dayEnd = LocalCalendar.StartOf(today.AddDays(1));
        var branches = await ReachCalculator.BranchesOfAsync(db, unit, cancellationToken);
        var branchIds = branches.Select(b => b.Id).ToList();
        var units = await PublicContent.UnitsUnderAsync(db, unit, cancellationToken);

        var brand = await db.BrandProfiles.AsNoTracking().FirstOrDefaultAsync(b => b.UnitId == unit.Id, cancellationToken);
        var publicStories = PublicContent.Stories(db, units);
        var brandView = GetBrand.ToResponse(unit.Id, unit.Name, brand, await publicStories.CountAsync(cancellationToken), canEdit: false);

        var meetings = db.Meetings.AsNoTracking().Where(m => (branchIds.Contains(m.BranchId) || units.Contains(m.UnitId)) && m.Visibility == Visibility.Public && m.Status == MeetingStatus.Scheduled);
        var upcomingMeetings = await meetings.Where(m => m.EndsAt > now).OrderBy(m => m.StartsAt).Take(6)
            .Select(m => new { m.Topic, m.Type, m.StartsAt, m.EndsAt, m.Place, m.OnlineLink }).ToListAsync(cancellationToken);
        var activities = PublicContent.Activities(db, units).Where(a => a.Status == ActivityStatus.Scheduled);
        var upcomingActivities = await activities.Where(a => a.EndsAt > now).OrderBy(a => a.StartsAt).Take(6)
            .Select(a => new { a.Title, a.StartsAt, a.EndsAt, a.Place }).ToListAsync(cancellationToken);
        var upcoming = upcomingMeetings.Select(m => new Event("meeting", TextCut.Shorten(m.Topic, TitleMaxLength), m.Type.DisplayName(), m.StartsAt, m.EndsAt, m.Place ?? (m.OnlineLink is null ? null : "线上")))
            .Concat(upcomingActivities.Select(a => new Event("activity", TextCut.Shorten(a.Title, TitleMaxLength), "活动", a.StartsAt, a.EndsAt, a.Place)))
            .OrderBy(e => e.StartsAt)
            .Take(8)
            .ToList();

        var stories = await publicStories.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Take(6).ToListAsync(cancellationToken);
        var imageIds = stories.SelectMany(s => s.Images).Distinct().ToList();

        var showable = await PublicContent.ShowableImagesAsync(db, imageIds, cancellationToken);
        var storyCards = stories.Select(s => new StoryCard(s.Id, TextCut.Shorten(s.Title, TitleMaxLength), TextCut.Shorten(s.Body, 120),
            s.Images.Where(showable.Contains).Select(BrandRules.MediaUrl).ToList(), s.PublishedAt, s.LikeCount)).ToList();

        var notices = await PublicContent.Notices(db, units)
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Take(5)
            .Select(n => new { n.Id, n.Title, n.PublishedAt })
            .ToListAsync(cancellationToken);
        var noticeCards = notices.Select(n => new NoticeCard(n.Id, TextCut.Shorten(n.Title, TitleMaxLength), n.PublishedAt)).ToList();

        var meetingCheckIns = await db.MeetingAttendees.AsNoTracking()
            .Where(a => a.CheckedInAt >= dayStart && a.CheckedInAt < dayEnd && meetings.Any(m => m.Id == a.MeetingId))
            .CountAsync(cancellationToken);
        var activityCheckIns = await db.Enrollments.AsNoTracking()
            .Where(e => e.CheckedInAt >= dayStart && e.CheckedInAt < dayEnd && activities.Any(a => a.Id == e.ActivityId))
            .CountAsync(cancellationToken);

        var since = now.AddDays(-90);
        var heldIds = await meetings.Where(m => m.EndsAt <= now && m.EndsAt > since).Select(m => m.Id).ToListAsync(cancellationToken);
        var roll = await db.MeetingAttendees.AsNoTracking().Where(a => heldIds.Contains(a.MeetingId)).Select(a => new { a.Status, a.CheckedInAt }).ToListAsync(cancellationToken);
        var attended = roll.Count(a => a.CheckedInAt != null || a.Status is AttendanceStatus.Present or AttendanceStatus.Late);
        var attendance = new Attendance(heldIds.Count, roll.Count, attended, roll.Count == 0 ? 0 : Math.Round((double)attended / roll.Count, 4));

        const int reachDays = 30;
        var reach = await GetReach.ComputeAsync(db, calculator, unit, today.AddDays(1 - reachDays), today, now, cancellationToken);

        return TypedResults.Ok(new Response(
            now,
            RefreshSeconds,
            brandView,
            upcoming,
            storyCards,
            noticeCards,
            new CheckIns(today, meetingCheckIns + activityCheckIns),
            attendance,
            new Reach(reachDays, reach.Total.Attention, reach.Total.Coverage, reach.Total.Heat)));
    }
}
