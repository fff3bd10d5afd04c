using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

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
        // Every sign-up asks the rules afresh: who may sign up from the caller's access as of this request (the access
        // cache reloads on the request after an unbinding or an appointment ending) and the activity's sign-up facts
        // as of its current generation (reloaded after any edit, cancellation or freed place; see SignUpGate).
        var access = await current.GetAccessAsync(cancellationToken);
        var state = await signUps.GetAsync(db, id, cancellationToken);
        if (state is null)
        {
            return Problems.NotFound(ActivityAccess.NotFoundDetail);
        }

        if (!ActivityAccess.Reaches(state.Activity, access))
        {
            // Outside the audience: whether they may know the activity exists (404) or see it but not sign up (403),
            // or keep a sign-up made before the audience was narrowed, is the database's answer as for every reader.
            return await OutsideAudienceAsync(db, id, access, current.Id, time.GetUtcNow(), cancellationToken);
        }

        var activity = state.Activity;
        var now = time.GetUtcNow();
        if (activity.SignUpRefusal(now) is { Error: { } refusal })
        {
            // A member signed up before sign-up closed still gets their sign-up back.
            return await ExistingAsync(db, id, current.Id, cancellationToken) is { } signedUp ? TypedResults.Ok(signedUp) : Refused(refusal);
        }

        var (signUp, error) = await ActivityEnrollments.SignUpAsync(db, reminders, signUps, state, current.Id, now, options.Value.StartReminderBefore, cancellationToken);
        if (error is not null)
        {
            return Refused(error);
        }

        var response = await ActivityEnrollments.ToResponseAsync(db, signUp.Enrollment, cancellationToken);
        return signUp.Created ? TypedResults.Created($"/api/activities/{id}/enrollment", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Created<EnrollmentResponse>, Ok<EnrollmentResponse>, ProblemHttpResult>> OutsideAudienceAsync(
        AppDbContext db, int id, AccessScope access, int memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ActivityAccess.LoadAsync(db, id, access, cancellationToken) is not { } view)
        {
            return Problems.NotFound(ActivityAccess.NotFoundDetail);
        }

        return await ExistingAsync(db, id, memberId, cancellationToken) is { } signedUp ? TypedResults.Ok(signedUp)
            : view.Activity.SignUpRefusal(now) is { Error: { } refusal } ? Refused(refusal)
            : Problems.From(DomainError.Forbidden("enrollment.not_in_audience", "您不在该活动的参加范围内，不能报名。"));
    }

    /// <summary>The member's active sign-up, as they see it, or null.</summary>
    private static async Task<EnrollmentResponse?> ExistingAsync(AppDbContext db, int id, int memberId, CancellationToken cancellationToken)
    {
        var existing = await db.Enrollments.AsNoTracking()
            .SingleOrDefaultAsync(e => e.ActivityId == id && e.MemberId == memberId, cancellationToken);
        return existing is { IsActive: true } ? await ActivityEnrollments.ToResponseAsync(db, existing, cancellationToken) : null;
    }

    /// <summary>Refusals that depend on time or capacity are conflicts with the activity's state.</summary>
    private static ProblemHttpResult Refused(DomainError error) => Problems.From(error);
}
