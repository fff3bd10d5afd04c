using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Study;

/// <summary>Hours of one topic.</summary>
public sealed record StudyTopicHours(string Topic, decimal Hours);

/// <summary>Where hours came from: a completed material or an attended meeting.</summary>
public enum StudyHoursSource
{
    Material,
    Meeting,
}

/// <summary>One entry behind a member's hours.</summary>
/// <remarks><c>On</c>: China-time date of completion or of the meeting.</remarks>
public sealed record StudyHoursEntry(StudyHoursSource Source, int Id, string Title, string Topic, DateOnly On, decimal Hours);

/// <summary>A member's hours in a year.</summary>
public sealed record MemberStudyHours(int MemberId, decimal MaterialHours, decimal MeetingHours, IReadOnlyList<StudyTopicHours> ByTopic, IReadOnlyList<StudyHoursEntry> Entries)
{
    public decimal Total => MaterialHours + MeetingHours;
}

/// <summary>
/// Study hours per member and year (China time): completed materials (their hours, recorded once at completion)
/// plus 党课 and 主题党日 meetings the member attended (present or late, as the meetings area records it; the
/// meeting's length in class hours, topic = the meeting type). Members see only their own; the committee exports
/// its branch. No ranking is ever computed (Domain/README.md: measure completion, not clicks).
/// </summary>
internal static class StudyHours
{
    /// <summary>Meeting types that count as study (党课, and 主题党日 whose core is collective study).</summary>
    public static readonly IReadOnlyList<MeetingType> StudyMeetingTypes = [MeetingType.PartyLesson, MeetingType.ThemedPartyDay];

    public static async Task<IReadOnlyDictionary<int, MemberStudyHours>> ForAsync(AppDbContext db, IReadOnlyCollection<int> memberIds, int year, StudyOptions options, CancellationToken cancellationToken)
    {
        var completions = await db.StudyProgress.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId) && p.Year == year && p.CompletedAt != null)
            .Join(db.StudyMaterials.AsNoTracking(), p => p.MaterialId, m => m.Id, (p, m) => new { p.MemberId, p.MaterialId, m.Title, p.Topic, p.CompletedAt, p.Hours })
            .ToListAsync(cancellationToken);

        var from = LocalCalendar.StartOf(new DateOnly(year, 1, 1));
        var to = LocalCalendar.StartOf(new DateOnly(year + 1, 1, 1));
        var types = StudyMeetingTypes.ToList();
        var meetings = await db.MeetingAttendees.AsNoTracking()
            .Where(a => memberIds.Contains(a.MemberId) && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late))
            .Join(db.Meetings.AsNoTracking(), a => a.MeetingId, m => m.Id, (a, m) => new { a.MemberId, Meeting = m })
            .Where(x => x.Meeting.Status != MeetingStatus.Cancelled && types.Contains(x.Meeting.Type))
            .Select(x => new { x.MemberId, x.Meeting.Id, x.Meeting.Topic, x.Meeting.Type, x.Meeting.StartsAt, x.Meeting.EndsAt })
            .ToListAsync(cancellationToken);

        var result = new Dictionary<int, MemberStudyHours>();
        foreach (var memberId in memberIds.Distinct())
        {
            var entries = completions.Where(c => c.MemberId == memberId)
                .Select(c => new StudyHoursEntry(StudyHoursSource.Material, c.MaterialId, c.Title, c.Topic, LocalCalendar.Today(c.CompletedAt!.Value), c.Hours))
                .Concat(meetings.Where(m => m.MemberId == memberId && m.StartsAt >= from && m.StartsAt < to)
                    .Select(m => new StudyHoursEntry(StudyHoursSource.Meeting, m.Id, m.Topic, m.Type.DisplayName(), LocalCalendar.Today(m.StartsAt), StudyViews.Hours((int)Math.Round((m.EndsAt - m.StartsAt).TotalMinutes), options))))
                .OrderBy(e => e.On)
                .ToList();
            var byTopic = entries.GroupBy(e => e.Topic).Select(g => new StudyTopicHours(g.Key, g.Sum(e => e.Hours))).OrderBy(t => t.Topic, StringComparer.Ordinal).ToList();
            result[memberId] = new MemberStudyHours(
                memberId,
                entries.Where(e => e.Source == StudyHoursSource.Material).Sum(e => e.Hours),
                entries.Where(e => e.Source == StudyHoursSource.Meeting).Sum(e => e.Hours),
                byTopic,
                entries);
        }

        return result;
    }
}
