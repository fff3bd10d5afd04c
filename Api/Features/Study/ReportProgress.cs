using SmartBranch.Domain.Common;
using SmartBranch.Domain.Study;

namespace SmartBranch.Api.Features.Study;

public static class ReportProgress
{
    /// <summary>
    /// <c>event</c>: Start (opened the text / the player started), Progress (every few seconds while reading or
    /// playing), Pause, End (read to the end / the player ended). <c>position</c>: the player's position in seconds
    /// (0 for text).
    /// </summary>
    public sealed record Request(StudyEvent? Event, double Position);

    /// <remarks><c>CreditedNow</c>: Seconds this report earned.</remarks>
    /// <remarks><c>CompletedNow</c>: True for the one report that completed the material (its hours were added).</remarks>
    public sealed record Response(StudyProgressView Progress, int CreditedNow, bool CompletedNow);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Event).NotNull().WithMessage("请说明学习事件（Start、Progress、Pause 或 End）。").IsInEnum().WithMessage("学习事件无效。");
            RuleFor(r => r.Position).InclusiveBetween(0, 24 * 3600).WithMessage("播放位置应在0到86400秒之间。");
        }
    }

    /// <summary>
    /// Credits the caller's study of a published material by the server's clock (Domain/Study/StudyProgress.cs):
    /// real time since the previous report of any of their devices, capped, and for audio and video no more than
    /// the position advanced. At <c>Study:CompletionThreshold</c> of the required time (text: and read to the end)
    /// the material is complete and its hours count once, in the China-time year of completion.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        CurrentMember current,
        AppDbContext db,
        IOptions<StudyOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (readable, refusal) = await StudyAccess.LoadReadableAsync(db, access, id, track: false, cancellationToken);
        if (readable is null)
        {
            return Problems.From(refusal!);
        }

        var (material, media) = (readable.Material, readable.Media);
        if (!material.IsPublished)
        {
            return Problems.Conflict("资料未发布", "该学习资料尚未发布或已撤回，学习时长不予记录。");
        }

        var o = options.Value;
        var rules = new StudyCreditRules(o.CompletionThreshold, o.MaxReportGap);
        var required = material.RequiredSeconds(media?.DurationSeconds);
        var isMedia = material.Kind is StudyMaterialKind.Audio or StudyMaterialKind.Video;

        // Two devices reporting at once: the row's version lets only one of them be credited for the interval; the other is re-applied on the new state.
        for (var attempt = 0; ; attempt++)
        {
            var progress = await db.StudyProgress.FirstOrDefaultAsync(p => p.MemberId == current.Id && p.MaterialId == id, cancellationToken);
            if (progress is null)
            {
                progress = new StudyProgress(current.Id, id);
                db.StudyProgress.Add(progress);
            }

            var now = time.GetUtcNow();
            var outcome = progress.Report(request.Event!.Value, request.Position, isMedia, required, rules, StudyViews.Hours(material.EstimatedMinutes, o), material.Topic, LocalCalendar.ToLocal(now).Year, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(new Response(StudyViews.Progress(progress, material, media)!, outcome.CreditedNow, outcome.CompletedNow));
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
