using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Api.Features.Activities;
using SmartBranch.Api.Features.Meetings;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Brand;

/// <summary>
/// The part of the big screen that follows the room, pushed by <see cref="StreamScreen"/>: today's check-ins, the
/// current Public meeting or activity with who has arrived, its message wall, and live poll results. Only Public
/// meetings and activities of the screen's units appear; people are named as the link says (whole name or 王＊＊);
/// poll results are counts, never voters.
/// </summary>
public static class ScreenLive
{
    /// <summary>Someone who checked in (China time shown by the page).</summary>
    public sealed record Arrival(string Name, DateTimeOffset At);

    /// <summary>
    /// The meeting or activity whose check-in is open now (a meeting from an hour before its start, an activity from
    /// <c>Activities:CheckInOpensBefore</c> before, both until their end). <c>kind</c>: meeting or activity;
    /// <c>count</c>: everyone checked in; <c>arrivals</c>: the latest 60, newest first.
    /// </summary>
    public sealed record CheckInWall(string Kind, int Id, string Title, string? TypeName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, int Count, IReadOnlyList<Arrival> Arrivals);

    /// <summary>One approved message.</summary>
    public sealed record WallLine(int Id, string Author, string Text, DateTimeOffset PostedAt);

    /// <summary>The wall of the current meeting or activity (else the newest open wall of a Public one): its latest 30 approved messages, oldest first.</summary>
    public sealed record Wall(int Id, string Title, bool Open, IReadOnlyList<WallLine> Messages);

    public sealed record PollBar(int Id, string Text, int Votes);

    /// <summary>A poll of a Public meeting or activity of the screen: how many voted and each option's count.</summary>
    public sealed record PollResult(int Id, string Question, bool MultipleChoice, bool Open, int Voters, IReadOnlyList<PollBar> Options);

    /// <summary>Everything live; <c>checkInsToday</c> counts check-ins today (China time) at the units' Public meetings and activities.</summary>
    public sealed record Snapshot(int CheckInsToday, CheckInWall? CheckIn, Wall? Wall, IReadOnlyList<PollResult> Polls);

    public const int ArrivalsShown = 60;
    public const int MessagesShown = 30;
    public const int PollsShown = 2;

    /// <summary>The meeting or activity whose check-in is open now, or null.</summary>
    internal sealed record Current(TargetKind Kind, int Id, string Title, string? TypeName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string CheckInSecret);

