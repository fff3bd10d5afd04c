using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Activities;

/// <summary>An activity as the caller sees it. WaitingCount: How many are on the waiting list. MyEnrollment: The caller's own sign-up, if any (cancelled ones are not shown). CanSignUp: True when the caller is in the audience (sign-up may still be closed or full). CanManage: True for the organising unit's managers: edit, cancel, check-in code, attendance. Audience: Who the activity is for; shown to managers only. ThemedPartyDay: The activity is its branch's 主题党日 of the month (counted by the compliance report).</summary>
public sealed record ActivityResponse(
    int Id,
    int UnitId,
    string UnitName,
    string Title,
    string? Description,
    string Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset SignUpOpensAt,
    DateTimeOffset SignUpClosesAt,
    int? Capacity,
    bool WaitingList,
    Visibility Visibility,
    ActivityStatus Status,
    string? CancelReason,
    int ConfirmedCount,
    int WaitingCount,
    EnrollmentResponse? MyEnrollment,
    bool CanSignUp,
    bool CanManage,
    AudienceRequest? Audience,
    bool ThemedPartyDay);

internal static class ActivityResponses
{
    public static async Task<ActivityResponse> LoadAsync(AppDbContext db, ActivityView view, int memberId, CancellationToken cancellationToken)
    {
        var activity = view.Activity;
        var unitName = await db.Units.Where(u => u.Id == activity.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        var waiting = await db.Enrollments.CountAsync(e => e.ActivityId == activity.Id && e.Status == EnrollmentStatus.Waitlisted, cancellationToken);
        var mine = await db.Enrollments.AsNoTracking()
            .SingleOrDefaultAsync(e => e.ActivityId == activity.Id && e.MemberId == memberId && e.Status != EnrollmentStatus.Cancelled, cancellationToken);
        AudienceRequest? audience = null;
        if (view.CanManage)
        {
            var entries = await db.Activities.Where(a => a.Id == activity.Id).SelectMany(a => a.Audience)
                .Select(e => new { e.UnitId, e.MemberId }).ToListAsync(cancellationToken);
            audience = new AudienceRequest(
                entries.Where(e => e.UnitId is not null).Select(e => e.UnitId!.Value).Order().ToList(),
                entries.Where(e => e.MemberId is not null).Select(e => e.MemberId!.Value).Order().ToList());
        }

        return new ActivityResponse(
            activity.Id,
            activity.UnitId,
            unitName,
            activity.Title,
            activity.Description,
            activity.Place,
            activity.StartsAt,
            activity.EndsAt,
            activity.SignUpOpensAt,
            activity.SignUpClosesAt,
            activity.Capacity,
            activity.HasWaitingList,
            activity.Visibility,
            activity.Status,
            activity.CancelReason,
            activity.ConfirmedCount,
            waiting,
            mine is null ? null : await ActivityEnrollments.ToResponseAsync(db, mine, cancellationToken),
            view.InAudience,
            view.CanManage,
            audience,
            activity.IsThemedPartyDay);
    }
}
