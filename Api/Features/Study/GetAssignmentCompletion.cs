namespace SmartBranch.Api.Features.Study;

public static class GetAssignmentCompletion
{
    /// <remarks><c>CompletedMaterials</c>: How many of the assignment's materials the member completed.</remarks>
    public sealed record Assignee(int MemberId, string Name, AssignmentState State, int CompletedMaterials);

    /// <summary>Counts by state and every assignee, ordered by state then name (never by hours or speed: no ranking).</summary>
    public sealed record Response(int Id, string Title, DateOnly DueOn, int MaterialCount, int Assigned, int Finished, int InProgress, int NotStarted, IReadOnlyList<Assignee> Members);

    /// <summary>Who finished an assignment, who is studying and who has not started (the committee of its unit and admins above).</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (assignment, refusal) = await StudyAssignments.LoadManageableAsync(db, access, id, cancellationToken);
        if (assignment is null)
        {
            return Problems.From(refusal!);
        }

        var memberIds = assignment.Assignees.Select(a => a.MemberId).ToList();
        var states = await StudyAssignments.StatesAsync(db, assignment, memberIds, cancellationToken);
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var members = memberIds
            .Select(m => new Assignee(m, names.GetValueOrDefault(m, string.Empty), states[m].State, states[m].Completed))
            .OrderBy(a => a.State).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new Response(
            assignment.Id, assignment.Title, assignment.DueOn, assignment.Materials.Count, members.Count,
            members.Count(m => m.State == AssignmentState.Finished),
            members.Count(m => m.State == AssignmentState.InProgress),
            members.Count(m => m.State == AssignmentState.NotStarted),
            members));
    }
}
