using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Notices;

/// <summary>A notice's reminders belong to the unit that posted it.</summary>
internal sealed class NoticeOwnerResolver(AppDbContext db) : ISubjectOwnerResolver
{
    public string SubjectType => SubjectTypes.Notice;

    public Task<int?> FindOwnerUnitIdAsync(int subjectId, CancellationToken cancellationToken) =>
        db.Notices.AsNoTracking().Where(n => n.Id == subjectId).Select(n => (int?)n.UnitId).FirstOrDefaultAsync(cancellationToken);
}
