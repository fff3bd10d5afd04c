using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Dues;

/// <summary>What one run of the dues jobs did.</summary>
public sealed record DuesJobReport(int Queried, int Paid, int Closed, int ArrearsReminded, int Flagged);

/// <summary>
/// The background work of dues: query orders whose notification has not come after
/// <see cref="DuesOptions.LateQueryAfter"/> (marking them paid or closing them once expired), and remind members
/// behind by <see cref="DuesOptions.RemindAfterMonths"/> months and their 组织委员 (once a month), flagging those behind
/// by <see cref="DuesOptions.FlagAfterMonths"/> to the 组织委员. Nothing here changes a member's status.
/// </summary>
public sealed class DuesJobs(AppDbContext db, DuesLedger ledger, DuesSettlement settlement, ReminderScheduler reminders, IOptions<DuesOptions> options, TimeProvider time)
{
    public async Task<DuesJobReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = now - options.Value.LateQueryAfter;
        var late = await db.DuesPayments.Where(p => p.Status == DuesPaymentStatus.Pending && p.CreatedAt <= due).OrderBy(p => p.Id).Take(200).ToListAsync(cancellationToken);
        int paid = 0, closed = 0;
        foreach (var payment in late)
        {
            var result = await settlement.QueryAsync(payment, cancellationToken);
            paid += result == SettleResult.Paid ? 1 : 0;
            closed += result == SettleResult.Closed ? 1 : 0;
        }

        var (reminded, flagged) = await RemindArrearsAsync(cancellationToken);
        return new DuesJobReport(late.Count, paid, closed, reminded, flagged);
    }

    private async Task<(int Reminded, int Flagged)> RemindArrearsAsync(CancellationToken cancellationToken)
    {
        var current = ledger.CurrentMonth;
        var withBase = await db.DuesBases.AsNoTracking().Where(b => b.Year <= current.Year).Select(b => b.MemberId).Distinct().ToListAsync(cancellationToken);
        await ledger.EnsureBillsAsync(withBase, current, cancellationToken);
        var arrears = await ledger.ArrearsAsync(withBase, cancellationToken);
        var behind = arrears.Where(a => a.Value.Remind).Select(a => a.Key).ToList();
        var members = await db.Members.AsNoTracking().Where(m => behind.Contains(m.Id)).Select(m => new { m.Id, m.Name, m.BranchId }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        int reminded = 0, flagged = 0;
        foreach (var member in members)
        {
            var standing = arrears[member.Id];
            var commissioners = await ledger.CommissionersAsync(member.BranchId, cancellationToken);
            reminded += await reminders.ScheduleAsync(
                ReminderKind.Dues,
                SubjectTypes.Dues,
                member.Id,
                $"arrears-{current}",
                commissioners.Append(member.Id),
                now,
                new ReminderContent(
                    "党费欠缴提醒",
                    $"{member.Name}已连续{standing.ConsecutiveUnpaidMonths}个月未交纳党费（自{standing.OldestUnpaid}起），请及时交纳。",
                    null,
                    "党费欠缴提醒",
                    now,
                    Note: $"连续{standing.ConsecutiveUnpaidMonths}个月未交"),
                cancellationToken);
            if (standing.Flag)
            {
                flagged += await reminders.ScheduleAsync(
                    ReminderKind.Dues,
                    SubjectTypes.Dues,
                    member.Id,
                    $"flag-{current}",
                    commissioners,
                    now,
                    new ReminderContent(
                        "党费欠缴待支部研究",
                        $"{member.Name}已连续{standing.ConsecutiveUnpaidMonths}个月未交纳党费，且无经批准的理由，请支部研究处理（系统不会自动变更其党籍状态）。",
                        null,
                        "党费欠缴待支部研究",
                        now,
                        Note: "请支部研究处理"),
                    cancellationToken) > 0 ? 1 : 0;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (reminded, flagged);
    }
}

/// <summary>Runs <see cref="DuesJobs"/> every <see cref="DuesOptions.JobInterval"/> (real time, so a test's clock never fires it).</summary>
internal sealed class DuesWorker(IServiceScopeFactory scopes, IOptions<DuesOptions> options, ILogger<DuesWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundJobs)
        {
            logger.LogInformation("Dues jobs in the background are switched off (Dues:BackgroundJobs)");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.JobInterval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var report = await scope.ServiceProvider.GetRequiredService<DuesJobs>().RunOnceAsync(stoppingToken);
                    logger.LogInformation("Dues jobs: {Report}", report);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database or WeChat Pay hiccup must not stop the jobs for good; the next tick tries again.
                    logger.LogError(ex, "Dues jobs failed; trying again at the next interval");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
