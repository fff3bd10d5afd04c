namespace SmartBranch.Api.Messaging;

/// <summary>
/// Tells which organisation unit owns a subject of one type (a meeting, an activity, a notice …), so that
/// unit's committee may see the subject's reminders. Each feature registers one for its subject type with
/// <see cref="SubjectOwners.AddSubjectOwner"/>.
/// </summary>
public interface ISubjectOwnerResolver
{
    /// <summary>The subject type it answers for, e.g. <c>SubjectTypes.Meeting</c>.</summary>
    string SubjectType { get; }

    /// <summary>The owning unit (a branch, or the general branch for subjects posted above the branches); null when the subject does not exist.</summary>
    Task<int?> FindOwnerUnitIdAsync(int subjectId, CancellationToken cancellationToken);
}

public static class SubjectOwners
{
    /// <summary>
    /// Registers the owner of <paramref name="subjectType"/>: <paramref name="owner"/> selects the owning unit's id
    /// of the subject with the given id (none when there is no such subject), e.g.
    /// <c>services.AddSubjectOwner(SubjectTypes.Meeting, (db, id) =&gt; db.Meetings.Where(m =&gt; m.Id == id).Select(m =&gt; (int?)m.UnitId))</c>.
    /// </summary>
    public static IServiceCollection AddSubjectOwner(
        this IServiceCollection services, string subjectType, Func<AppDbContext, int, IQueryable<int?>> owner) =>
        services.AddScoped<ISubjectOwnerResolver>(sp => new QueryOwner(subjectType, owner, sp.GetRequiredService<AppDbContext>()));

    private sealed class QueryOwner(string subjectType, Func<AppDbContext, int, IQueryable<int?>> owner, AppDbContext db) : ISubjectOwnerResolver
    {
        public string SubjectType => subjectType;

        public Task<int?> FindOwnerUnitIdAsync(int subjectId, CancellationToken cancellationToken) =>
            owner(db, subjectId).FirstOrDefaultAsync(cancellationToken);
    }
}
