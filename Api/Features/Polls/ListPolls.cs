using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Polls;

public static class ListPolls
{
    public sealed record Request(TargetKind? TargetKind, int? TargetId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.TargetKind).NotNull().WithMessage("请指明投票所属的对象：支部、会议或活动。").IsInEnum();
            RuleFor(r => r.TargetId).NotNull().WithMessage("请指明投票所属对象的编号。");
        }
    }

    /// <summary>The polls of a branch, meeting or activity, newest first, with live results. 404 when the caller may not see the target.</summary>
    public static async Task<Results<Ok<ListPage<PollView>>, ProblemHttpResult>> Handle([AsParameters] Request request, CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var target = await InteractionTargets.FindAsync(db, access, request.TargetKind!.Value, request.TargetId!.Value, cancellationToken);
        if (target is null)
        {
            return Problems.NotFound(InteractionTargets.NotFoundDetail(request.TargetKind!.Value));
        }

        var polls = await db.Polls.AsNoTracking().Include(p => p.Options)
            .Where(p => p.TargetKind == target.Kind && p.TargetId == target.Id)
            .OrderByDescending(p => p.CreatedAt)
            .Take(50)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<PollView>(await PollViews.BuildAsync(db, polls, current.Id, target.CanManage, time.GetUtcNow(), cancellationToken)));
    }
}
