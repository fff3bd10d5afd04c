using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class UpdateUnit
{
    /// <summary>Renames the unit and/or moves it under another parent (a branch to another general branch, a group to another branch of the same caller).</summary>
    public sealed record Request(string? Name, int? ParentId);

    public sealed record Response(int Id, string Name, UnitKind Kind, int? ParentId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r).Must(r => r.Name is not null || r.ParentId is not null).WithName("name").WithMessage("请填写新名称或新的上级组织。");
            RuleFor(r => r.Name).NotEmpty().WithMessage("名称不能为空。").MaximumLength(OrganizationUnit.NameMaxLength).When(r => r.Name is not null);
        }
    }

    /// <summary>200 with the unit; 400 for a move the tree does not allow or a closed unit; 403/404 unless the caller manages both the unit's parent and the new parent; 409 for a duplicate name.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, _, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);

        // Renaming or moving a unit is its parent's business (a branch committee does not rename its own branch).
        var (_, refusal) = await db.LoadUnitAsync(access, id, access.CanManageFromAbove, cancellationToken);
        if (refusal is not null)
        {
            return Problems.From(refusal);
        }

        var unit = await db.Units.FirstAsync(u => u.Id == id, cancellationToken);
        if (unit.IsClosed)
        {
            return Problems.BadRequest("无法修改", "该组织已撤销。");
        }

        var changes = new List<string>();
        if (request.ParentId is int parentId && parentId != unit.ParentId)
        {
            var (_, parentRefusal) = await db.LoadUnitAsync(access, parentId, access.CanManage, cancellationToken);
            if (parentRefusal is not null)
            {
                return Problems.From(parentRefusal);
            }

            var parent = await db.Units.FirstAsync(u => u.Id == parentId, cancellationToken);
            if (unit.MoveUnder(parent).Error is { } error)
            {
                return Problems.From(error);
            }

            changes.Add($"调整到{parent.Name}之下");
        }

        if (request.Name is { } newName && newName.Trim() != unit.Name)
        {
            changes.Add($"由“{unit.Name}”更名为“{newName.Trim()}”");
            unit.Rename(newName.Trim());
        }

        if (await db.Units.AnyAsync(u => u.Id != unit.Id && u.ParentId == unit.ParentId && u.Name == unit.Name, cancellationToken))
        {
            return Problems.Conflict("名称重复", "同一上级组织下已有同名组织。");
        }

        if (changes.Count > 0)
        {
            audit.Record(unit.Id, "unit.updated", SubjectTypes.Unit, unit.Id, string.Join("；", changes));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new Response(unit.Id, unit.Name, unit.Kind, unit.ParentId));
    }
}
