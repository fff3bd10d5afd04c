namespace SmartBranch.Api.Messaging;

/// <summary>
/// Orders this process's own reminder-pipeline writes (the feeder's status changes, each dispatcher's lease and
/// its batch transaction) one at a time. SQLite has one writer: a statement that finds the database locked is
/// retried by Microsoft.Data.Sqlite after a blocking 150 ms sleep, so the feeder and two dispatchers writing at
/// the same moment lost whole batches' worth of time to each other (deploy/bench/README.md, "Reminder
/// benchmark"). Waiting here instead costs only the other writer's few milliseconds. The gate guards nothing
/// by itself: the conditional lease and the row states remain what makes a reminder sent once, across
/// processes and instances. Reads never take it.
/// </summary>
internal sealed class ReminderWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Runs <paramref name="write"/> when no other pipeline write of this process is running.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _gate.Release();
        }
    }
}
