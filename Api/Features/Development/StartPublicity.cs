using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;

namespace SmartBranch.Api.Features.Development;

public static class StartPublicity
{
    /// <summary>A publicity before <c>before</c> (<c>Admission</c> or <c>Confirmation</c>) from <c>startsOn</c> (China time, default today) for the configured number of working days.</summary>
    public sealed record Request(DevelopmentStepKind Before, DateOnly? StartsOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Before).Must(b => b is DevelopmentStepKind.Admission or DevelopmentStepKind.Confirmation)
                .WithMessage("公示只用于接收预备党员（Admission）和预备党员转正（Confirmation）之前。");
    }

    /// <summary>
    /// 201 with the publicity (its last day follows from the working days in the rules table, 5 by default); the step it
    /// precedes may be recorded from the day after. 400 when the record is not at that point or the date does not fit;
    /// 403 for a contact; 404 for strangers.
    /// </summary>
    public static async Task<Results<Created<PublicityView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (reached, refusal) = await DevelopmentAccess.LoadAsync(db, access, id, tracked: false, cancellationToken);
        if (reached is null)
        {
            return Problems.From(refusal!);
        }

        var (record, role) = reached;
        if (role != RecordRole.Committee)
        {
            return Problems.Forbidden("公示由支部委员会发布。");
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var startsOn = request.StartsOn ?? today;
        if (record.CheckPublicity(request.Before, startsOn, today).Error is { } error)
        {
            return Problems.From(error);
        }

        var rules = await DevelopmentAccess.RulesAsync(db, cancellationToken);
        var publicity = new Publicity(record.Id, record.BranchId, request.Before, startsOn, rules[DevelopmentRules.PublicityWorkingDays], current.Id, now);
        db.Publicities.Add(publicity);
        await db.SaveWithAuditAsync(
            () => audit.Record(record.BranchId, "development.publicity", SubjectTypes.Publicity, publicity.Id,
                $"{record.Name}：{request.Before.DisplayName()}前公示 {publicity.StartsOn:yyyy-MM-dd} 至 {publicity.EndsOn:yyyy-MM-dd}"),
            cancellationToken);
        return TypedResults.Created($"/api/development/publicity/{publicity.Id}", DevelopmentViews.Publicity(publicity, record.Name, today));
    }
}
