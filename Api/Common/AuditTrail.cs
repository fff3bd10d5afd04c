using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Common;

/// <summary>
/// Records changes made by committee members and admins. The entry is added to the caller's DbContext and
/// saved with the change itself, so the log never disagrees with the data.
/// </summary>
public sealed class AuditTrail(AppDbContext db, CurrentMember current, TimeProvider time)
{
    public void Record(int unitId, string action, string targetType, long? targetId, string summary) =>
        db.AuditLog.Add(new AuditEntry(current.Id, unitId, action, targetType, targetId, summary, time.GetUtcNow()));
}
