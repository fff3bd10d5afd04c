using System.Text;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>The meetings a member is expected at, for their calendar feed (cancelled ones marked cancelled).</summary>
internal sealed class MeetingCalendarSource(AppDbContext db) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(int memberId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Attendees.Any(a => a.MemberId == memberId) && m.StartsAt >= from && m.StartsAt < to)
            .OrderBy(m => m.StartsAt)
            .ToListAsync(cancellationToken);
        return meetings.Select(m => new CalendarItem(
                $"meeting-{m.Id}@smartbranch",
                $"{m.Type.DisplayName()}：{m.Topic}",
                Describe(m),
                m.Place ?? m.OnlineLink,
                m.StartsAt,
                m.EndsAt,
                m.IsCancelled,
                m.Sequence,
                m.UpdatedAt,
                m.OnlineLink is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri : null))
            .ToList();
    }

    private static string Describe(Meeting meeting)
    {
        var text = new StringBuilder(meeting.Type.DisplayName()).Append('：').Append(meeting.Topic);
        if (meeting.OnlineLink is { } link)
        {
            text.Append("\n线上会议：").Append(link);
        }

        if (meeting.Agenda is { } agenda)
        {
            text.Append("\n议程：").Append(agenda);
        }

        if (meeting.IsCancelled)
        {
            text.Append("\n本次会议已取消。");
        }

        return text.ToString();
    }
}
