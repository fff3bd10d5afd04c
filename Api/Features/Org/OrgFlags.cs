using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

/// <summary>
/// A member flagged as away: no check-in for <c>awayMonths</c> months (the configured <c>Org:AwayMonths</c>, 6) while
/// their branch met; <c>lastCheckInAt</c> is their last check-in ever (null: never).
/// </summary>
public sealed record AwayMember(int MemberId, string Name, int BranchId, DateTimeOffset? LastCheckInAt, int AwayMonths);

/// <summary>
/// The organisation's flags, computed from the data (never stored): a branch's warnings (Domain/README.md
/// "Organisation facts"), a committee term ending without a successor, outgoing letters expired without a
/// receipt, members away. <see cref="SweepAsync"/> turns the flags into reminders through the reminder
/// outbox, each at most once (the reminder's slot names the occasion).
/// </summary>
/// <remarks>
/// "Away" (Domain/README.md: a member who leaves for six months or more needs a transfer): this installation
/// knows attendance, not where people live. A member is away when, for the last <see cref="OrgOptions.AwayMonths"/>
/// months, they checked in at no meeting and no activity although their branch held meetings they were
/// expected at in both the first and the last month of that window, and no transfer of theirs is open or
/// waiting for a receipt.
/// </remarks>
public sealed class OrgFlags(AppDbContext db, ReminderScheduler reminders, TimeProvider time, IOptions<OrgOptions> options)
{
    private OrgOptions Options => options.Value;

    /// <summary>The warnings of one branch today (empty for other units).</summary>
    public async Task<IReadOnlyList<UnitWarning>> BranchWarningsAsync(OrganizationUnit unit, CancellationToken cancellationToken)
    {
        if (unit.Kind != UnitKind.Branch || unit.IsClosed)
        {
            return [];
        }

        var today = LocalCalendar.Today(time.GetUtcNow());
        var members = await db.Members.Where(m => m.BranchId == unit.Id && m.ArchivedOn == null).Select(m => m.Status).ToListAsync(cancellationToken);
        var roles = await db.Appointments.Where(a => a.UnitId == unit.Id && a.EndsOn >= today)
            .Select(a => new { a.Role, a.StartsOn, a.EndsOn })
            .ToListAsync(cancellationToken);
        var seats = roles.Count(r => r.StartsOn <= today && r.Role.IsBranchCommittee());
        return BranchFacts.ForBranch(members.Count(s => s == MembershipStatus.Full), members.Count, seats, TermEndsOn(roles.Select(r => (r.Role, r.EndsOn))), today, Options.TermEndWarningDays);
    }

    /// <summary>Last day of the current committee (the secretary's term, including a successor already appointed), or null without one.</summary>
    private static DateOnly? TermEndsOn(IEnumerable<(CommitteeRole Role, DateOnly EndsOn)> roles) =>
        roles.Where(r => r.Role == CommitteeRole.Secretary).Select(r => (DateOnly?)r.EndsOn).Max();

