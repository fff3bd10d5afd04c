using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class ListUnits
{
    /// <summary>A unit of the tree as the caller sees it, with the visible units below it.</summary>
    public sealed record Node(int Id, string Name, UnitKind Kind, BranchCategory Category, bool CanManage, IReadOnlyList<Node> Children, DateOnly? ClosedOn = null);

    /// <summary>The organisation tree visible to the caller (their general branch, their branch and its groups, and what they manage): the roots as items, never paged.</summary>
    public static async Task<Ok<ListPage<Node>>> Handle(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var visible = access.VisibleUnitIds().ToHashSet();
        var units = await db.Units.AsNoTracking()
            .Where(u => visible.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.Kind, u.Category, u.ParentId, u.ClosedOn })
            .ToListAsync(cancellationToken);
        var children = units.ToLookup(u => u.ParentId);

        Node Build(int id, string name, UnitKind kind, BranchCategory category, DateOnly? closedOn) => new(
            id,
            name,
            kind,
            category,
            access.CanManage(id),
            children[id].OrderBy(c => c.Kind).ThenBy(c => c.Id).Select(c => Build(c.Id, c.Name, c.Kind, c.Category, c.ClosedOn)).ToList(),
            closedOn);

        var roots = units.Where(u => u.ParentId is not int parent || !visible.Contains(parent)).OrderBy(u => u.Kind).ThenBy(u => u.Id);
        return TypedResults.Ok(new ListPage<Node>(roots.Select(u => Build(u.Id, u.Name, u.Kind, u.Category, u.ClosedOn)).ToList()));
    }
}
