using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class RecordStatusChange
{
    /// <summary>
    /// A dated change of the member's Party life: BecameFull (转正; <c>resolutionId</c> links the general
    /// meeting's resolution of the member's branch when there is one), ProbationExtended (with
    /// <c>extendedTo</c>), Retired, MembershipStopped (停止党籍), Expelled (出党), Deceased. Leaving by transfer
    /// is recorded by the transfer itself. <c>occurredOn</c> defaults to today (China time).
    /// </summary>
    public sealed record Request(MemberStatusChange Change, DateOnly? OccurredOn, string Reason, int? ResolutionId, DateOnly? ExtendedTo);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Change).IsInEnum().Must(c => c is not (MemberStatusChange.Left or MemberStatusChange.Admitted)).WithMessage("变更类型无效（转出请办理组织关系转接，接收预备党员请在发展党员流程中办理）。");
            RuleFor(r => r.Reason).NotEmpty().WithMessage("请填写原因或依据。").MaximumLength(MemberStatusEvent.ReasonMaxLength);
            RuleFor(r => r.ExtendedTo).NotNull().When(r => r.Change == MemberStatusChange.ProbationExtended).WithMessage("请填写延长后的预备期截止日期。");
        }
    }

    /// <summary>201 with the event; 400 when the domain refuses (not probationary, archived, dates, a resolution of another branch); 403/404 outside the caller's branches.</summary>
    public static async Task<Results<Created<StatusEventView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (member, refusal) = await db.LoadMemberAsync(access, id, access.CanManage, cancellationToken);
        if (member is null)
        {
            return Problems.From(refusal!);
        }

        if (request.ResolutionId is int resolutionId
            && !await db.Resolutions.AnyAsync(r => r.Id == resolutionId && db.Meetings.Any(m => m.Id == r.MeetingId && m.BranchId == member.BranchId), cancellationToken))
        {
            return Problems.BadRequest("决议无效", "所选决议不属于该党员所在支部的会议。");
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var on = request.OccurredOn ?? today;
        if (member.ApplyStatusChange(request.Change, on, today, request.ExtendedTo).Error is { } error)
        {
            return Problems.From(error);
        }

        var entry = new MemberStatusEvent(member.Id, member.BranchId, request.Change, on, request.Reason.Trim(), request.ResolutionId, current.Id, now);
        db.MemberStatusEvents.Add(entry);
        await db.SaveWithAuditAsync(() => audit.Record(member.BranchId, "member.status", SubjectTypes.Member, member.Id, $"{member.Name}：{request.Change.DisplayName()}（{on:yyyy-MM-dd}）"), cancellationToken);
        return TypedResults.Created($"/api/members/{member.Id}/status", StatusEventView.From(entry, null));
    }
}

/// <summary>A status event as shown: the change with its Chinese name, the day, why, who recorded it.</summary>
public sealed record StatusEventView(long Id, MemberStatusChange Change, string ChangeName, DateOnly OccurredOn, string Reason, int? ResolutionId, int RecordedByMemberId, string? RecordedBy, DateTimeOffset RecordedAt)
{
    public static StatusEventView From(MemberStatusEvent e, string? recordedBy) =>
        new(e.Id, e.Change, e.Change.DisplayName(), e.OccurredOn, e.Reason, e.ResolutionId, e.RecordedByMemberId, recordedBy, e.RecordedAt);
}
