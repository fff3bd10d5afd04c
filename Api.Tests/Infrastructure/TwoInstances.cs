namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// Two app instances over one SQLite file and one Redis prefix, as a scaled-out deployment runs them (one database,
/// one session store, one stream). Disposing stops both and deletes the shared file.
/// </summary>
public sealed class TwoInstances : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"smartbranch-two-{Guid.NewGuid():N}.db");

    /// <param name="settings">Configuration overrides both instances share (a fresh Redis prefix is added unless given).</param>
    public TwoInstances(IDictionary<string, string?>? settings = null)
    {
        var shared = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        shared.TryAdd("Redis:InstanceName", $"t{Guid.NewGuid():N}:");
        First = new AppFactory(shared, databasePath: _databasePath);
        Second = new AppFactory(shared, databasePath: _databasePath);
    }

    public AppFactory First { get; }

    public AppFactory Second { get; }

    public void Dispose()
    {
        First.Dispose();
        Second.Dispose();
        AppFactory.DeleteSqliteFiles(_databasePath);
    }
}
