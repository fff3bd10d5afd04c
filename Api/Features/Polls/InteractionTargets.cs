using SmartBranch.Api.Features.Activities;
using SmartBranch.Api.Features.Meetings;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Polls;

/// <summary>A branch, meeting or activity as the caller may see it: who owns it and whether the caller runs it.</summary>
internal sealed record InteractionTarget(TargetKind Kind, int Id, int OwnerUnitId, bool CanManage);

/// <summary>
/// Resolves what a poll or a message wall belongs to with the access rules of its own area: a unit is seen by its
/// members and managers; a meeting or an activity by whoever may see it there (<see cref="MeetingAccess"/>,
/// <see cref="ActivityAccess"/>). Null means 404. Shared by polls and walls.
/// </summary>
internal static class InteractionTargets
{
    /// <summary>The 404 detail for a target the caller may not see (<see cref="FindAsync"/> answered null).</summary>
    public static string NotFoundDetail(TargetKind kind) => kind switch
    {
        TargetKind.Unit => "未找到该党组织，或您无权查看。",
        TargetKind.Meeting => "未找到该会议，或您无权查看。",
        _ => ActivityAccess.NotFoundDetail,
    };

    public static async Task<InteractionTarget?> FindAsync(AppDbContext db, AccessScope access, TargetKind kind, int id, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case TargetKind.Unit:
                var unit = access.CanView(id) ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) : null;
                return unit is null || unit.Kind == UnitKind.PartyGroup || !(access.BelongsTo(id) || access.CanManage(id))
                    ? null
                    : new InteractionTarget(kind, id, id, access.CanManage(id));
            case TargetKind.Meeting:
                var (meeting, _) = await MeetingAccess.FindAsync(db, access, id, tracked: false, cancellationToken);
                return meeting is null ? null : new InteractionTarget(kind, id, meeting.UnitId, access.CanOrganize(meeting));
            case TargetKind.Activity:
                var view = await ActivityAccess.LoadAsync(db, id, access, cancellationToken);
                return view is null ? null : new InteractionTarget(kind, id, view.Activity.UnitId, view.CanManage);
            default:
                return null;
        }
    }

    /// <summary>
    /// The target the caller runs, for opening a poll or a wall on it: 404 when they may not see it (<see cref="FindAsync"/>),
    /// 403 with <paramref name="forbidden"/> when they see it but do not organise it.
    /// </summary>
    public static async Task<Result<InteractionTarget>> FindManagedAsync(
        AppDbContext db, CurrentMember current, TargetKind kind, int id, string forbidden, CancellationToken cancellationToken)
    {
        var target = await FindAsync(db, await current.GetAccessAsync(cancellationToken), kind, id, cancellationToken);
        if (target is null)
        {
            return Refusals.NotFound(NotFoundDetail(kind));
        }

        return target.CanManage ? target : Refusals.Forbidden(forbidden);
    }
}
