using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

/// <summary>
/// Tells whoever must act on a transfer, through the reminder outbox (sent at once, saved with the change):
/// the sending secretary when it is requested, the receiving secretary when it is approved, the member when
/// it is accepted or returned.
/// </summary>
public sealed class TransferReminders(AppDbContext db, ReminderScheduler reminders, TimeProvider time)
{
    public async Task NotifyAsync(Transfer transfer, string memberName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var (recipients, title, body) = transfer.State switch
        {
            TransferState.Requested => (await SecretariesAsync(transfer.FromBranchId, today, cancellationToken), "组织关系转接待审批", $"{memberName}的组织关系转接申请等待您审批。"),
            TransferState.Approved when transfer.Kind == TransferKind.Inside => (await SecretariesAsync(transfer.ToBranchId, today, cancellationToken), "组织关系转入待接收", $"{memberName}的组织关系将转入贵支部，等待您接收。"),
            TransferState.Approved => (await SecretariesAsync(transfer.FromBranchId, today, cancellationToken), "待开具介绍信", $"{memberName}的组织关系转出已审批，请开具介绍信。"),
            TransferState.Accepted => ((IReadOnlyList<int>)[transfer.MemberId], "组织关系已转入", "您的组织关系转接已被接收。"),
            TransferState.Returned => ([transfer.MemberId], "组织关系转接被退回", $"您的组织关系转接被退回：{transfer.ReturnReason}"),
            _ => ([], string.Empty, string.Empty),
        };

        if (recipients.Count == 0)
        {
            return;
        }

        await reminders.ScheduleAsync(ReminderKind.Organization, SubjectTypes.Transfer, transfer.Id, transfer.State.ToString(), recipients, now,
            new ReminderContent(title, body, null, title, now, Note: memberName), cancellationToken);
    }

    private async Task<IReadOnlyList<int>> SecretariesAsync(int? branchId, DateOnly today, CancellationToken cancellationToken) =>
        branchId is int id
            ? await db.Appointments.Where(a => a.UnitId == id && (a.Role == CommitteeRole.Secretary || a.Role == CommitteeRole.DeputySecretary || a.Role == CommitteeRole.OrganizationCommissioner) && a.StartsOn <= today && a.EndsOn >= today)
                .Select(a => a.MemberId).Distinct().ToListAsync(cancellationToken)
            : [];
}
