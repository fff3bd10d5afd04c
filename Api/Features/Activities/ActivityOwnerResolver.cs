using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Activities;

/// <summary>An activity's reminders belong to the unit that organises it.</summary>
internal sealed class ActivityOwnerResolver(AppDbContext db) : ISubjectOwnerResolver
{
    public string SubjectType => SubjectTypes.Activity;

    public Task<int?> FindOwnerUnitIdAsync(int subjectId, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking().Where(a => a.Id == subjectId).Select(a => (int?)a.UnitId).FirstOrDefaultAsync(cancellationToken);
}
