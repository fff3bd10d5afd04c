using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP: its own SQLite file (migrated at start), the shared real Redis under a
/// unique key prefix, and the WeChat emulator. Only process boundaries are replaced.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="settings">Configuration overrides (section:key → value).</param>
    /// <param name="fakeTime">Use a <see cref="FakeTimeProvider"/> the test can move (see <see cref="Time"/>).</param>
    /// <param name="redisConnectionString">Another Redis than the shared one (null keeps the shared one).</param>
    /// <param name="databasePath">A SQLite file shared with another factory (two app instances on one database); the caller deletes it.</param>
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
            ["WeChat:BusyRetryDelay"] = "00:00:00.001",

            // Tests drive the reminder feeder and dispatcher themselves (RunOnceAsync), so no loop races them.
            ["Reminders:BackgroundDispatch"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (fakeTime)
        {
            // A fixed, realistic start: Monday 2026-03-02 09:00 China time.
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        }
    }

    /// <summary>The clock, when the factory was made with <c>fakeTime: true</c>.</summary>
    public FakeTimeProvider? Time { get; }

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
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_databasePath + suffix);
            }
        }
    }
}
