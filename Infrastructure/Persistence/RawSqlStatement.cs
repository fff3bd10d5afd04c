namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// One hand-written SQL statement in both dialects the application runs on. Placeholders are EF Core's
/// positional <c>{0}</c>, <c>{1}</c> … (turned into parameters by <c>ExecuteSqlRawAsync</c>), so no value is
/// ever inlined. Declare every raw statement as a static <see cref="RawSqlStatement"/>: a test parses each
/// SQL Server form with ScriptDom, and the SQLite form runs in every functional test.
/// </summary>
public sealed record RawSqlStatement(string Name, string Sqlite, string SqlServer)
{
    /// <summary>The form for the provider <paramref name="db"/> runs on.</summary>
    public string For(DbContext db) => db.Database.IsSqlite() ? Sqlite : SqlServer;

    /// <summary>Runs the statement with <paramref name="parameters"/> bound to its placeholders, in order.</summary>
    public Task<int> ExecuteAsync(DbContext db, object[] parameters, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(For(db), parameters, cancellationToken);
}
