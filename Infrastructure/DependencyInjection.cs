using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SmartBranch.Infrastructure.Caching;
using SmartBranch.Infrastructure.Media;
using SmartBranch.Infrastructure.Persistence;
using SmartBranch.Infrastructure.Queues;
using SmartBranch.Infrastructure.Redis;
using SmartBranch.Infrastructure.Sessions;
using SmartBranch.Infrastructure.Signals;
using SmartBranch.Infrastructure.WeChat;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Tag of the health checks behind /health/ready.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Redis key (after the instance prefix) of the shared Data Protection key ring.</summary>
    public const string DataProtectionKeysKey = "sb:dataprotection:keys";

    /// <summary>Registers persistence, Redis (or its in-process stand-ins), sessions, Data Protection, media storage and the WeChat client or emulator.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var isProduction = builder.Environment.IsProduction();

        services.TryAddTimeProvider();
        services.AddProcessMemoryCache();
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        AddPersistence(builder, isProduction);
        var usesRedis = AddRedis(builder, isProduction);
        AddDataProtection(builder, usesRedis);
        AddWeChat(builder, isProduction);
        WeChatPay.WeChatPayRegistration.AddWeChatPay(builder, isProduction);
        services.AddMediaStorage(builder.Environment, configuration);

        services.AddHostedService(sp => new StartupReport(
            sp.GetRequiredService<ILogger<StartupReport>>(),
            usesRedis,
            sp.GetService<WeChatEmulator>() is not null,
            configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite));
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static void AddPersistence(IHostApplicationBuilder builder, bool isProduction)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Default");

        // Pooled: every authenticated request resolves the context (CurrentMember), most without a query, and a
        // pooled one is reset rather than built (see deploy/bench/README.md for the allocations it saves).
        // EF Core's thread-safety checks set an AsyncLocal twice per row read (two allocations each), which made a
        // report of a few hundred rows allocate a quarter more at university scale; they stay on in Development
        // (local runs and the whole test suite, where a context used concurrently would be caught) and are off
        // elsewhere (deploy/bench/README.md, "Compliance, sixth pass").
        var threadSafetyChecks = builder.Environment.IsDevelopment();
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is SqlServer.");
            }

            services.AddDbContextPool<AppDbContext, SqlServerAppDbContext>((sp, o) => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                .EnableThreadSafetyChecks(threadSafetyChecks)
                .AddInterceptors(sp.GetRequiredService<AccessChangeInterceptor>(), sp.GetRequiredService<NoticeChangeInterceptor>()));
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString)
                ? DefaultSqliteConnectionString(builder.Environment.ContentRootPath)
                : connectionString;
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString)
                .EnableThreadSafetyChecks(threadSafetyChecks)
                .AddInterceptors(sp.GetRequiredService<AccessChangeInterceptor>(), sp.GetRequiredService<NoticeChangeInterceptor>(), sp.GetRequiredService<SqliteConnectionSettings>()));
            services.AddSingleton<SqliteConnectionSettings>();
        }

        services.AddSingleton<AccessChangeInterceptor>();
        services.AddSingleton<NoticeChangeInterceptor>();
        services.AddScoped<DatabaseInitializer>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [ReadyTag]);
        if (isProduction)
        {
            // Production never migrates at start (several instances would race); it refuses to run on an old schema instead.
            services.AddHostedService<PendingMigrationsCheck>();
        }
    }

    private static string DefaultSqliteConnectionString(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "smartbranch.db")}";
    }

    private static bool AddRedis(IHostApplicationBuilder builder, bool isProduction)
    {
        var services = builder.Services;
        services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => !isProduction || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Redis:ConnectionString is required in Production: sessions and reminder queues must be shared by every instance.")
            .ValidateOnStart();

        var redis = builder.Configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>();
        if (string.IsNullOrWhiteSpace(redis?.ConnectionString))
        {
            services.AddSingleton<ISessionStore, InMemorySessionStore>();
            services.AddSingleton<ILoginTicketStore, InMemoryLoginTicketStore>();
            services.AddSingleton<IAccessTokenCache, InMemoryAccessTokenCache>();
            services.AddSingleton<IReminderQueue, InProcessReminderQueue>();
            services.AddSingleton<IAccessGeneration, InMemoryAccessGeneration>();
            services.AddSingleton<IFeedGeneration, InMemoryFeedGeneration>();
            services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
            return false;
        }

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<ISessionStore, RedisSessionStore>();
        services.AddSingleton<ILoginTicketStore, RedisLoginTicketStore>();
        services.AddSingleton<IAccessTokenCache>(sp => new LocalAccessTokenCache(ActivatorUtilities.CreateInstance<RedisAccessTokenCache>(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReminderQueue, RedisReminderQueue>();
        services.AddSingleton<IAccessGeneration, RedisAccessGeneration>();
        services.AddSingleton<IFeedGeneration, RedisFeedGeneration>();
        services.AddSingleton<IChangeFeed, RedisChangeFeed>();

        // The shared level of HybridCache (mini-program code images), on the one multiplexer, under sb:cache:.
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<RedisConnection, IOptions<RedisOptions>>((o, connection, redisOptions) =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Multiplexer);
            o.InstanceName = $"{redisOptions.Value.InstanceName}sb:cache:";
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        return true;
    }

    /// <summary>
    /// One key ring for every instance: whatever one instance protects (cookies, encrypted columns, tokens),
    /// any other instance can read. Redis when configured, otherwise a folder beside the embedded database.
    /// </summary>
    private static void AddDataProtection(IHostApplicationBuilder builder, bool usesRedis)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("SmartBranch");
        if (usesRedis)
        {
            // Through RedisConnection so the key carries the instance prefix like every other key (no TTL: losing it loses the data it protects).
            builder.Services.AddOptions<KeyManagementOptions>()
                .Configure<RedisConnection>((o, redis) => o.XmlRepository = new RedisXmlRepository(() => redis.Database, DataProtectionKeysKey));
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, "data", "dataprotection-keys")));
        }
    }

    private static void AddWeChat(IHostApplicationBuilder builder, bool isProduction)
    {
        var services = builder.Services;
        var configured = builder.Configuration.GetSection(WeChatOptions.SectionName).Get<WeChatOptions>() ?? new WeChatOptions();
        var useEmulator = configured.UseEmulator || (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(configured.AppId));

        services.AddOptions<WeChatOptions>()
            .BindConfiguration(WeChatOptions.SectionName)
            .PostConfigure(o =>
            {
                if (useEmulator)
                {
                    o.AppId = string.IsNullOrWhiteSpace(o.AppId) ? WeChatEmulator.DefaultAppId : o.AppId;
                    o.AppSecret = string.IsNullOrWhiteSpace(o.AppSecret) ? WeChatEmulator.DefaultAppSecret : o.AppSecret;
                    o.PushToken = string.IsNullOrWhiteSpace(o.PushToken) ? WeChatEmulator.DefaultPushToken : o.PushToken;
                }
            })
            .ValidateDataAnnotations()
            .Validate(_ => !(isProduction && useEmulator), "WeChat:UseEmulator cannot be switched on in Production.")
            .Validate(o => useEmulator || (!string.IsNullOrWhiteSpace(o.AppId) && !string.IsNullOrWhiteSpace(o.AppSecret)),
                "WeChat:AppId and WeChat:AppSecret are required unless the WeChat emulator is used (Development only).")
            .Validate(o => !o.PushSafeMode || WeChatMessageCrypto.IsValidKey(o.PushEncodingAesKey),
                "WeChat:PushEncodingAesKey must be the 43-character EncodingAESKey of the message-push configuration (base64 characters that decode to 32 bytes with \"=\" appended); leave it empty for plaintext mode.")
            .ValidateOnStart();

        services.AddSingleton<AccessTokenGate>();
        // One client and one connection pool for the process (WeChatConnection). The emulator's address is read
        // on every call: it is known only once the emulator has started, after the container is built.
        services.AddSingleton(sp =>
        {
            if (useEmulator)
            {
                var emulator = sp.GetRequiredService<WeChatEmulator>();
                return new WeChatConnection(() => emulator.BaseAddress);
            }

            var options = sp.GetRequiredService<IOptions<WeChatOptions>>();
            var configuredAddress = new Lazy<Uri>(() => new Uri(options.Value.BaseUrl.TrimEnd('/') + "/"));
            return new WeChatConnection(() => configuredAddress.Value);
        });
        services.AddSingleton<WeChatClient>();

        if (useEmulator)
        {
            services.AddSingleton<WeChatEmulator>();
            services.AddHostedService<WeChatEmulatorHost>();
        }
    }

    private sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.Database.PingAsync();
                return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:F1} ms");
            }
            catch (StackExchange.Redis.RedisException ex)
            {
                return HealthCheckResult.Unhealthy("Redis is not reachable", ex);
            }
        }
    }

    /// <summary>Says at start which stand-ins are in use, so nobody runs the demo setup in production by accident.</summary>
    private sealed class StartupReport(ILogger<StartupReport> logger, bool usesRedis, bool usesEmulator, DatabaseProvider provider) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!usesRedis)
            {
                logger.LogWarning("No Redis configured (Redis:ConnectionString): sessions and queues are kept in this process only and are lost on restart");
            }

            logger.LogInformation("Database provider {Provider}; WeChat {WeChat}", provider, usesEmulator ? "emulator" : "api.weixin.qq.com");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
