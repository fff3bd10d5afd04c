using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

public static class RecordResolution
{
    /// <summary>A motion voted on at a branch general meeting and its counts.</summary>
    public sealed record Request(string Title, int Yes, int No, int Abstain);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("请填写表决事项。").VisibleText().WithMessage("请填写表决事项。").MaximumLength(Resolution.TitleMaxLength);
            RuleFor(r => r.Yes).GreaterThanOrEqualTo(0).WithMessage("票数不能为负数。");
            RuleFor(r => r.No).GreaterThanOrEqualTo(0).WithMessage("票数不能为负数。");
            RuleFor(r => r.Abstain).GreaterThanOrEqualTo(0).WithMessage("票数不能为负数。");
        }
    }

    public static async Task<Results<Created<ResolutionView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var (change, refusal) = await MeetingAccess.FindToOrganizeAsync(services, check, id, tracked: false, "只有会议召集人或支委才能登记表决结果。", request.Title.Trim(), []);
        if (change is null)
        {
            return Problems.From(refusal!);
        }

        var (meeting, access, verdict) = change;

        var (resolution, error) = Resolution.Record(meeting, request.Title, new Vote(request.Yes, request.No, request.Abstain), current.Id, time.GetUtcNow());
        if (error is not null)
        {
            return Problems.From(error);
        }

        db.Resolutions.Add(resolution!);
        audit.Record(meeting.BranchId, "meeting.resolution_recorded", SubjectTypes.Meeting, meeting.Id,
            $"「{meeting.Topic}」表决「{resolution!.Title}」：同意{resolution.Yes}、反对{resolution.No}、弃权{resolution.Abstain}，应到有表决权{resolution.Voters}人，{(resolution.Passed ? "通过" : "未通过")}{verdict.AuditNote()}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/{id}", MeetingViews.Resolution(resolution));
    }
}
