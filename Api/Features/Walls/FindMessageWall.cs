using SmartBranch.Api.Features.Polls;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Walls;

public static class FindMessageWall
{
    public sealed record Request(TargetKind? TargetKind, int? TargetId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.TargetKind).NotNull().WithMessage("请指明留言墙所属的会议或活动。").IsInEnum();
            RuleFor(r => r.TargetId).NotNull().WithMessage("请指明留言墙所属会议或活动的编号。");
        }
    }

    /// <summary>The wall of a meeting or activity with its messages; 404 when there is none or the caller may not see the target.</summary>
    public static async Task<Results<Ok<WallView>, ProblemHttpResult>> Handle([AsParameters] Request request, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var target = await InteractionTargets.FindAsync(db, access, request.TargetKind!.Value, request.TargetId!.Value, cancellationToken);
        var wall = target is null ? null
            : await db.MessageWalls.AsNoTracking().SingleOrDefaultAsync(w => w.TargetKind == target.Kind && w.TargetId == target.Id, cancellationToken);
        return wall is null ? Problems.NotFound(WallViews.NotFoundDetail) : TypedResults.Ok(await WallViews.BuildAsync(db, wall, target!.CanManage, current.Id, null, cancellationToken));
    }
}
