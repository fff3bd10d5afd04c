using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Development;

public static class GetRecord
{
    /// <summary>200 with the record (events, stage, next step and from when, tasks owed today); 404 unless the caller is its committee, a general-branch admin above it, or an assigned contact or introducer.</summary>
    public static async Task<Results<Ok<RecordView>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (reached, refusal) = await DevelopmentAccess.LoadAsync(db, access, id, tracked: false, cancellationToken);
        if (reached is null)
        {
            return Problems.From(refusal!);
        }

        var record = reached.Record;

        var rules = await DevelopmentAccess.RulesAsync(db, cancellationToken);
        return TypedResults.Ok(await DevelopmentViews.RecordAsync(db, record, rules, LocalCalendar.Today(time.GetUtcNow()), cancellationToken));
    }
}
