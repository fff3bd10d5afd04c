using SmartBranch.Api.Common.Telemetry;
using SmartBranch.Domain.Messaging;
using SmartBranch.Infrastructure.Queues;

namespace SmartBranch.Api.Messaging;

/// <summary>
/// Moves due Scheduled reminders onto the queue, a batch at a time. A row is marked Queued before its id
/// is added, and put back to Scheduled when the queue is unavailable, so while Redis is down reminders
/// wait in the database. Rows left Queued for longer than <see cref="ReminderOptions.QueuedTimeout"/>
/// (their entry was lost: a crash of the in-process queue, a Redis restart) go back to Scheduled; the feeder looks
/// for them at most every tenth of that timeout.
/// </summary>
internal sealed class ReminderFeeder(IServiceScopeFactory scopes, ReminderWriteGate writeGate, IReminderQueue queue, TimeProvider time, IOptions<ReminderOptions> options, AppMetrics metrics, ILogger<ReminderFeeder> logger)
{
    private long _nextStaleCheckTicks;

    private ReminderOptions Options => options.Value;

    /// <summary>Queues one batch of due reminders; returns how many were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (now.UtcTicks >= Interlocked.Read(ref _nextStaleCheckTicks))
        {
            // A row is stale only after QueuedTimeout, so looking a tenth of that apart is enough: an idle poll
            // (every PollInterval) then runs one query, the due reminders', instead of two.
            Interlocked.Exchange(ref _nextStaleCheckTicks, (now + (Options.QueuedTimeout / 10)).UtcTicks);
            await RecoverStaleAsync(db, now, cancellationToken);
        }

        var due = await db.Reminders
            .Where(r => r.Status == ReminderStatus.Scheduled && r.DueAt <= now)
            .OrderBy(r => r.DueAt)
            .ThenBy(r => r.Id)
            .Select(r => r.Id)
            .Take(Options.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await writeGate.RunAsync(
            () => db.Reminders
                .Where(r => EF.Parameter(due).Contains(r.Id) && r.Status == ReminderStatus.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Queued).SetProperty(r => r.QueuedAt, now), cancellationToken),
            cancellationToken);
        try
        {
            await queue.AddAsync(due, cancellationToken);
        }
        catch (QueueUnavailableException ex)
        {
            await writeGate.RunAsync(
                () => db.Reminders
                    .Where(r => EF.Parameter(due).Contains(r.Id) && r.Status == ReminderStatus.Queued && r.QueuedAt == now && r.LeaseOwner == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Scheduled).SetProperty(r => r.QueuedAt, (DateTimeOffset?)null), cancellationToken),
                cancellationToken);
            logger.LogWarning("Reminder queue unavailable ({Reason}); {Count} due reminders stay scheduled until it is back", ex.Message, due.Count);
            return 0;
        }

        metrics.RemindersQueued(due.Count);
        return due.Count;
    }

    /// <summary>Puts rows Queued for longer than the timeout (and not leased by a live dispatcher) back to Scheduled.</summary>
    private async Task RecoverStaleAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = now - Options.QueuedTimeout;
        var stale = db.Reminders
            .Where(r => r.Status == ReminderStatus.Queued && r.QueuedAt < staleBefore && (r.LeaseUntil == null || r.LeaseUntil <= now));
        // Looked for first: the read takes no lock, while an UPDATE that changes nothing still takes the
        // database's write lock on SQLite.
        var recovered = await stale.AnyAsync(cancellationToken)
            ? await writeGate.RunAsync(
                () => stale.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Scheduled).SetProperty(r => r.QueuedAt, (DateTimeOffset?)null), cancellationToken),
                cancellationToken)
            : 0;
        if (recovered > 0)
        {
            logger.LogWarning("{Count} reminders were queued for more than {Timeout} without being sent; scheduling them again", recovered, Options.QueuedTimeout);
        }
    }
}
