using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;
using SmartBranch.Domain.Study;

namespace SmartBranch.Api.Features.Study;

/// <summary>Where an assignee is: every material completed, some study recorded, or nothing yet.</summary>
public enum AssignmentState
{
    Finished,
    InProgress,
    NotStarted,
}

/// <summary>Loading assignments and working out each assignee's state.</summary>
internal static class StudyAssignments
{
    private const string NotFound = "未找到该学习任务，或您无权查看。";

    /// <summary>The assignment (with materials and assignees) when the caller manages its unit; 404 when they may not see the unit, 403 when they see but do not manage it.</summary>
    public static async Task<Result<StudyAssignment>> LoadManageableAsync(AppDbContext db, AccessScope access, int id, CancellationToken cancellationToken)
    {
        var assignment = await db.StudyAssignments.AsNoTracking().Include(a => a.Materials).Include(a => a.Assignees).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assignment is null)
        {
            return Refusals.NotFound(NotFound);
        }

        var check = UnitAccess.Check(access, assignment.UnitId, access.CanManage, NotFound);
        return check.Error is { } refused ? refused : assignment;
    }

    /// <summary>Each assignee's state and how many of the materials they completed.</summary>
    public static async Task<IReadOnlyDictionary<int, (AssignmentState State, int Completed)>> StatesAsync(AppDbContext db, StudyAssignment assignment, IReadOnlyCollection<int> memberIds, CancellationToken cancellationToken)
    {
        var materialIds = assignment.Materials.Select(m => m.MaterialId).ToList();
        var progress = await db.StudyProgress.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId) && materialIds.Contains(p.MaterialId))
            .Select(p => new { p.MemberId, Completed = p.CompletedAt != null })
            .ToListAsync(cancellationToken);
        return memberIds.Distinct().ToDictionary(id => id, id =>
        {
            var mine = progress.Where(p => p.MemberId == id).ToList();
            var completed = mine.Count(p => p.Completed);
            var state = completed == materialIds.Count ? AssignmentState.Finished : mine.Count > 0 ? AssignmentState.InProgress : AssignmentState.NotStarted;
            return (state, completed);
        });
    }
}
