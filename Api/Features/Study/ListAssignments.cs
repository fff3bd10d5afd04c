namespace SmartBranch.Api.Features.Study;

public static class ListAssignments
{
    /// <remarks><c>MyState</c>: The caller's own state when they are an assignee, else null.</remarks>
    /// <remarks><c>Manageable</c>: True when the caller manages the assignment's unit (may see completion and remind).</remarks>
    public sealed record Item(int Id, int UnitId, string Title, DateOnly DueOn, IReadOnlyList<int> MaterialIds, AssignmentState? MyState, int MyCompletedMaterials, bool Manageable);

    /// <summary>Assignments given to the caller and those of units they manage, latest due date first (at most 100).</summary>
    public static async Task<Ok<ListPage<Item>>> Handle(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var managed = access.VisibleUnitIds().Where(access.CanManage).ToList();
        var me = current.Id;
        var assignments = await db.StudyAssignments.AsNoTracking().Include(a => a.Materials).Include(a => a.Assignees.Where(x => x.MemberId == me)).AsSplitQuery()
            .Where(a => a.Assignees.Any(x => x.MemberId == me) || managed.Contains(a.UnitId))
            .OrderByDescending(a => a.DueOn).ThenByDescending(a => a.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        var items = new List<Item>();
        foreach (var assignment in assignments)
        {
            var mine = assignment.Assignees.Any(a => a.MemberId == me) ? (await StudyAssignments.StatesAsync(db, assignment, [me], cancellationToken))[me] : ((AssignmentState, int)?)null;
            items.Add(new Item(assignment.Id, assignment.UnitId, assignment.Title, assignment.DueOn, assignment.Materials.OrderBy(m => m.Position).Select(m => m.MaterialId).ToList(),
                mine?.Item1, mine?.Item2 ?? 0, managed.Contains(assignment.UnitId)));
        }

        return TypedResults.Ok(new ListPage<Item>(items));
    }
}
