using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Meetings;

public static class SetMeetingCadence
{
    /// <summary>How often the branch must hold this meeting type (overrides the default from the regulations).</summary>
    public sealed record Request(Cadence? Cadence);

    /// <summary>The branch's cadence for the type now.</summary>
    public sealed record Response(int BranchId, MeetingType Type, Cadence Cadence, string CadenceName, Cadence DefaultCadence);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Cadence).NotNull().WithMessage("请选择频次。");
    }

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        MeetingType type,
        Request request,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, _, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null || unit.Kind != UnitKind.Branch || !access.CanManage(unit.Id))
        {
            return Problems.NotFound("支部不存在或您无权管理。");
        }

        var cadence = request.Cadence!.Value;
        var row = await db.MeetingCadences.SingleOrDefaultAsync(c => c.BranchId == id && c.Type == type, cancellationToken);
        if (row is null)
        {
            db.MeetingCadences.Add(new MeetingCadence(id, type, cadence));
        }
        else
        {
            row.Change(cadence);
        }

        audit.Record(id, "meeting.cadence_set", SubjectTypes.MeetingCadence, id, $"{type.DisplayName()}频次设为{cadence.DisplayName()}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone set the same type at the same moment; the unique (branch, type) index kept theirs.
            return Problems.Conflict("频次已被修改", "该会议类型的频次刚被他人修改，请刷新后再试。");
        }

        return TypedResults.Ok(new Response(id, type, cadence, cadence.DisplayName(), type.DefaultCadence()));
    }
}
