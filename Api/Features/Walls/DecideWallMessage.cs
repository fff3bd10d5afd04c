using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Interaction;
namespace SmartBranch.Api.Features.Walls;

public static class DecideWallMessage
{
    /// <summary><c>approve</c> true shows the message on the wall; false rejects it (it stays visible to its author only).</summary>
    public sealed record Request(bool? Approve);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Approve).NotNull().WithMessage("请选择通过或不通过。");
    }

    /// <summary>Errors: 404 (wall or message not visible), 403 (not an organiser), 409 (already decided).</summary>
    public static async Task<Results<Ok<WallMessageView>, ProblemHttpResult>> Handle(int id, int messageId, Request request, CurrentMember current, AppDbContext db, ScreenSignals screens, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var found = await WallViews.FindAsync(db, access, id, tracked: false, cancellationToken);
        var message = found is null ? null : await db.WallMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.WallId == id, cancellationToken);
        if (found is not { } f || message is null)
        {
            return Problems.NotFound("未找到该留言，或您无权查看。");
        }

        if (!f.Target.CanManage)
        {
            return Problems.Forbidden("只有组织者可以审核留言。");
        }

        var decided = message.Decide(request.Approve!.Value, current.Id, time.GetUtcNow());
        if (!decided.Succeeded)
        {
            return Problems.From(decided.Error!.As(ErrorKind.Conflict));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("已审核", "该留言刚刚已被审核。");
        }

        if (message.Status == WallMessageStatus.Approved)
        {
            screens.Changed(f.Wall.OwnerUnitId);
        }

        var author = await db.Members.AsNoTracking().Where(m => m.Id == message.AuthorMemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        return TypedResults.Ok(new WallMessageView(message.Id, author, message.Text, message.Status, message.PostedAt));
    }
}
