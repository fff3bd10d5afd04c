namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// The app with the demo data, on a SQLite file of its own that is deleted afterwards. Demo data is only
/// seeded into the embedded database, so this stays on SQLite even when the suite runs against SQL Server.
/// </summary>
internal sealed class DemoApp : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"smartbranch-demo-{Guid.NewGuid():N}.db");

    public DemoApp() =>
        App = new AppFactory(
            new Dictionary<string, string?>
            {
                ["DemoData:Enabled"] = "true",
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Default"] = $"Data Source={_databasePath}",
            },
            databasePath: _databasePath);

    public AppFactory App { get; }

    public void Dispose()
    {
        App.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
