namespace SmartBranch.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Section "Database". The connection string itself is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start. Only honoured for the embedded SQLite default; production migrates from deploy/.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