    internal static async Task<Current?> FindCurrentAsync(AppDbContext db, ScreenScope scope, ActivityOptions activityOptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var meetingOpensFrom = now.AddHours(1);
        var meeting = await scope.PublicMeetings(db).Where(m => m.StartsAt <= meetingOpensFrom && m.EndsAt >= now).OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Topic, m.Type, m.StartsAt, m.EndsAt, m.Place, m.OnlineLink, m.CheckInSecret }).FirstOrDefaultAsync(cancellationToken);
        var activityOpensFrom = now + activityOptions.CheckInOpensBefore;
        var activity = await scope.PublicActivities(db).Where(a => a.StartsAt <= activityOpensFrom && a.EndsAt >= now).OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.StartsAt, a.EndsAt, a.Place, a.CheckInSecret }).FirstOrDefaultAsync(cancellationToken);
        if (meeting is not null && (activity is null || meeting.StartsAt <= activity.StartsAt))
        {
            return new Current(TargetKind.Meeting, meeting.Id, TextCut.Shorten(meeting.Topic, GetScreenData.TitleMaxLength), meeting.Type.DisplayName(), meeting.StartsAt, meeting.EndsAt,
                meeting.Place ?? (meeting.OnlineLink is null ? null : "线上"), meeting.CheckInSecret);
        }

        return activity is null ? null
            : new Current(TargetKind.Activity, activity.Id, TextCut.Shorten(activity.Title, GetScreenData.TitleMaxLength), "活动", activity.StartsAt, activity.EndsAt, activity.Place, activity.CheckInSecret);
    }

    /// <summary>The code to show for <paramref name="current"/>: the same rotating code the organiser's phone shows (<see cref="CheckInCodes"/>).</summary>
    internal static CheckInCode Issue(Current current, DateTimeOffset now) =>
        CheckInCodes.Issue(current.Kind == TargetKind.Meeting ? MeetingCheckIn.Prefix : GetCheckInCode.Prefix, current.Id, current.CheckInSecret, now);

    internal static async Task<Snapshot> BuildAsync(AppDbContext db, ScreenScope scope, ActivityOptions activityOptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var meetings = scope.PublicMeetings(db);
        var activities = scope.PublicActivities(db);
        var today = LocalCalendar.Today(now);
        var dayStart = LocalCalendar.StartOf(today);
        var dayEnd = LocalCalendar.StartOf(today.AddDays(1));
        var checkInsToday = await db.MeetingAttendees.AsNoTracking().CountAsync(a => a.CheckedInAt >= dayStart && a.CheckedInAt < dayEnd && meetings.Any(m => m.Id == a.MeetingId), cancellationToken)
            + await db.Enrollments.AsNoTracking().CountAsync(e => e.CheckedInAt >= dayStart && e.CheckedInAt < dayEnd && activities.Any(a => a.Id == e.ActivityId), cancellationToken);

        var current = await FindCurrentAsync(db, scope, activityOptions, now, cancellationToken);
        CheckInWall? checkIn = null;
        if (current is not null)
        {
            var arrived = current.Kind == TargetKind.Meeting
                ? db.MeetingAttendees.AsNoTracking().Where(a => a.MeetingId == current.Id && a.CheckedInAt != null).Select(a => new { a.MemberId, At = a.CheckedInAt!.Value })
                : db.Enrollments.AsNoTracking().Where(e => e.ActivityId == current.Id && e.CheckedInAt != null).Select(e => new { e.MemberId, At = e.CheckedInAt!.Value });
            var count = await arrived.CountAsync(cancellationToken);
            var latest = (await arrived.Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { m.Name, a.At }).ToListAsync(cancellationToken))
                .OrderByDescending(a => a.At).Take(ArrivalsShown)
                .Select(a => new Arrival(scope.Link.ShowName(a.Name), a.At))
                .ToList();
            checkIn = new CheckInWall(current.Kind == TargetKind.Meeting ? "meeting" : "activity", current.Id, current.Title, current.TypeName, current.StartsAt, current.EndsAt, current.Place, count, latest);
        }

        var publicMeetingIds = meetings.Select(m => m.Id);
        var publicActivityIds = activities.Select(a => a.Id);
        var walls = db.MessageWalls.AsNoTracking().Where(w =>
            (w.TargetKind == TargetKind.Meeting && publicMeetingIds.Contains(w.TargetId)) || (w.TargetKind == TargetKind.Activity && publicActivityIds.Contains(w.TargetId)));
        var wall = current is null ? null : await walls.FirstOrDefaultAsync(w => w.TargetKind == current.Kind && w.TargetId == current.Id, cancellationToken);
        wall ??= await walls.Where(w => w.ClosedAt == null).OrderByDescending(w => w.OpenedAt).ThenByDescending(w => w.Id).FirstOrDefaultAsync(cancellationToken);
        Wall? wallView = null;
        if (wall is not null)
        {
            var lines = (await db.WallMessages.AsNoTracking()
                    .Where(m => m.WallId == wall.Id && m.Status == WallMessageStatus.Approved)
                    .OrderByDescending(m => m.Id)
                    .Take(MessagesShown)
                    .Join(db.Members, m => m.AuthorMemberId, a => a.Id, (m, a) => new { m.Id, a.Name, m.Text, m.PostedAt })
                    .ToListAsync(cancellationToken))
                .OrderBy(m => m.Id)
                .Select(m => new WallLine(m.Id, scope.Link.ShowName(m.Name), m.Text, m.PostedAt))
                .ToList();
            wallView = new Wall(wall.Id, await TitleOfAsync(db, wall.TargetKind, wall.TargetId, cancellationToken), wall.IsOpen, lines);
        }

        var polls = await db.Polls.AsNoTracking().Include(p => p.Options)
            .Where(p => (p.TargetKind == TargetKind.Meeting && publicMeetingIds.Contains(p.TargetId)) || (p.TargetKind == TargetKind.Activity && publicActivityIds.Contains(p.TargetId)))
            .Where(p => (p.ClosedAt == null && p.ClosesAt > now) || (current != null && p.TargetKind == current.Kind && p.TargetId == current.Id))
            .OrderByDescending(p => p.Id)
            .Take(PollsShown * 2)
            .ToListAsync(cancellationToken);
        var shown = polls.OrderByDescending(p => p.IsOpen(now)).ThenByDescending(p => p.Id).Take(PollsShown).ToList();
        var pollIds = shown.Select(p => p.Id).ToList();
        var votes = await db.PollVotes.AsNoTracking().Where(v => pollIds.Contains(v.PollId)).Select(v => new { v.PollId, v.OptionId, v.MemberId }).ToListAsync(cancellationToken);
        var results = shown.Select(p => new PollResult(p.Id, p.Question, p.MultipleChoice, p.IsOpen(now),
            votes.Where(v => v.PollId == p.Id).Select(v => v.MemberId).Distinct().Count(),
            p.Options.OrderBy(o => o.Position).Select(o => new PollBar(o.Id, o.Text, votes.Count(v => v.OptionId == o.Id))).ToList())).ToList();

        return new Snapshot(checkInsToday, checkIn, wallView, results);
    }

    private static async Task<string> TitleOfAsync(AppDbContext db, TargetKind kind, int id, CancellationToken cancellationToken)
    {
        var title = kind == TargetKind.Meeting
            ? await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => m.Topic).FirstAsync(cancellationToken)
            : await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => a.Title).FirstAsync(cancellationToken);
        return TextCut.Shorten(title, GetScreenData.TitleMaxLength);
    }
}
