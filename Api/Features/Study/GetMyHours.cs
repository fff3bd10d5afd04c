using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Study;

public static class GetMyHours
{
    /// <summary>The caller's own study hours in <c>year</c> (China time; default this year) against the yearly target (<c>Study:YearlyTargetHours</c>, class hours).</summary>
    /// <remarks><c>RemainingHours</c>: Hours still short of the target (0 once reached).</remarks>
    public sealed record Response(int Year, decimal TargetHours, decimal TotalHours, decimal RemainingHours, decimal MaterialHours, decimal MeetingHours, IReadOnlyList<StudyTopicHours> ByTopic, IReadOnlyList<StudyHoursEntry> Entries);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int? year,
        CurrentMember current,
        AppDbContext db,
        IOptions<StudyOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var chosen = year ?? LocalCalendar.ToLocal(time.GetUtcNow()).Year;
        if (chosen is < 2000 or > 2100)
        {
            return Problems.BadRequest("年份无效", "年份应在2000到2100之间。");
        }

        var hours = (await StudyHours.ForAsync(db, [current.Id], chosen, options.Value, cancellationToken))[current.Id];
        var target = (decimal)options.Value.YearlyTargetHours;
        return TypedResults.Ok(new Response(chosen, target, hours.Total, Math.Max(0, target - hours.Total), hours.MaterialHours, hours.MeetingHours, hours.ByTopic, hours.Entries));
    }
}
