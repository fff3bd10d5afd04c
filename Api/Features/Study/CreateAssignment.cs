using SmartBranch.Domain.Common;
using SmartBranch.Domain.Study;

namespace SmartBranch.Api.Features.Study;

public static class CreateAssignment
{
    /// <summary>
    /// Assigns published materials (<c>materialIds</c>, 1–50) to an audience (units and/or chosen members, the same
    /// rules as a notice's) due on <c>dueOn</c> (China time). The members reached now are fixed as the assignees;
    /// committee materials reach only the committee. Non-public materials may be assigned only inside their unit.
    /// </summary>
    public sealed record Request(string Title, IReadOnlyList<int>? MaterialIds, AudienceRequest Audience, DateOnly? DueOn);

    public sealed record Response(int Id, int AssigneeCount);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("请填写学习任务名称。").VisibleText().WithMessage("请填写学习任务名称。")
                .TrimmedMaximumLength(StudyAssignment.TitleMaxLength).WithMessage($"名称不能超过{StudyAssignment.TitleMaxLength}个字。");
            RuleFor(r => r.MaterialIds).NotEmpty().WithMessage("请至少选择一份学习资料。")
                .Must(m => m is null || m.Count <= StudyAssignment.MaxMaterials).WithMessage($"一个学习任务最多包含{StudyAssignment.MaxMaterials}份资料。");
            RuleFor(r => r.Audience).NotNull().WithMessage("请选择学习对象。").SetValidator(new AudienceRequestValidator());
            RuleFor(r => r.DueOn).NotNull().WithMessage("请选择截止日期。");
        }
    }

    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        AudienceResolver audiences,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var audience = request.Audience.ToAudience();
        var (owner, refused) = await audiences.PostingOwnerAsync(access, audience, "只有支部委员或党总支管理员可以布置学习任务。", cancellationToken);
        if (owner is null)
        {
            return Problems.From(refused!);
        }

        var chosen = await audiences.ChosenAsync(audience, cancellationToken);

        var now = time.GetUtcNow();
        if (StudyAssignment.CheckDue(request.DueOn!.Value, now) is { Error: { } late })
        {
            return Problems.From(late);
        }

        var ids = request.MaterialIds!.Distinct().ToList();
        var candidates = await db.StudyMaterials.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        var readable = await StudyAccess.FilterReadableAsync(db, access, candidates, cancellationToken);
        if (readable.Count != ids.Count || readable.Any(r => !r.Material.IsPublished))
        {
            return Problems.BadRequest("学习资料无效", "只能选择您可以查看的、已发布的学习资料。");
        }

        // Internal and committee material stays inside its unit: the audience must lie within it.
        var units = audience.UnitIds.Concat(chosen.Select(m => m.BranchId)).Distinct().ToList();
        if (readable.Any(r => r.Material.Visibility != Visibility.Public && units.Any(u => !access.IsWithin(u, r.Material.UnitId))))
        {
            return Problems.BadRequest("学习对象超出范围", "党内或支委级的学习资料只能布置给发布单位内的党员。");
        }

        var level = readable.Any(r => r.Material.Visibility == Visibility.Committee) ? Visibility.Committee : Visibility.Internal;
        var members = await audiences.RecipientsAsync(access.Units, audience, level, LocalCalendar.Today(now), cancellationToken);
        var assignment = new StudyAssignment(owner.UnitId, current.Id, request.Title.Trim(), request.DueOn.Value, ids, members, now);
        db.StudyAssignments.Add(assignment);
        await db.SaveWithAuditAsync(() => audit.Record(assignment.UnitId, "study.assigned", SubjectTypes.StudyAssignment, assignment.Id,
            $"布置学习任务《{assignment.Title}》，{ids.Count}份资料，对象{members.Count}人，截止{assignment.DueOn:yyyy-MM-dd}"), cancellationToken);
        return TypedResults.Created($"/api/study/assignments/{assignment.Id}", new Response(assignment.Id, members.Count));
    }
}
