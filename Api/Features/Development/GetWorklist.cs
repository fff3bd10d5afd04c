using System.Globalization;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Development;

public static class GetWorklist
{
    /// <summary>A person at a stage (what a stage count opens into).</summary>
    public sealed record PersonItem(int RecordId, string Name, string Number, int BranchId, string BranchName);

    /// <summary>A stage with how many people are in it and who.</summary>
    public sealed record StageCount(DevelopmentStage Stage, string Name, int Count, IReadOnlyList<PersonItem> People);

    /// <summary>A task owed: the person, what (and its Chinese name), due on (China time), whose it is and who that is by name, missed thought reports.</summary>
    public sealed record Item(int RecordId, string Name, string Number, int BranchId, string BranchName, DevelopmentTaskKind Kind, string TaskName, DateOnly DueOn, TaskOwner Owner, IReadOnlyList<string> OwnerNames, int Missing);

    /// <summary>
    /// The worklist on <c>On</c> (China time): overdue tasks (due before that day, oldest first), tasks due later in the
    /// same month, and everyone in development by stage.
    /// </summary>
    public sealed record Response(DateOnly On, IReadOnlyList<Item> Overdue, IReadOnlyList<Item> DueThisMonth, IReadOnlyList<StageCount> Stages);

    /// <summary>
    /// 200 with the worklist of <c>unitId</c> (a branch; a general branch covers every branch under it) on <c>on</c>
    /// (yyyy-MM-dd, default today). 400 for a bad date; 403 for a unit the caller sees but does not manage; 404 for one they do not see.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int unitId,
        string? on,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        DateOnly day;
        if (string.IsNullOrWhiteSpace(on))
        {
            day = LocalCalendar.Today(time.GetUtcNow());
        }
        else if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Problems.BadRequest("日期无效", "日期格式应为 yyyy-MM-dd。");
        }
        else if (!DateWindow.Contains(day.Year))
        {
            return Problems.BadRequest("日期无效", DateWindow.Message);
        }

        var access = await current.GetAccessAsync(cancellationToken);
        var (branches, refusal) = DevelopmentAccess.ManagedBranches(access, unitId);
        if (branches is null)
        {
            return Problems.From(refusal!);
        }

        var worklist = await WorklistAsync(db, branches, day, await current.GetUnitsAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok(worklist);
    }

    /// <summary>The worklist of <paramref name="branchIds"/> on <paramref name="day"/>; also what the reminders are made from.</summary>
    internal static async Task<Response> WorklistAsync(AppDbContext db, IReadOnlyList<int> branchIds, DateOnly day, CachedUnits units, CancellationToken cancellationToken)
    {
        var rules = await DevelopmentAccess.RulesAsync(db, cancellationToken);
        var records = await db.DevelopmentRecords.AsNoTracking().Include(r => r.Steps).AsSplitQuery()
            .Where(r => branchIds.Contains(r.BranchId))
            .OrderBy(r => r.BranchId).ThenBy(r => r.Number)
            .ToListAsync(cancellationToken);

        // Only what had happened by the day asked counts, so a past day shows the worklist as it was.
        var asOf = records.Select(r => r.AsOf(day)).Where(r => r.Steps.Count > 0).ToList();
        var owners = await OwnersAsync(db, branchIds, asOf, day, cancellationToken);

        string BranchName(int id) => units.Find(id)?.Name ?? string.Empty;

        var items = new List<Item>();
        var stages = new Dictionary<DevelopmentStage, List<PersonItem>>();
        foreach (var record in asOf)
        {
            stages.TryAdd(record.Stage, []);
            stages[record.Stage].Add(new PersonItem(record.Id, record.Name, record.Number, record.BranchId, BranchName(record.BranchId)));
            foreach (var task in DevelopmentTasks.For(record, rules, day))
            {
                items.Add(new Item(record.Id, record.Name, record.Number, record.BranchId, BranchName(record.BranchId), task.Kind, DevelopmentTask.DisplayName(task.Kind),
                    task.DueOn, task.Owner, owners.NamesFor(record, task.Owner), task.Missing));
            }
        }

        var monthEnd = new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
        return new Response(
            day,
            items.Where(i => i.DueOn < day).OrderBy(i => i.DueOn).ThenBy(i => i.Number).ThenBy(i => i.Kind).ToList(),
            items.Where(i => i.DueOn >= day && i.DueOn <= monthEnd).OrderBy(i => i.DueOn).ThenBy(i => i.Number).ThenBy(i => i.Kind).ToList(),
            Enum.GetValues<DevelopmentStage>().Select(s => new StageCount(s, s.DisplayName(), stages.GetValueOrDefault(s)?.Count ?? 0, stages.GetValueOrDefault(s) ?? [])).ToList());
    }

    /// <summary>Who owns each kind of task: the committee (书记 and 组织委员) of each branch, the contacts, the person.</summary>
    internal sealed record TaskOwners(
        IReadOnlyDictionary<int, IReadOnlyList<(int Id, string Name)>> Committees,
        IReadOnlyDictionary<int, string> MemberNames)
    {
        public IReadOnlyList<string> NamesFor(DevelopmentRecord record, TaskOwner owner) => owner switch
        {
            TaskOwner.Committee => Committees.GetValueOrDefault(record.BranchId)?.Select(c => c.Name).ToList() ?? [],
            TaskOwner.Contacts => record.ContactIds.Select(id => MemberNames.GetValueOrDefault(id) ?? string.Empty).ToList(),
            _ => [record.Name],
        };

        /// <summary>Who a reminder of the task reaches: members, or the person in development while their account is bound to the record (none when unbound).</summary>
        public IReadOnlyList<Recipient> RecipientsFor(DevelopmentRecord record, TaskOwner owner) => owner switch
        {
            TaskOwner.Committee => Committees.GetValueOrDefault(record.BranchId)?.Select(c => Recipient.Member(c.Id)).ToList() ?? [],
            TaskOwner.Contacts => record.ContactIds.Select(Recipient.Member).ToList(),
            _ => record.MemberId is int id ? [Recipient.Member(id)] : record.OpenId is not null ? [Recipient.Applicant(record.Id)] : [],
        };
    }

    internal static async Task<TaskOwners> OwnersAsync(AppDbContext db, IReadOnlyList<int> branchIds, IReadOnlyList<DevelopmentRecord> records, DateOnly day, CancellationToken cancellationToken)
    {
        var committee = await db.Appointments.AsNoTracking()
            .Where(a => branchIds.Contains(a.UnitId) && a.StartsOn <= day && a.EndsOn >= day
                && (a.Role == CommitteeRole.Secretary || a.Role == CommitteeRole.OrganizationCommissioner))
            .Join(db.Members.AsNoTracking(), a => a.MemberId, m => m.Id, (a, m) => new { a.UnitId, a.Role, m.Id, m.Name })
            .ToListAsync(cancellationToken);
        var contactIds = records.SelectMany(r => r.ContactIds).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => contactIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return new TaskOwners(
            committee.GroupBy(c => c.UnitId).ToDictionary(g => g.Key, g => (IReadOnlyList<(int, string)>)g.OrderBy(c => c.Role).Select(c => (c.Id, c.Name)).Distinct().ToList()),
            names);
    }
}
