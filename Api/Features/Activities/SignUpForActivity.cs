using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Activities;

public static class SignUpForActivity
{
    /// <summary>
    /// Signs the caller up: Confirmed (201) when a place is free, else Waitlisted with a position, else a
    /// refusal saying why (code: activity.cancelled, enrollment.not_open, enrollment.closed,
    /// enrollment.full, enrollment.not_in_audience). Signing up again returns the existing sign-up (200).
    /// </summary>
    public static async Task<Results<Created<EnrollmentResponse>, Ok<EnrollmentResponse>, ProblemHttpResult>> Handle(
        int id, AppDbContext db, CurrentMember current, ReminderScheduler reminders, SignUpGate signUps, IOptions<ActivityOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var view = await ActivityAccess.LoadAsync(db, id, access, cancellationToken);
        if (view is null)
        {
            return Problems.NotFound();
        }

        var existing = await db.Enrollments.AsNoTracking()
            .SingleOrDefaultAsync(e => e.ActivityId == id && e.MemberId == current.Id, cancellationToken);
        if (existing is { IsActive: true })
        {
            return TypedResults.Ok(await ActivityEnrollments.ToResponseAsync(db, existing, cancellationToken));
        }

        var now = time.GetUtcNow();
        if (view.Activity.SignUpRefusal(now) is { Error: { } refusal })
        {
            return Refused(refusal);
        }

        if (!view.InAudience)
        {
            return Problems.From(DomainError.Forbidden("enrollment.not_in_audience", "您不在该活动的参加范围内，不能报名。"));
        }

        var (enrollment, created, error) = await ActivityEnrollments.SignUpAsync(db, reminders, signUps, view.Activity, current.Id, now, options.Value.StartReminderBefore, cancellationToken);
        if (error is not null)
        {
            return Refused(error);
        }

        var response = await ActivityEnrollments.ToResponseAsync(db, enrollment!, cancellationToken);
        return created ? TypedResults.Created($"/api/activities/{id}/enrollment", response) : TypedResults.Ok(response);
    }

    /// <summary>Refusals that depend on time or capacity are conflicts with the activity's state.</summary>
    private static ProblemHttpResult Refused(DomainError error) => Problems.From(error);
}
