using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>A person as shown on a meeting.</summary>
public sealed record PersonView(int Id, string Name);

/// <summary>Whether enough people are present (general meeting: voters; committee meeting: committee members).</summary>
public sealed record QuorumView(int Counted, int Present, int Required, bool IsQuorate);

/// <summary>A recorded vote.</summary>
public sealed record ResolutionView(int Id, string Title, int Yes, int No, int Abstain, int Voters, int VotersPresent, bool Passed, DateTimeOffset RecordedAt);

/// <summary>A leave request as its author and the organisers see it.</summary>
public sealed record LeaveView(int Id, int MemberId, string Reason, LeaveStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? DecisionNote);

/// <summary>A meeting in a list, with the caller's own attendance when they are expected.</summary>
public sealed record MeetingSummary(
    int Id,
    MeetingType Type,
    string TypeName,
    int BranchId,
    int UnitId,
    string Topic,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    MeetingStatus Status,
    Visibility Visibility,
    bool IsAttendee,
    AttendanceStatus? MyAttendance);

/// <summary>Everything about a meeting the caller may see.</summary>
public sealed record MeetingDetail(
    int Id,
    MeetingType Type,
    string TypeName,
    int BranchId,
    int UnitId,
    string UnitName,
    string Topic,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    string? Agenda,
    Visibility Visibility,
    MeetingStatus Status,
    string? CancelReason,
    PersonView Convener,
    PersonView? Recorder,
    int ExpectedCount,
    int VoterCount,
    QuorumView? Quorum,
    IReadOnlyList<ResolutionView> Resolutions,
    bool HasPublishedMinutes,
    bool CanOrganize,
    bool IsAttendee,
    AttendanceStatus? MyAttendance,
    LeaveView? MyLeave);

internal static class MeetingViews
{
    public static QuorumView? Quorum(Meeting meeting) =>
        meeting.CurrentQuorum() is { } q ? new QuorumView(q.Counted, q.Present, q.Required, q.IsQuorate) : null;

    public static LeaveView Leave(LeaveRequest l) => new(l.Id, l.MemberId, l.Reason, l.Status, l.RequestedAt, l.DecidedAt, l.DecisionNote);

    public static ResolutionView Resolution(Resolution r) => new(r.Id, r.Title, r.Yes, r.No, r.Abstain, r.Voters, r.VotersPresent, r.Passed, r.RecordedAt);

    public static async Task<MeetingDetail> DetailAsync(AppDbContext db, Meeting meeting, AccessScope access, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = new[] { meeting.ConvenerId, meeting.RecorderId ?? meeting.ConvenerId };
        var names = await db.Members.AsNoTracking().Where(m => people.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == meeting.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        var resolutions = await db.Resolutions.AsNoTracking().Where(r => r.MeetingId == meeting.Id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var myLeave = await db.LeaveRequests.AsNoTracking().SingleOrDefaultAsync(l => l.MeetingId == meeting.Id && l.MemberId == access.MemberId, cancellationToken);
        var hasMinutes = await db.Minutes.AnyAsync(m => m.MeetingId == meeting.Id && m.PublishedAt != null, cancellationToken);
        var me = meeting.Find(access.MemberId);
        return new MeetingDetail(
            meeting.Id,
            meeting.Type,
            meeting.Type.DisplayName(),
            meeting.BranchId,
            meeting.UnitId,
            unitName,
            meeting.Topic,
            meeting.StartsAt,
            meeting.EndsAt,
            meeting.Place,
            meeting.OnlineLink,
            meeting.Agenda,
            meeting.Visibility,
            meeting.Status,
            meeting.CancelReason,
            new PersonView(meeting.ConvenerId, names.GetValueOrDefault(meeting.ConvenerId, string.Empty)),
            meeting.RecorderId is int r ? new PersonView(r, names.GetValueOrDefault(r, string.Empty)) : null,
            meeting.Attendees.Count,
            meeting.Attendees.Count(a => a.HasVote),
            Quorum(meeting),
            resolutions.Select(Resolution).ToList(),
            hasMinutes,
            access.CanOrganize(meeting),
            me is not null,
            me?.EffectiveStatus(meeting, now),
            myLeave is null ? null : Leave(myLeave));
    }
}
