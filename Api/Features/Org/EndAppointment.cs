using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class EndAppointment
{
    /// <summary>The one 404, for an unknown appointment and for one in a unit the caller cannot see.</summary>
    private const string NotFound = "未找到该任职记录，或您无权查看。";

    /// <summary>
    /// Ends an appointment today: its rights end at once. A served term stays on record (ending yesterday);
    /// one that had not begun before today is removed.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        int id,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var appointment = await db.Appointments.Include(a => a.Member).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return Problems.From(Refusals.NotFound(NotFound));
        }

        if (UnitAccess.Check(access, appointment.UnitId, access.CanAppointIn, NotFound) is { Error: { } refusal })
        {
            return Problems.From(refusal);
        }

        var today = LocalCalendar.Today(time.GetUtcNow());
        if (appointment.EndsOn < today)
        {
            return Problems.Conflict("任期已结束", "该任期已经结束。");
        }

        if (appointment.EndNow(today))
        {
            db.Appointments.Remove(appointment);
        }

        audit.Record(appointment.UnitId, "appointment.ended", SubjectTypes.Appointment, appointment.Id, $"结束 {appointment.Member!.Name} 的{appointment.Role.DisplayName()}任期");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
