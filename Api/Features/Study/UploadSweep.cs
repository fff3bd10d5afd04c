using SmartBranch.Domain.Study;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Features.Study;

/// <summary>What one pass of <see cref="UploadSweep"/> did: uploads removed, and stored objects (chunks, files) deleted with them.</summary>
public sealed record UploadSweepReport(int Uploads, int Objects);

/// <summary>
/// Removes abandoned uploads: a study upload still <see cref="StudyMediaStatus.Uploading"/> (never completed) more
/// than <see cref="StudyOptions.AbandonedUploadAge"/> after it started loses its stored bytes (its chunks, and
/// anything a completion cut short wrote under its media folder) and then its row with its chunk rows. Completed
/// uploads, whatever their age, and recent ones are never touched. Works the same on both media storages.
/// </summary>
public sealed class UploadSweep(AppDbContext db, IMediaStorage storage, IOptions<StudyOptions> options, TimeProvider time, ILogger<UploadSweep> logger)
{
    /// <summary>Uploads handled per query, so a long backlog never loads at once.</summary>
    private const int Batch = 100;

    public async Task<UploadSweepReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        var startedBefore = time.GetUtcNow() - options.Value.AbandonedUploadAge;
        int uploads = 0, objects = 0;
        while (true)
        {
            var abandoned = await db.StudyMedia.AsNoTracking()
                .Where(m => m.Status == StudyMediaStatus.Uploading && m.CreatedAt < startedBefore)
                .OrderBy(m => m.CreatedAt)
                .Select(m => m.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (abandoned.Count == 0)
            {
                return new UploadSweepReport(uploads, objects);
            }

            var removedBefore = uploads;
            foreach (var id in abandoned)
            {
                // Bytes first: if the storage fails, the row stays and the next pass tries again, so no bytes are ever
                // left without a row that leads to them. The rows go only if the upload is still unfinished.
                objects += await storage.DeleteFolderAsync(StudyUploads.ChunkFolder(id), cancellationToken);
                objects += await storage.DeleteFolderAsync(StudyUploads.MediaFolder(id), cancellationToken);
                await db.StudyMediaChunks.Where(c => c.MediaId == id && db.StudyMedia.Any(m => m.Id == id && m.Status == StudyMediaStatus.Uploading))
                    .ExecuteDeleteAsync(cancellationToken);
                uploads += await db.StudyMedia.Where(m => m.Id == id && m.Status == StudyMediaStatus.Uploading).ExecuteDeleteAsync(cancellationToken);
            }

            logger.LogInformation("Upload sweep removed {Uploads} abandoned uploads so far ({Objects} stored objects)", uploads, objects);
            if (uploads == removedBefore)
            {
                // Every one of them was completed meanwhile: nothing is left to sweep.
                return new UploadSweepReport(uploads, objects);
            }
        }
    }
}

/// <summary>
/// Runs <see cref="UploadSweep"/> every <see cref="StudyOptions.UploadSweepInterval"/> (off when zero), on the real
/// clock: tests call <see cref="UploadSweep.RunOnceAsync"/> themselves with a controlled one.
/// </summary>
internal sealed class UploadSweepWorker(IServiceScopeFactory scopes, IOptions<StudyOptions> options, ILogger<UploadSweepWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.UploadSweepInterval <= TimeSpan.Zero)
        {
            logger.LogInformation("The sweep of abandoned study uploads is switched off (Study:UploadSweepInterval)");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.UploadSweepInterval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var report = await scope.ServiceProvider.GetRequiredService<UploadSweep>().RunOnceAsync(stoppingToken);
                    logger.LogInformation("Upload sweep: {Report}", report);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database or storage hiccup must not stop the sweep for good; the next tick tries again.
                    logger.LogError(ex, "Upload sweep failed; trying again at the next interval");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
