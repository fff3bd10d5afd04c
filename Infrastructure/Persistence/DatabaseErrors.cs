using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>Recognises, on either provider, the database errors that mean "someone else got there first".</summary>
public static class DatabaseErrors
{
    // SQLite: SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended result codes).
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    // SQL Server: duplicate key in a unique index, and violation of a unique or primary key constraint.
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>True when the save failed because a unique index or key already holds the value (a race another request won).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        SqlException sql => sql.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };
}
