using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// Sets <c>PRAGMA synchronous = NORMAL</c> once on every physical SQLite connection (the database runs in WAL mode,
/// <see cref="DatabaseInitializer"/>). In WAL mode NORMAL is what SQLite recommends: a commit no longer waits for
/// an fsync of the log, only checkpoints do; the database stays consistent after a crash of the process or the
/// machine, and a power cut can lose only the last transactions before it. The default (FULL) made every one of
/// the reminder pipeline's small commits wait for the disk (deploy/bench/README.md, "Reminder benchmark").
/// Production runs on SQL Server; this is the embedded provider's setting only.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    // Keyed by the native handle, which lives as long as the physical connection (pooled connections reopen it).
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, handle);
    }
}
