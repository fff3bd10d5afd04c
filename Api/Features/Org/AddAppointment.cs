using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class AddAppointment
{
    /// <summary>
    /// Appoints a member to a role in the unit for a term. Branch roles are held in a branch, 党小组长 in a
    /// party group, 党总支管理员 in the general branch. The term starts today and lasts 3 years unless given.
    /// </summary>
    public sealed record Request(int MemberId, CommitteeRole Role, DateOnly? StartsOn, DateOnly? EndsOn);

    /// <summary>The appointment made; its rights last from <c>startsOn</c> to <c>endsOn</c> inclusive.</summary>
    public sealed record Response(int Id, int UnitId, int MemberId, string MemberName, CommitteeRole Role, string RoleName, DateOnly StartsOn, DateOnly EndsOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.MemberId).GreaterThan(0).WithMessage("请选择党员。");
            RuleFor(r => r.Role).IsInEnum().WithMessage("职务无效。");
            RuleFor(r => r.EndsOn).GreaterThanOrEqualTo(r => r.StartsOn).When(r => r.StartsOn is not null && r.EndsOn is not null)
                .WithMessage("任期结束日期不能早于开始日期。");
        }
    }

    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadUnitAsync(access, id, access.CanAppointIn, cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        if (request.Role.HeldIn() != unit.Kind)
        {
            return Problems.BadRequest("职务无效", $"{request.Role.DisplayName()}不能在{EnumLabels.Of(unit.Kind)}中任命。");
        }

        // The appointee must belong to the unit; anyone else (or an unknown id) gets the same answer.
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == request.MemberId)
            .Select(m => new { m.Id, m.Name, m.BranchId, m.PartyGroupId, Archived = m.ArchivedOn != null })
            .FirstOrDefaultAsync(cancellationToken);
        var belongs = member is not null && !member.Archived && unit.Kind switch
        {
            UnitKind.Branch => member.BranchId == id,
            UnitKind.PartyGroup => member.PartyGroupId == id,
            _ => access.IsWithin(member.BranchId, id),
        };
        if (!belongs)
        {
            return Problems.BadRequest("无法任命", $"该党员不属于{unit.Name}。");
        }

        var startsOn = request.StartsOn ?? LocalCalendar.Today(time.GetUtcNow());
        var endsOn = request.EndsOn ?? startsOn.AddYears(Appointment.DefaultTermYears);
        var sameRole = await db.Appointments.AsNoTracking().Where(a => a.UnitId == id && a.Role == request.Role).ToListAsync(cancellationToken);
        if (Appointment.CheckNew(member!.Id, request.Role, startsOn, endsOn, sameRole) is { Error: { } error })
        {
            return Problems.From(error);
        }

        var appointment = new Appointment(member.Id, id, request.Role, startsOn, endsOn);
        db.Appointments.Add(appointment);
        await db.SaveWithAuditAsync(
            () => audit.Record(id, "appointment.created", SubjectTypes.Appointment, appointment.Id, $"任命 {member.Name} 为{request.Role.DisplayName()}（{startsOn:yyyy-MM-dd} 至 {endsOn:yyyy-MM-dd}）"),
            cancellationToken);

        return TypedResults.Created(
            $"/api/org/units/{id}",
            new Response(appointment.Id, id, member.Id, member.Name, appointment.Role, appointment.Role.DisplayName(), appointment.StartsOn, appointment.EndsOn));
    }
}
