using SmartBranch.Infrastructure.Queues;

namespace SmartBranch.Api.Messaging;

/// <summary>
/// Runs the feeder and the dispatcher in the background: each works through what there is, then rests
/// for <see cref="ReminderOptions.PollInterval"/>. All the logic is in their RunOnceAsync methods, which
/// tests call directly; a dispatcher loop uses <see cref="ReminderDispatcher.DrainAsync"/>, which records one
/// batch while it sends the next.
/// </summary>
internal sealed class ReminderWorker(IServiceProvider services, IReminderQueue queue, ReminderFeeder feeder, ReminderDispatcher dispatcher, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundDispatch)
        {
            logger.LogInformation("Reminder dispatch in the background is switched off (Reminders:BackgroundDispatch)");
            return Task.CompletedTask;
        }

        logger.LogInformation(
            "Reminder dispatch: {Queue}, {Dispatchers} dispatcher loops",
            queue.IsShared ? "Redis Stream shared by every instance" : "in-process queue (no Redis configured)",
            options.Value.Dispatchers);

        // Extra dispatchers are consumers of their own in the group, with their own leases.
        var dispatchers = Enumerable.Range(1, options.Value.Dispatchers - 1)
            .Select(_ => ActivatorUtilities.CreateInstance<ReminderDispatcher>(services))
            .Prepend(dispatcher)
            .Select(d => LoopAsync("dispatcher", d.DrainAsync, stoppingToken));
        return Task.WhenAll(dispatchers.Prepend(LoopAsync("feeder", feeder.RunOnceAsync, stoppingToken)));
    }

    private async Task LoopAsync(string name, Func<CancellationToken, Task<int>> runOnce, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            do
            {
                try
                {
                    while (await runOnce(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                    {
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database hiccup must not stop reminders for good; the next tick tries again.
                    logger.LogError(ex, "Reminder {Loop} failed; trying again shortly", name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