    /// <summary>Members flagged as away today, for the given branches.</summary>
    public async Task<IReadOnlyList<AwayMember>> AwayMembersAsync(IReadOnlyCollection<int> branchIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var windowStart = now.AddMonths(-Options.AwayMonths);
        var firstMonthEnd = windowStart.AddMonths(1);
        var lastMonthStart = now.AddMonths(-1);

        var expected = await db.MeetingAttendees
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { a.MemberId, m.BranchId, m.StartsAt, m.Status, a.CheckedInAt })
            .Where(x => branchIds.Contains(x.BranchId) && x.StartsAt >= windowStart && x.StartsAt <= now && x.Status != SmartBranch.Domain.Meetings.MeetingStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var candidates = expected.GroupBy(x => x.MemberId)
            .Where(g => g.Any(x => x.StartsAt < firstMonthEnd) && g.Any(x => x.StartsAt >= lastMonthStart) && g.All(x => x.CheckedInAt == null))
            .Select(g => g.Key)
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var activityCheckIns = await db.Enrollments.Where(e => candidates.Contains(e.MemberId) && e.CheckedInAt >= windowStart).Select(e => e.MemberId).Distinct().ToListAsync(cancellationToken);
        var inTransfer = await db.Transfers
            .Where(t => candidates.Contains(t.MemberId) && (t.State == TransferState.Requested || t.State == TransferState.Approved || t.State == TransferState.LetterIssued))
            .Select(t => t.MemberId).Distinct().ToListAsync(cancellationToken);
        var flagged = candidates.Except(activityCheckIns).Except(inTransfer).ToList();
        var lastCheckIns = await db.MeetingAttendees.Where(a => flagged.Contains(a.MemberId) && a.CheckedInAt != null)
            .GroupBy(a => a.MemberId).Select(g => new { g.Key, Last = g.Max(a => a.CheckedInAt) }).ToListAsync(cancellationToken);
        var members = await db.Members.Where(m => flagged.Contains(m.Id) && m.ArchivedOn == null && branchIds.Contains(m.BranchId))
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.BranchId })
            .ToListAsync(cancellationToken);
        return members.Select(m => new AwayMember(m.Id, m.Name, m.BranchId, lastCheckIns.FirstOrDefault(l => l.Key == m.Id)?.Last, Options.AwayMonths)).ToList();
    }

    /// <summary>
    /// Schedules the reminders today's flags call for and saves them: a term ending to the admins of the
    /// general branch above, an expired letter and a member away to the branch's secretary. Returns how many were added.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var added = 0;

        var branches = await db.Units.Where(u => u.Kind == UnitKind.Branch && u.ClosedOn == null).ToListAsync(cancellationToken);
        var secretaries = await db.Appointments.Where(a => a.Role == CommitteeRole.Secretary && a.StartsOn <= today && a.EndsOn >= today)
            .Select(a => new { a.UnitId, a.MemberId }).ToListAsync(cancellationToken);
        var admins = await db.Appointments.Where(a => a.Role == CommitteeRole.GeneralBranchAdmin && a.StartsOn <= today && a.EndsOn >= today)
            .Select(a => new { a.UnitId, a.MemberId }).ToListAsync(cancellationToken);
        var terms = await db.Appointments.Where(a => a.Role == CommitteeRole.Secretary && a.EndsOn >= today)
            .GroupBy(a => a.UnitId).Select(g => new { UnitId = g.Key, EndsOn = g.Max(a => a.EndsOn) }).ToListAsync(cancellationToken);

        foreach (var term in terms)
        {
            var branch = branches.FirstOrDefault(b => b.Id == term.UnitId);
            if (branch?.ParentId is not int parentId || !BranchFacts.IsTermEnding(term.EndsOn, today, Options.TermEndWarningDays))
            {
                continue;
            }

            added += await reminders.ScheduleAsync(ReminderKind.Notice, SubjectTypes.Unit, branch.Id, $"term-end-{term.EndsOn:yyyy-MM-dd}",
                admins.Where(a => a.UnitId == parentId).Select(a => a.MemberId), now,
                new ReminderContent("支部换届提醒", $"{branch.Name}本届任期于{term.EndsOn:yyyy-MM-dd}届满，尚未产生新一届支部委员会，请及时组织换届。", null, $"{branch.Name}换届", now, Note: $"任期至{term.EndsOn:yyyy-MM-dd}"),
                cancellationToken);
        }

        var issued = await db.Transfers.Where(t => t.State == TransferState.LetterIssued && t.ValidUntil < today)
            .Select(t => new { t.Id, t.FromBranchId, t.MemberId, t.ToOrganization, t.ValidUntil }).ToListAsync(cancellationToken);
        var names = await db.Members.Where(m => issued.Select(i => i.MemberId).Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        foreach (var letter in issued)
        {
            added += await reminders.ScheduleAsync(ReminderKind.Notice, SubjectTypes.Transfer, letter.Id, "letter-expired",
                secretaries.Where(s => s.UnitId == letter.FromBranchId).Select(s => s.MemberId), now,
                new ReminderContent("介绍信已过期", $"{names.GetValueOrDefault(letter.MemberId)}的组织关系介绍信（转往{letter.ToOrganization}）已于{letter.ValidUntil:yyyy-MM-dd}过期，尚未收到回执，请跟进。", MiniProgramPages.Transfers, "介绍信过期未回执", now, Note: names.GetValueOrDefault(letter.MemberId)),
                cancellationToken);
        }

        var away = await AwayMembersAsync(branches.Select(b => b.Id).ToList(), cancellationToken);
        foreach (var member in away)
        {
            added += await reminders.ScheduleAsync(ReminderKind.Notice, SubjectTypes.Member, member.MemberId, $"away-{today:yyyy-MM}",
                secretaries.Where(s => s.UnitId == member.BranchId).Select(s => s.MemberId), now,
                new ReminderContent("党员长期未参加组织生活", $"{member.Name}已{Options.AwayMonths}个月以上未参加组织生活且未办理组织关系转接，请联系了解情况。", null, "党员外出未转接", now, Note: member.Name),
                cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}

/// <summary>Runs <see cref="OrgFlags.SweepAsync"/> every <see cref="OrgOptions.SweepInterval"/> (off when zero).</summary>
internal sealed class OrgSweepWorker(IServiceScopeFactory scopes, IOptions<OrgOptions> options, TimeProvider time, ILogger<OrgSweepWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SweepInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var added = await scope.ServiceProvider.GetRequiredService<OrgFlags>().SweepAsync(stoppingToken);
                logger.LogInformation("Organisation sweep scheduled {Count} reminders", added);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Organisation sweep failed; it runs again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
