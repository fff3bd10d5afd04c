using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP: its own SQLite file (migrated at start), the shared real Redis under a
/// unique key prefix, and the WeChat emulator. Only process boundaries are replaced.
/// With SMARTBRANCH_TEST_SQLSERVER set, its own SQL Server database instead (see <see cref="TestSqlServer"/>).
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqlServerDatabase;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="settings">Configuration overrides (section:key → value).</param>
    /// <param name="fakeTime">Use a <see cref="FakeTimeProvider"/> the test can move (see <see cref="Time"/>).</param>
    /// <param name="redisConnectionString">Another Redis than the shared one (null keeps the shared one).</param>
    /// <param name="databasePath">A SQLite file shared with another factory (two app instances on one database); the factory that created it deletes it.</param>
    /// <param name="configureServices">Extra registrations, e.g. a test double behind an interface features register into.</param>
    public AppFactory(
        IDictionary<string, string?>? settings = null,
        bool fakeTime = false,
        string? redisConnectionString = null,
        string? databasePath = null,
        Action<IServiceCollection>? configureServices = null)
    {
        _ownsDatabase = databasePath is null;
        _databasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"smartbranch-test-{Guid.NewGuid():N}.db");
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={_databasePath}",
            ["Database:Provider"] = "Sqlite",
            ["Redis:ConnectionString"] = redisConnectionString ?? SharedRedis.ConnectionString,
            ["Redis:InstanceName"] = $"t{Guid.NewGuid():N}:",
            ["DemoData:Enabled"] = "false",
            ["RateLimiting:LoginPermitsPerMinute"] = "100000",
            ["RateLimiting:LoginAttemptsPerCode"] = "100000",
            ["RateLimiting:LoginsPerAccountPerMinute"] = "100000",
            ["RateLimiting:LoginFailuresPerAddressPerMinute"] = "100000",
            ["RateLimiting:AnonymousPermitsPerMinute"] = "100000",
            ["WeChat:BusyRetryDelay"] = "00:00:00.001",

            // Tests drive the reminder feeder and dispatcher themselves (RunOnceAsync), so no loop races them.
            ["Reminders:BackgroundDispatch"] = "false",
            ["Development:BackgroundJobs"] = "false",
            ["Org:SweepInterval"] = "00:00:00",
        };
        if (TestSqlServer.ServerConnectionString is { } server)
        {
            _settings["Database:Provider"] = "SqlServer";
            _settings["ConnectionStrings:Default"] = TestSqlServer.NewDatabase(server);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Only when the test did not point the app at a database of its own.
        _sqlServerDatabase = _settings["Database:Provider"] == "SqlServer" ? _settings["ConnectionStrings:Default"] : null;

        if (fakeTime)
        {
            // A fixed, realistic start: Monday 2026-03-02 09:00 China time.
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        }
    }

    /// <summary>The clock, when the factory was made with <c>fakeTime: true</c>.</summary>
    public FakeTimeProvider? Time { get; }

    /// <summary>The SQLite file of this app, to start a second app on the same database.</summary>
    public string DatabasePath => _databasePath;

    public WeChatEmulator Emulator => Services.GetRequiredService<WeChatEmulator>();

    /// <summary>Every log line the app wrote, for tests that check what must never be logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The environment the app runs in (Development unless a test says otherwise).</summary>
    public string Environment { get; init; } = "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }

            _configureServices?.Invoke(services);
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Production does not migrate SQL Server at start; the factory plays the deploy migration step.
        if (_sqlServerDatabase is not null)
        {
            TestSqlServer.Migrate(_sqlServerDatabase);
        }

        return base.CreateHost(builder);
    }

    /// <summary>Runs <paramref name="work"/> against the app's database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            if (_sqlServerDatabase is not null)
            {
                TestSqlServer.Drop(_sqlServerDatabase);
            }

            DeleteSqliteFiles(_databasePath);
        }
    }

    /// <summary>Closes pooled connections and deletes a SQLite database file with its WAL and shared-memory files.</summary>
    public static void DeleteSqliteFiles(string databasePath)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
