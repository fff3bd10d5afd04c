namespace SmartBranch.Infrastructure.Persistence;

/// <summary>Brings the embedded SQLite database up to date at start. Production databases are migrated from deploy/.</summary>
public sealed class DatabaseInitializer(AppDbContext db, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    /// <summary>True when the app should migrate and may seed demo data: the embedded default only.</summary>
    public bool IsEmbedded => options.Value.Provider == DatabaseProvider.Sqlite;

    public async Task MigrateIfEmbeddedAsync(CancellationToken cancellationToken)
    {
        if (!IsEmbedded || !options.Value.MigrateOnStart)
        {
            return;
        }

        // WAL lets readers go on while a writer commits; the setting is stored in the database file.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            // Only when something is pending: MigrateAsync also compares the model with the last migration's snapshot,
            // which builds both from code (thousands of methods JIT-compiled) in a process that otherwise runs on the
            // compiled model. Whether a migration is missing for a model change is checked by MigrationTests instead.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        logger.LogInformation("Embedded SQLite database migrated");
    }
}
