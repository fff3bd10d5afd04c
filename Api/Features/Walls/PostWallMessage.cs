using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Walls;

public static class PostWallMessage
{
    public sealed record Request(string Text);

    /// <summary><c>status</c>: Approved (shown now) or Pending (waits for an organiser: the wall asks for approval, or the check was unsure).</summary>
    public sealed record Response(int Id, WallMessageStatus Status);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Text).NotEmpty().WithMessage("请填写留言。")
                .VisibleText().WithMessage("请填写留言。")
                .TrimmedMaximumLength(WallMessage.TextMaxLength).WithMessage($"留言不能超过{WallMessage.TextMaxLength}个字。");
    }

    /// <summary>Errors: 404 (wall not visible), 409 (wall closed), 422 (classification marking or failed text check).</summary>
    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(int id, Request request, CurrentMember current, AppDbContext db, TextContentCheck check, ScreenSignals screens, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var found = await WallViews.FindAsync(db, access, id, tracked: false, cancellationToken);
        if (found is not { } f)
        {
            return Problems.NotFound(WallViews.NotFoundDetail);
        }

        var text = request.Text.Trim();
        var (verdict, problem) = await check.ScreenAsync(current.OpenId, "留言", [text], cancellationToken);
        if (problem is not null)
        {
            return Problems.From(problem);
        }

        var (message, error) = f.Wall.Post(current.Id, text, verdict == ContentVerdict.Pass, time.GetUtcNow());
        if (error is not null)
        {
            return Problems.From(error.As(ErrorKind.Conflict));
        }

        db.WallMessages.Add(message!);
        await db.SaveChangesAsync(cancellationToken);
        if (message!.Status == WallMessageStatus.Approved)
        {
            screens.Changed(f.Wall.OwnerUnitId);
        }

        return TypedResults.Created($"/api/walls/{id}", new Response(message!.Id, message.Status));
    }
}
