using SmartBranch.Api.Messaging;

namespace SmartBranch.Api.Features.Activities;

public static class CancelEnrollment
{
    /// <summary>
    /// Cancels the caller's sign-up. A confirmed place goes to the first on the waiting list at once, who is
    /// told; everyone behind moves up one. Cancelling when not signed up is harmless (204).
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        int id, AppDbContext db, CurrentMember current, ReminderScheduler reminders, SignUpGate signUps, IOptions<ActivityOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (await ActivityAccess.LoadAsync(db, id, access, cancellationToken) is null)
        {
            return Problems.NotFound(ActivityAccess.NotFoundDetail);
        }

        var (cancelled, error) = await ActivityEnrollments.CancelAsync(db, reminders, id, current.Id, time.GetUtcNow(), options.Value.StartReminderBefore, cancellationToken);
        if (cancelled)
        {
            // A place (or a waiting-list entry) is free on every instance from the next sign-up on.
            await signUps.ChangedAsync(id);
        }

        return error is null ? TypedResults.NoContent() : Problems.From(error);
    }
}
