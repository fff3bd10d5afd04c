using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
namespace SmartBranch.Api.Features.Polls;

public static class VoteInPoll
{
    /// <summary>The chosen option ids: one for a single-choice poll, one or more for a multiple-choice poll.</summary>
    public sealed record Request(IReadOnlyList<int>? OptionIds);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.OptionIds).NotEmpty().WithMessage("请至少选择一项。").Must(o => o is null || o.Count <= 20).WithMessage("选项过多。");
    }

    /// <summary>Votes once. Returns the live results. Errors: 404, 409 (already voted or closed), 400 (wrong number of choices, unknown option).</summary>
    public static async Task<Results<Ok<PollView>, ProblemHttpResult>> Handle(int id, Request request, CurrentMember current, AppDbContext db, ScreenSignals screens, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var found = await PollViews.FindAsync(db, access, id, tracked: false, cancellationToken);
        if (found is not { } f)
        {
            return Problems.NotFound("未找到该投票，或您无权查看。");
        }

        var now = time.GetUtcNow();
        var already = await db.PollVotes.AnyAsync(v => v.PollId == id && v.MemberId == current.Id, cancellationToken);
        var (votes, error) = f.Poll.Vote(current.Id, request.OptionIds!.ToList(), already, now);
        if (error is not null)
        {
            return error.Code is "poll.closed" or "poll.already_voted" ? Problems.From(error.As(ErrorKind.Conflict)) : Problems.From(error);
        }

        db.PollVotes.AddRange(votes!);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index (poll, member, option): a second request of the same member won the race.
            return Problems.Conflict("已经投票", "您已经投过票。");
        }

        screens.Changed(f.Poll.OwnerUnitId);

        return TypedResults.Ok(await PollViews.BuildAsync(db, f.Poll, current.Id, f.Target.CanManage, now, cancellationToken));
    }
}
