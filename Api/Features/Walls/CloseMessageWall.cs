using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
namespace SmartBranch.Api.Features.Walls;

public static class CloseMessageWall
{
    /// <summary>No more messages; the approved ones stay. Errors: 404, 403 (not an organiser), 409 (already closed).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, ScreenSignals screens, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var found = await WallViews.FindAsync(db, access, id, tracked: true, cancellationToken);
        if (found is not { } f)
        {
            return Problems.NotFound(WallViews.NotFoundDetail);
        }

        if (!f.Target.CanManage)
        {
            return Problems.Forbidden("只有组织者可以关闭留言墙。");
        }

        var closed = f.Wall.Close(time.GetUtcNow());
        if (!closed.Succeeded)
        {
            return Problems.From(closed.Error!.As(ErrorKind.Conflict));
        }

        await db.SaveChangesAsync(cancellationToken);
        screens.Changed(f.Wall.OwnerUnitId);
        return TypedResults.NoContent();
    }
}
