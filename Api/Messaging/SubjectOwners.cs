namespace SmartBranch.Api.Messaging;

/// <summary>
/// Tells which organisation unit owns a subject of one type (a meeting, an activity, a notice …), so that
/// unit's committee may see the subject's reminders. Each feature registers one for its subject type:
/// <c>services.AddScoped&lt;ISubjectOwnerResolver, MeetingOwnerResolver&gt;()</c>.
/// </summary>
public interface ISubjectOwnerResolver
{
    /// <summary>The subject type it answers for, e.g. <c>SubjectTypes.Meeting</c>.</summary>
    string SubjectType { get; }

    /// <summary>The owning unit (a branch, or the general branch for subjects posted above the branches); null when the subject does not exist.</summary>
    Task<int?> FindOwnerUnitIdAsync(int subjectId, CancellationToken cancellationToken);
}
