using SmartBranch.Domain.Common;
using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Appraisals;

public static class CastBallots
{
    /// <summary>A grade for one appraised member, with an optional short comment.</summary>
    public sealed record Choice(int MemberId, AppraisalGrade? Grade, string? Comment);

    /// <summary>The caller's whole ballot: exactly one choice per appraised member.</summary>
    public sealed record Request(IReadOnlyList<Choice>? Choices);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Choices).NotEmpty().WithMessage("请为被评议党员选择等次。")
                .Must(c => c is null || c.Count <= 200).WithMessage("选择过多。");
            RuleForEach(r => r.Choices).ChildRules(c =>
            {
                c.RuleFor(x => x.Grade).NotNull().WithMessage("请选择等次。").IsInEnum().WithMessage("等次无效。");
                c.RuleFor(x => x.Comment).MaximumLength(Ballot.CommentMaxLength).WithMessage($"评语不能超过{Ballot.CommentMaxLength}个字。");
            });
        }
    }

    /// <summary>
    /// Casts the caller's secret ballot. Marks them as having voted and stores the grades without them, in random
    /// order, in one transaction. Errors: 404 (round not visible), 403 (not in the electorate, e.g. probationary),
    /// 409 (already voted, or the round is closed), 400 (not one grade per appraised member), 422 (comment refused).
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        int id,
        Request request,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, _, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (round, refusal) = await AppraisalAccess.FindAsync(db, access, id, tracked: true, mustRun: false, cancellationToken);
        if (round is null)
        {
            return Problems.From(refusal!);
        }

        var choices = request.Choices!;
        foreach (var comment in choices.Select(c => c.Comment?.Trim()).Where(c => !string.IsNullOrEmpty(c)))
        {
            var (_, problem) = await check.ScreenAsync(current.OpenId, "评语", [comment!], cancellationToken);
            if (problem is not null)
            {
                return Problems.From(problem);
            }
        }

        var (ballots, error) = round.Cast(access.MemberId, choices.Select(c => (c.MemberId, c.Grade!.Value, string.IsNullOrWhiteSpace(c.Comment) ? null : c.Comment.Trim())).ToList());
        if (error is not null)
        {
            return error.Code switch
            {
                "appraisal.not_a_voter" => Problems.From(error.As(ErrorKind.Forbidden)),
                "appraisal.closed" or "appraisal.already_voted" => Problems.From(error.As(ErrorKind.Conflict)),
                _ => Problems.From(error),
            };
        }

        // The participation row and the ballots go in one transaction (one SaveChanges); no audit entry, which would date the vote.
        db.Ballots.AddRange(ballots!);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("已经投票", "您已经投过票，每人只能投一次。");
        }

        return TypedResults.NoContent();
    }
}
