using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>Who is expected at a meeting: the default set for its type, adjusted by the organiser.</summary>
internal static class ExpectedAttendees
{
    public static async Task<List<(int MemberId, bool HasVote)>> DefaultsAsync(
        AppDbContext db, MeetingType type, int branchId, int unitId, DateOnly today, CancellationToken cancellationToken)
    {
        // Archived members (left, expelled, deceased …) are expected at nothing and count for no quorum.
        var members = db.Members.AsNoTracking().Where(m => m.ArchivedOn == null);
        switch (type.Attendees())
        {
            case AttendeeSource.PartyGroup:
                members = members.Where(m => m.PartyGroupId == unitId);
                break;
            case AttendeeSource.Committee:
                var roles = await db.Appointments.AsNoTracking()
                    .Where(a => a.UnitId == branchId && a.StartsOn <= today && a.EndsOn >= today)
                    .Select(a => new { a.MemberId, a.Role })
                    .ToListAsync(cancellationToken);
                var committee = roles.Where(r => r.Role.IsBranchCommittee()).Select(r => r.MemberId).Distinct().ToList();
                members = members.Where(m => committee.Contains(m.Id));
                break;
            default:
                members = members.Where(m => m.BranchId == branchId);
                break;
        }

        return (await members.OrderBy(m => m.Id).Select(m => new { m.Id, m.Status }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.Status == MembershipStatus.Full))
            .ToList();
    }

    /// <summary>Members the organiser adds by hand; they must belong to the meeting's branch.</summary>
    public static async Task<Result<List<(int MemberId, bool HasVote)>>> ChosenAsync(
        AppDbContext db, IReadOnlyCollection<int> ids, int branchId, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new List<(int MemberId, bool HasVote)>();
        }

        var found = await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.BranchId == branchId && m.ArchivedOn == null)
            .Select(m => new { m.Id, m.Status })
            .ToListAsync(cancellationToken);
        if (found.Count != ids.Distinct().Count())
        {
            return new DomainError("meeting.attendee_outside_branch", "只能添加本支部的党员为应到人员。");
        }

        return found.Select(m => (m.Id, m.Status == MembershipStatus.Full)).ToList();
    }

    /// <summary>
    /// The people a schedule or change request names (convener, recorder, members added by hand) checked
    /// against the meeting's branch: the added members, or the first refusal.
    /// </summary>
    public static async Task<Result<List<(int MemberId, bool HasVote)>>> CheckNamedAsync(
        AppDbContext db, int branchId, int convenerId, MeetingFields request, CancellationToken cancellationToken) =>
        (await CheckPeopleAsync(db, branchId, convenerId, request.RecorderId, request.ConvenerId is null, cancellationToken)).Error is { } peopleError
            ? peopleError
            : await ChosenAsync(db, request.AddMemberIds ?? [], branchId, cancellationToken);

    /// <summary>
    /// Convener and recorder must be members of the meeting's branch. When the request named no convener
    /// (<paramref name="convenerDefaulted"/>: the caller, e.g. a general-branch admin of another branch) the refusal says so
    /// and asks to choose both from the branch's members, instead of blaming people the user never named.
    /// </summary>
    private static async Task<Result> CheckPeopleAsync(AppDbContext db, int branchId, int convenerId, int? recorderId, bool convenerDefaulted, CancellationToken cancellationToken)
    {
        var ids = new[] { convenerId, recorderId ?? convenerId }.Distinct().ToList();
        var inBranch = await db.Members.Where(m => ids.Contains(m.Id) && m.BranchId == branchId).Select(m => m.Id).ToListAsync(cancellationToken);
        if (inBranch.Count == ids.Count)
        {
            return Result.Ok;
        }

        return convenerDefaulted && !inBranch.Contains(convenerId)
            ? new DomainError("meeting.people_outside_branch", "您不是该支部的党员，不能默认担任召集人和记录人，请从该支部的党员中选择召集人和记录人。")
            : new DomainError("meeting.people_outside_branch", "召集人和记录人必须是本支部的党员。");
    }
}
