using SmartBranch.Api.Features.Brand;
using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Activities;

public static class CheckIn
{
    /// <summary>The scanned scene, or the token or six-digit number the organiser shows.</summary>
    public sealed record Request(string Code);

    /// <summary>The attendance recorded; <c>alreadyCheckedIn</c> when this was a repeat.</summary>
    public sealed record Response(int ActivityId, int MemberId, DateTimeOffset CheckedInAt, bool ByOrganizer, bool AlreadyCheckedIn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Code).NotEmpty().WithMessage("请扫描或输入签到码。").MaximumLength(64).WithMessage("签到码无效。");
    }

    /// <summary>A member checks themself in with the organiser's current code, inside the check-in window.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id, Request request, AppDbContext db, CurrentMember current, IOptions<ActivityOptions> options, ScreenSignals screens, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var view = await ActivityAccess.LoadAsync(db, id, access, cancellationToken);
        if (view is null)
        {
            return Problems.NotFound(ActivityAccess.NotFoundDetail);
        }

        var now = time.GetUtcNow();
        var failures = await db.Enrollments.Where(e => e.ActivityId == id && e.MemberId == current.Id).Select(e => (int?)e.FailedCheckIns).SingleOrDefaultAsync(cancellationToken);
        if (failures >= Enrollment.MaxFailedCheckIns)
        {
            return Problems.From(new DomainError("checkin.too_many_attempts", "签到码输错次数过多，请联系活动组织者代为签到。", ErrorKind.TooManyAttempts));
        }

        if (!CheckInCodes.Verify(GetCheckInCode.Prefix, id, view.Activity.CheckInSecret, request.Code, now))
        {
            // Counted in the database, so parallel guesses through several API processes all count.
            await db.Enrollments.Where(e => e.ActivityId == id && e.MemberId == current.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailedCheckIns, e => e.FailedCheckIns + 1), cancellationToken);
            return Problems.From(new DomainError("checkin.invalid_code", "签到码无效或已过期，请重新扫描现场的签到码。"));
        }

        if (view.Activity.CheckInRefusal(now, options.Value.CheckInOpensBefore) is { Error: { } refusal })
        {
            return Problems.From(refusal);
        }

        return await RecordAsync(db, screens, view.Activity.UnitId, id, current.Id, now, byOrganizer: null, cancellationToken);
    }

    /// <summary>Marks the member's confirmed enrollment as attended; a repeat keeps the first time. Open big screens of <paramref name="unitId"/> are told.</summary>
    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> RecordAsync(
        AppDbContext db, ScreenSignals screens, int unitId, int activityId, int memberId, DateTimeOffset now, int? byOrganizer, CancellationToken cancellationToken)
    {
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.ActivityId == activityId && e.MemberId == memberId, cancellationToken);
        if (enrollment is null)
        {
            return Problems.From(DomainError.Conflict("checkin.not_enrolled", "未报名该活动，不能签到。"));
        }

        var already = enrollment.IsCheckedIn;
        var outcome = enrollment.CheckIn(now, byOrganizer);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome.Error!);
        }

        await db.SaveChangesAsync(cancellationToken);
        screens.Changed(unitId);
        return TypedResults.Ok(new Response(activityId, memberId, enrollment.CheckedInAt!.Value, enrollment.CheckedInByMemberId is not null, already));
    }
}
