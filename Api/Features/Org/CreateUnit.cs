using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class CreateUnit
{
    /// <summary>
    /// A new unit under <c>parentId</c>: a Branch (党支部, with its category Teacher/Student/Retired/Other)
    /// under a general branch, or a PartyGroup (党小组) under a branch. The top unit comes from the setup command.
    /// </summary>
    public sealed record Request(string Name, UnitKind Kind, int ParentId, BranchCategory? Category);

    public sealed record Response(int Id, string Name, UnitKind Kind, BranchCategory Category, int ParentId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("请填写组织名称。").VisibleText().WithMessage("请填写组织名称。").MaximumLength(OrganizationUnit.NameMaxLength);
            RuleFor(r => r.Kind).IsInEnum().Must(k => k != UnitKind.GeneralBranch).WithMessage("只能创建党支部或党小组。");
            RuleFor(r => r.Category).IsInEnum().WithMessage("支部类别无效。");
            RuleFor(r => r.Category).Must(c => c is not null && c != BranchCategory.None).When(r => r.Kind == UnitKind.Branch)
                .WithMessage("请选择支部类别：教工、学生、离退休或其他。");
        }
    }

    /// <summary>201 with the unit; 400 for a placement the tree does not allow; 404/403 for a parent the caller may not see/manage; 409 for a duplicate name under the parent.</summary>
    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, _, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (_, refusal) = await db.LoadUnitAsync(access, request.ParentId, access.CanManage, cancellationToken);
        if (refusal is not null)
        {
            return Problems.From(refusal);
        }

        var parent = await db.Units.FirstAsync(u => u.Id == request.ParentId, cancellationToken);
        if (OrganizationUnit.CheckPlacement(request.Kind, parent) is { Error: { } error })
        {
            return Problems.From(error);
        }

        var name = request.Name.Trim();
        if (await db.Units.AnyAsync(u => u.ParentId == parent.Id && u.Name == name, cancellationToken))
        {
            return Problems.Conflict("名称重复", "同一上级组织下已有同名组织。");
        }

        var unit = new OrganizationUnit(name, request.Kind, parent, request.Category ?? BranchCategory.None);
        db.Units.Add(unit);
        await db.SaveWithAuditAsync(() => audit.Record(parent.Id, "unit.created", SubjectTypes.Unit, unit.Id, $"在{parent.Name}下创建{EnumLabels.Of(unit.Kind)}“{unit.Name}”"), cancellationToken);
        return TypedResults.Created($"/api/org/units/{unit.Id}", new Response(unit.Id, unit.Name, unit.Kind, unit.Category, parent.Id));
    }
}
