using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Study;

/// <summary>
/// Study assigned by a committee (or the general branch): a set of materials to the members an audience
/// reached when it was made, due on a date (China time). A member has finished it when they completed every
/// material of it.
/// </summary>
public sealed class StudyAssignment
{
    public const int TitleMaxLength = 60;
    public const int MaxMaterials = 50;

    private readonly List<StudyAssignmentMaterial> _materials = [];
    private readonly List<StudyAssignee> _assignees = [];

    private StudyAssignment()
    {
        Title = string.Empty;
    }

    public StudyAssignment(int unitId, int createdById, string title, DateOnly dueOn, IEnumerable<int> materialIds, IEnumerable<int> memberIds, DateTimeOffset now)
    {
        UnitId = unitId;
        CreatedById = createdById;
        Title = title;
        DueOn = dueOn;
        CreatedAt = now;
        _materials.AddRange(materialIds.Distinct().Select((id, i) => new StudyAssignmentMaterial(id, i)));
        _assignees.AddRange(memberIds.Distinct().Select(id => new StudyAssignee(id)));
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public int CreatedById { get; private set; }

    public string Title { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<StudyAssignmentMaterial> Materials => _materials;

    public IReadOnlyList<StudyAssignee> Assignees => _assignees;

    /// <summary>Refuses a due date already past (China time).</summary>
    public static Result CheckDue(DateOnly dueOn, DateTimeOffset now) =>
        dueOn < LocalCalendar.Today(now) ? new DomainError("study.due_past", "截止日期不能早于今天。") : Result.Ok;
}

public sealed class StudyAssignmentMaterial(int materialId, int position)
{
    public int AssignmentId { get; private set; }

    public int MaterialId { get; private set; } = materialId;

    public int Position { get; private set; } = position;
}

public sealed class StudyAssignee(int memberId)
{
    public int AssignmentId { get; private set; }

    public int MemberId { get; private set; } = memberId;
}
