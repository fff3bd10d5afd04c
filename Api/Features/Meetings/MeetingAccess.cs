using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>Who may do what with a meeting, on top of <see cref="AccessScope"/>.</summary>
internal static class MeetingAccess
{
    /// <summary>
    /// Organiser rights (change, cancel, check people in, decide leave, record votes): whoever manages the
    /// holding unit (committee, admin, the group leader for a group meeting) and the convener.
    /// </summary>
    public static bool CanOrganize(this AccessScope access, Meeting meeting) =>
        access.CanManage(meeting.UnitId) || meeting.ConvenerId == access.MemberId;

    /// <summary>The recorder writes the minutes; organisers may too.</summary>
    public static bool CanWriteMinutes(this AccessScope access, Meeting meeting) =>
        access.CanOrganize(meeting) || meeting.RecorderId == access.MemberId;

    /// <summary>Content (details, minutes) follows the meeting's information level.</summary>
    public static bool CanReadContent(this AccessScope access, Meeting meeting) =>
        access.CanWriteMinutes(meeting) || meeting.Visibility switch
        {
            Visibility.Public => true,
            Visibility.Internal => access.CanView(meeting.UnitId),
            _ => access.IsCommitteeOf(meeting.BranchId) || access.CanManage(meeting.BranchId),
        };

    /// <summary>Expected attendees always see the meeting they are asked to attend.</summary>
    public static bool CanSee(this AccessScope access, Meeting meeting, bool isAttendee) =>
        isAttendee || access.CanReadContent(meeting);

    public static Task<Meeting?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Meetings.Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>
    /// The meeting with its attendees as the caller may see it, or the refusal: not found (404) when it
    /// does not exist or they may not see it. Tracked only when the handler changes the meeting itself.
    /// </summary>
    public static Task<Result<Meeting>> FindAsync(
        AppDbContext db, AccessScope access, int id, bool tracked, CancellationToken cancellationToken) =>
        FindAsync(db, access, id, tracked, static (_, _) => true, string.Empty, cancellationToken);

    /// <summary>As above, and forbidden (403) with <paramref name="forbidden"/> when <paramref name="may"/> refuses the caller.</summary>
    public static async Task<Result<Meeting>> FindAsync(
        AppDbContext db, AccessScope access, int id, bool tracked, Func<AccessScope, Meeting, bool> may, string forbidden, CancellationToken cancellationToken)
    {
        var meeting = tracked
            ? await LoadAsync(db, id, cancellationToken)
            : await db.Meetings.AsNoTracking().Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null || !access.CanSee(meeting, meeting.Find(access.MemberId) is not null))
        {
            return Refusals.NotFound("会议不存在或您无权查看。");
        }

        return may(access, meeting) ? meeting : Refusals.Forbidden(forbidden);
    }

    /// <summary>What an organiser's change starts from: the meeting, the caller's scope and the text policy's verdict.</summary>
    public sealed record Change(Meeting Meeting, AccessScope Access, ContentVerdict Verdict);

    /// <summary>
    /// The start every organiser's change shares (change, cancel, record a vote): the meeting when the caller may
    /// organise it (404 as <see cref="FindAsync(AppDbContext, AccessScope, int, bool, CancellationToken)"/>, 403 with
    /// <paramref name="forbidden"/>), then the shared text policy over the <paramref name="title"/> and
    /// <paramref name="texts"/> the change writes (its refusal as it is).
    /// </summary>
    public static async Task<Result<Change>> FindToOrganizeAsync(
        HandlerServices services, TextContentCheck check, int id, bool tracked, string forbidden, string title, IReadOnlyList<string?> texts)
    {
        var (current, db, _, _, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (meeting, refusal) = await FindAsync(db, access, id, tracked, CanOrganize, forbidden, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        var (verdict, refused) = await check.ScreenAsync(current.OpenId, title, texts, cancellationToken);
        return refused is null ? new Change(meeting, access, verdict) : refused;
    }
}
