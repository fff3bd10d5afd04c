using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Polls;

public static class CreatePoll
{
    /// <summary>
    /// A poll of a branch (<c>targetKind</c> Unit), a meeting or an activity. <c>options</c>: 2–20 texts.
    /// <c>closesAt</c>: when voting ends (an instant; the mini-program sends China time with its offset).
    /// </summary>
    public sealed record Request(TargetKind? TargetKind, int TargetId, string Question, IReadOnlyList<string>? Options, bool MultipleChoice, bool Anonymous, DateTimeOffset? ClosesAt);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.TargetKind).NotNull().WithMessage("请选择投票所属（支部、会议或活动）。").IsInEnum().WithMessage("投票所属无效。");
            RuleFor(r => r.Question).NotEmpty().WithMessage("请填写投票问题。")
                .TrimmedMaximumLength(Poll.QuestionMaxLength).WithMessage($"问题不能超过{Poll.QuestionMaxLength}个字。");
            RuleFor(r => r.Options).NotNull().WithMessage("请填写选项。")
                .Must(o => o is null || o.Count is >= Poll.MinOptions and <= Poll.MaxOptions).WithMessage($"选项应为{Poll.MinOptions}到{Poll.MaxOptions}个。")
                .Must(o => o is null || o.All(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= Poll.OptionMaxLength)).WithMessage($"选项不能为空，且不超过{Poll.OptionMaxLength}个字。")
                .Must(o => o is null || o.Select(t => t?.Trim()).Distinct().Count() == o.Count).WithMessage("选项不能重复。");
            RuleFor(r => r.ClosesAt).NotNull().WithMessage("请设置截止时间。");
        }
    }

    /// <summary>Errors: 404 (target not visible), 403 (caller does not run it), 400 (closing time passed), 422 (text refused).</summary>
    public static async Task<Results<Created<PollView>, ProblemHttpResult>> Handle(
        Request request,
        TextContentCheck check,
        ScreenSignals screens,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var (target, refusal) = await InteractionTargets.FindManagedAsync(db, current, request.TargetKind!.Value, request.TargetId, "只有组织者（支部委员、会议或活动负责人）可以发起投票。", cancellationToken);
        if (target is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        if (Poll.CheckClosing(request.ClosesAt!.Value, now) is { } closing)
        {
            return Problems.From(closing);
        }

        var question = request.Question.Trim();
        var options = request.Options!.Select(o => o.Trim()).ToList();
        var (_, problem) = await check.ScreenAsync(current.OpenId, question, [string.Join('\n', options)], cancellationToken);
        if (problem is not null)
        {
            return Problems.From(problem);
        }

        var poll = new Poll(target.Kind, target.Id, target.OwnerUnitId, question, options, request.MultipleChoice, request.Anonymous, request.ClosesAt.Value, current.Id, now);
        db.Polls.Add(poll);
        await db.SaveWithAuditAsync(() => audit.Record(target.OwnerUnitId, "poll.created", SubjectTypes.Poll, poll.Id, $"发起投票《{poll.Question}》"), cancellationToken);
        screens.Changed(poll.OwnerUnitId);
        return TypedResults.Created($"/api/polls/{poll.Id}", await PollViews.BuildAsync(db, poll, current.Id, true, now, cancellationToken));
    }
}
