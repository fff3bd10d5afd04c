using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Mailbox;

/// <summary>
/// Who reads and answers mailbox messages. A message to a branch is read by that branch's secretary and
/// deputy secretary; once escalated also by the admins of the general branch above. A message to the
/// general branch is read by its admins. The writer always sees their own. Anyone else gets 404.
/// </summary>
internal static class MailboxAccess
{
    public static bool IsSecretaryOf(this AccessScope access, int branchId) =>
        access.Roles.Any(r => r.UnitId == branchId && r.Role is CommitteeRole.Secretary or CommitteeRole.DeputySecretary);

    public static bool IsAdminOf(this AccessScope access, int generalBranchId) =>
        access.Roles.Any(r => r.UnitId == generalBranchId && r.Role == CommitteeRole.GeneralBranchAdmin);

    public static bool CanRead(this AccessScope access, MailboxMessage message, DateTimeOffset now) =>
        message.Addressee == MailboxAddressee.Branch
            ? access.IsSecretaryOf(message.BranchId) || (access.IsAdminOf(message.GeneralBranchId) && message.IsEscalated(now))
            : access.IsAdminOf(message.GeneralBranchId);

    /// <summary>Readers' list: messages to branches the caller is secretary of, to general branches they administer, and escalated ones below those.</summary>
    public static IQueryable<MailboxMessage> ReadableBy(this IQueryable<MailboxMessage> messages, AccessScope access, DateTimeOffset now)
    {
        var branches = access.Roles.Where(r => r.Role is CommitteeRole.Secretary or CommitteeRole.DeputySecretary).Select(r => r.UnitId).ToList();
        var generals = access.Roles.Where(r => r.Role == CommitteeRole.GeneralBranchAdmin).Select(r => r.UnitId).ToList();
        return messages.Where(m =>
            (m.Addressee == MailboxAddressee.Branch && branches.Contains(m.BranchId))
            || (generals.Contains(m.GeneralBranchId)
                && (m.Addressee == MailboxAddressee.GeneralBranch || (m.Status == MailboxStatus.Open && m.EscalateAt <= now))));
    }

    /// <summary>The message with its replies when the caller wrote or reads it; otherwise null (404).</summary>
    public static async Task<MailboxMessage?> FindAsync(AppDbContext db, AccessScope access, int id, bool tracked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = db.MailboxMessages.Include(m => m.Replies).Where(m => m.Id == id);
        var message = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        return message is not null && (message.AuthorMemberId == access.MemberId || access.CanRead(message, now)) ? message : null;
    }

    /// <summary>The members who answer messages to <paramref name="message"/>'s addressee today (for overdue reminders).</summary>
    public static Task<List<int>> ReadersAsync(AppDbContext db, MailboxMessage message, DateOnly today, CancellationToken cancellationToken) =>
        message.Addressee == MailboxAddressee.Branch ? HoldersAsync(db, message.BranchId, [CommitteeRole.Secretary, CommitteeRole.DeputySecretary], today, cancellationToken)
            : AdminsAsync(db, message.GeneralBranchId, today, cancellationToken);

    public static Task<List<int>> AdminsAsync(AppDbContext db, int generalBranchId, DateOnly today, CancellationToken cancellationToken) =>
        HoldersAsync(db, generalBranchId, [CommitteeRole.GeneralBranchAdmin], today, cancellationToken);

    private static Task<List<int>> HoldersAsync(AppDbContext db, int unitId, CommitteeRole[] roles, DateOnly today, CancellationToken cancellationToken) =>
        db.Appointments.AsNoTracking()
            .Where(a => a.UnitId == unitId && roles.Contains(a.Role) && a.StartsOn <= today && a.EndsOn >= today)
            .Select(a => a.MemberId)
            .Distinct()
            .ToListAsync(cancellationToken);
}
