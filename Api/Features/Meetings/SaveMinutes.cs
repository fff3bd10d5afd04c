using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

public static class SaveMinutes
{
    /// <summary>
    /// The minutes' text. <c>publish: true</c> publishes a draft (409 <c>minutes.before_meeting</c> before the meeting
    /// starts; a draft may be saved any time); once published every save adds a revision and earlier revisions are kept unchanged.
    /// </summary>
    public sealed record Request(string Content, bool Publish);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Content).NotEmpty().WithMessage("请填写会议记录内容。").VisibleText().WithMessage("请填写会议记录内容。").MaximumLength(Minutes.ContentMaxLength);
    }

    public static async Task<Results<Ok<MinutesView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (meeting, refusal) = await MeetingAccess.FindAsync(
            db, access, id, tracked: false, MeetingAccess.CanWriteMinutes, "只有会议记录人、召集人或支委才能填写会议记录。", cancellationToken);
        if (meeting is null)
        {
            return Problems.From(refusal!);
        }

        if (meeting.IsCancelled)
        {
            return Problems.Conflict("会议已取消", "会议已取消，不能填写会议记录。");
        }

        var screening = await check.ScreenAsync(current.OpenId, string.Empty, [request.Content], cancellationToken);
        if (screening.Error is { } refused)
        {
            return Problems.From(refused);
        }

        var now = time.GetUtcNow();
        var minutes = await db.Minutes.Include(m => m.Revisions).SingleOrDefaultAsync(m => m.MeetingId == id, cancellationToken);
        if (minutes is null)
        {
            minutes = new Minutes(id, string.Empty, current.Id, now);
            db.Minutes.Add(minutes);
        }

        var wasPublished = minutes.IsPublished;
        var (revision, error) = minutes.Save(request.Content, request.Publish, current.Id, now, meeting.StartsAt);
        if (error is not null)
        {
            return Problems.From(error);
        }

        var action = revision is null ? "minutes.draft_saved" : wasPublished ? "minutes.revised" : "minutes.published";
        var summary = revision is null ? $"保存「{meeting.Topic}」会议记录草稿" : $"「{meeting.Topic}」会议记录第{revision.Number}版";
        audit.Record(meeting.BranchId, action, SubjectTypes.Minutes, meeting.Id, summary + screening.Value.AuditNote());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two editors saved at once: the unique (minutes, number) index kept the first.
            return Problems.Conflict("会议记录已被修改", "他人刚刚修改了会议记录，请刷新后再编辑。");
        }

        return TypedResults.Ok(await MinutesViews.LoadAsync(db, minutes, cancellationToken));
    }
}
