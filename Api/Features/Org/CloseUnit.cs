using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Org;

public static class CloseUnit
{
    public sealed record Response(int Id, string Name, DateOnly ClosedOn);

    /// <summary>
    /// Closes (撤销) a unit today. 409 while it has active members or open units below it: move them first.
    /// Its meetings, minutes and notices stay readable to those who could read them; archived members keep
    /// pointing at it. 403/404 unless the caller manages the unit's parent.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (_, refusal) = await db.LoadUnitAsync(access, id, access.CanManageFromAbove, cancellationToken);
        if (refusal is not null)
        {
            return Problems.From(refusal);
        }

        var unit = await db.Units.FirstAsync(u => u.Id == id, cancellationToken);
        var members = await db.Members.CountAsync(m => (m.BranchId == id || m.PartyGroupId == id) && m.ArchivedOn == null, cancellationToken);
        var children = await db.Units.CountAsync(u => u.ParentId == id && u.ClosedOn == null, cancellationToken);
        if (unit.Close(LocalCalendar.Today(time.GetUtcNow()), members, children).Error is { } error)
        {
            return Problems.From(error.As(ErrorKind.Conflict));
        }

        audit.Record(id, "unit.closed", SubjectTypes.Unit, id, $"撤销{EnumLabels.Of(unit.Kind)}“{unit.Name}”");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(unit.Id, unit.Name, unit.ClosedOn!.Value));
    }
}
