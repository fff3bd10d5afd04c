namespace SmartBranch.Api.Features.Meetings;

internal static class MeetingTransactions
{
    /// <summary>
    /// Runs several saves as one unit (a row and the reminders that need its id). SQL Server is configured to
    /// retry transient failures, which forbids bare user transactions, so the unit runs inside the execution strategy.
    /// </summary>
    public static Task RunAsync(AppDbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await work(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
}
