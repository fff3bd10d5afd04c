using System.ComponentModel.DataAnnotations;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Development;

/// <summary>Section "Development": the daily reminder job of member development.</summary>
public sealed class DevelopmentOptions
{
    public const string SectionName = "Development";

    /// <summary>Run the daily reminder job in the background (tests switch it off and run <see cref="DevelopmentReminderJob.RunOnceAsync"/> by hand).</summary>
    public bool BackgroundJobs { get; set; } = true;

    /// <summary>The hour of the day (China time, 0–23) at which the job reminds every branch's overdue and due-this-month tasks.</summary>
    [Range(0, 23)]
    public int ReminderHour { get; set; } = 8;
}

/// <summary>
/// Once a day: what <c>POST /api/development/units/{unitId}/reminders</c> does, for every branch
/// (<see cref="SendReminders.RemindAsync"/>, the same code). Idempotent: a task is reminded once per due day (the
/// reminder slot), so a second run on the same day, or on another instance, adds nothing.
/// </summary>
public sealed class DevelopmentReminderJob(AppDbContext db, ReminderScheduler reminders, TimeProvider time, ILogger<DevelopmentReminderJob> logger)
{
    /// <summary>One pass over every branch; returns what was scheduled and what nobody could be reached for.</summary>
    public async Task<SendReminders.Response> RunOnceAsync(CancellationToken cancellationToken)
    {
        var units = new CachedUnits(await db.Units.AsNoTracking().Select(u => new UnitEntry(u.Id, u.Name, u.Kind, u.ParentId)).ToListAsync(cancellationToken));
        var branches = units.Units.Where(u => u.Kind == UnitKind.Branch).Select(u => u.Id).ToList();
        var result = await SendReminders.RemindAsync(db, reminders, branches, units, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Development reminders: {Scheduled} scheduled across {Branches} branches, {Unreached} tasks nobody could be reached for",
            result.Scheduled, branches.Count, result.Unreached.Count);
        return result;
    }
}

/// <summary>
/// Runs <see cref="DevelopmentReminderJob"/> at <see cref="DevelopmentOptions.ReminderHour"/> China time every day; at
/// start, once at once when that hour has already passed today (nothing is sent twice, so a restart costs nothing).
/// </summary>
internal sealed class DevelopmentReminderWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<DevelopmentOptions> options, ILogger<DevelopmentReminderWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundJobs)
        {
            logger.LogInformation("Development reminders in the background are switched off (Development:BackgroundJobs)");
            return;
        }

        try
        {
            var next = FirstRun(time.GetUtcNow(), options.Value.ReminderHour);
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = next - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }

                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DevelopmentReminderJob>().RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database hiccup must not stop the job for good; tomorrow's run reminds what is still due.
                    logger.LogError(ex, "Development reminders failed; trying again tomorrow");
                }

                next = NextRun(time.GetUtcNow(), options.Value.ReminderHour);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Today's hour if it is still ahead, else now (catching up on a day whose hour passed before the start).</summary>
    internal static DateTimeOffset FirstRun(DateTimeOffset now, int hour)
    {
        var today = LocalCalendar.StartOf(LocalCalendar.Today(now)).AddHours(hour);
        return today > now ? today : now;
    }

    /// <summary>The next time the China-time clock shows <paramref name="hour"/>:00 after <paramref name="now"/>.</summary>
    internal static DateTimeOffset NextRun(DateTimeOffset now, int hour)
    {
        var today = LocalCalendar.StartOf(LocalCalendar.Today(now)).AddHours(hour);
        return today > now ? today : today.AddDays(1);
    }
}
