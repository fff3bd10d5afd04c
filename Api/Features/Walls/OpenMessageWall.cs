using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Api.Features.Polls;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Walls;

public static class OpenMessageWall
{
    /// <summary>A wall for a meeting or an activity; <c>requiresApproval</c>: every message waits for an organiser.</summary>
    public sealed record Request(TargetKind? TargetKind, int TargetId, bool RequiresApproval);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.TargetKind).NotNull().WithMessage("请选择会议或活动。")
                .Must(k => k is null or TargetKind.Meeting or TargetKind.Activity).WithMessage("留言墙只能开在会议或活动上。");
    }

    /// <summary>Errors: 404 (not visible), 403 (not an organiser), 409 (the meeting or activity already has a wall).</summary>
    public static async Task<Results<Created<WallView>, ProblemHttpResult>> Handle(Request request, ScreenSignals screens, [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var (target, refusal) = await InteractionTargets.FindManagedAsync(db, current, request.TargetKind!.Value, request.TargetId, "只有组织者可以开启留言墙。", cancellationToken);
        if (target is null)
        {
            return Problems.From(refusal!);
        }

        if (await db.MessageWalls.AnyAsync(w => w.TargetKind == target.Kind && w.TargetId == target.Id, cancellationToken))
        {
            return Problems.Conflict("留言墙已存在", "该会议或活动已经开启了留言墙。");
        }

        var wall = new MessageWall(target.Kind, target.Id, target.OwnerUnitId, request.RequiresApproval, current.Id, time.GetUtcNow());
        db.MessageWalls.Add(wall);
        try
        {
            await db.SaveWithAuditAsync(
                () => audit.Record(target.OwnerUnitId, "wall.opened", SubjectTypes.MessageWall, wall.Id, request.RequiresApproval ? "开启留言墙（需审核）" : "开启留言墙"),
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("留言墙已存在", "该会议或活动已经开启了留言墙。");
        }

        screens.Changed(wall.OwnerUnitId);
        return TypedResults.Created($"/api/walls/{wall.Id}", await WallViews.BuildAsync(db, wall, true, current.Id, null, cancellationToken));
    }
}
