using Microsoft.Data.SqlClient;

namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// Runs the functional suite against a real SQL Server when <c>SMARTBRANCH_TEST_SQLSERVER</c> holds a
/// connection string (see deploy/README or deploy/test-sqlserver.sh). Each <see cref="AppFactory"/> gets its own
/// database, migrated here the way the deploy migration step does it, and dropped afterwards.
/// </summary>
public static class TestSqlServer
{
    public const string Variable = "SMARTBRANCH_TEST_SQLSERVER";

    /// <summary>The server's connection string, or null: the suite runs on SQLite (the default).</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>A connection string for a new, uniquely named database on the server.</summary>
    public static string NewDatabase(string server) =>
        new SqlConnectionStringBuilder(server) { InitialCatalog = $"smartbranch_test_{Guid.NewGuid():N}" }.ConnectionString;

    public static void Migrate(string connectionString)
    {
        using var db = Context(connectionString);
        db.Database.Migrate();
    }

    public static void Drop(string connectionString)
    {
        using var db = Context(connectionString);
        db.Database.EnsureDeleted();
    }

    private static SqlServerAppDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer(connectionString).Options);
}
