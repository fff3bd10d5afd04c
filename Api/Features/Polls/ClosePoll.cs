using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
namespace SmartBranch.Api.Features.Polls;

public static class ClosePoll
{
    /// <summary>Ends voting before the closing time. Errors: 404, 403 (not an organiser), 409 (already closed).</summary>
    public static async Task<Results<Ok<PollView>, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, ScreenSignals screens, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var found = await PollViews.FindAsync(db, access, id, tracked: true, cancellationToken);
        if (found is not { } f)
        {
            return Problems.NotFound("未找到该投票，或您无权查看。");
        }

        if (!f.Target.CanManage)
        {
            return Problems.Forbidden("只有组织者可以结束投票。");
        }

        var now = time.GetUtcNow();
        var closed = f.Poll.Close(now);
        if (!closed.Succeeded)
        {
            return Problems.From(closed.Error!.As(ErrorKind.Conflict));
        }

        await db.SaveChangesAsync(cancellationToken);
        screens.Changed(f.Poll.OwnerUnitId);
        return TypedResults.Ok(await PollViews.BuildAsync(db, f.Poll, current.Id, true, now, cancellationToken));
    }
}
