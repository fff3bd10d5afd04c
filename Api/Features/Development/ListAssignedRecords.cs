using SmartBranch.Domain.Development;

namespace SmartBranch.Api.Features.Development;

/// <summary>
/// The people in development a member is assigned to as training contact (培养联系人, step 5) or introducer (入党介绍人,
/// step 9), so a contact finds them from the phone and opens their record (GET /api/development/records/{id}, which
/// lets the same people read it and record observations; Api/Features/Development/README.md, "Access").
/// </summary>
public static class ListAssignedRecords
{
    /// <summary>One person: the record's id, name, branch, current stage (code and Chinese name) and the caller's role on it.</summary>
    public sealed record AssignedRecord(int Id, string Name, int BranchId, DevelopmentStage Stage, string StageName, StepPersonRole Role);

    /// <summary>
    /// 200 with the caller's assignments as they stand (the latest assignment step decides: a contact replaced by a later
    /// step 5 no longer sees the person), by name, never paged (a contact has a handful). Empty for anyone assigned to
    /// nobody; a member sees only records they are named on.
    /// </summary>
    public static async Task<Ok<ListPage<AssignedRecord>>> Handle(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var me = current.Id;
        var named = await db.DevelopmentRecords.AsNoTracking().Include(r => r.Steps).AsSplitQuery()
            .Where(r => r.Steps.Any(s => s.People.Any(p => p.MemberId == me && (p.Role == StepPersonRole.TrainingContact || p.Role == StepPersonRole.Introducer))))
            .ToListAsync(cancellationToken);
        var items = named
            .Select(r => (Record: r, Role: r.ContactIds.Contains(me) ? StepPersonRole.TrainingContact : r.IntroducerIds.Contains(me) ? StepPersonRole.Introducer : (StepPersonRole?)null))
            .Where(x => x.Role is not null)
            .OrderBy(x => x.Record.Name, StringComparer.Ordinal)
            .Select(x => new AssignedRecord(x.Record.Id, x.Record.Name, x.Record.BranchId, x.Record.Stage, x.Record.Stage.DisplayName(), x.Role!.Value))
            .ToList();
        return TypedResults.Ok(new ListPage<AssignedRecord>(items));
    }
}
