using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace SmartBranch.Infrastructure.Redis;

/// <summary>The one multiplexer, and the database view with the instance prefix applied.</summary>
public sealed class RedisConnection : IDisposable
{
    public RedisConnection(IOptions<RedisOptions> options)
    {
        var connectionString = options.Value.ConnectionString!;
        var configuration = ConfigurationOptions.Parse(connectionString);

        // Start even if Redis is down for a moment; commands fail until it is back, and work waits in the database.
        configuration.AbortOnConnectFail = false;

        // While Redis is unreachable a command fails at once (RedisConnectionException → 503 with Retry-After)
        // instead of waiting in the backlog for the whole timeout; the multiplexer keeps reconnecting meanwhile.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;

        // Timeouts written in the connection string win; otherwise the (short) one from the options. An async timeout
        // that is not written follows the sync one, as StackExchange.Redis does by itself.
        var timeout = (int)options.Value.Timeout.TotalMilliseconds;
        if (!Mentions(connectionString, "connectTimeout"))
        {
            configuration.ConnectTimeout = timeout;
        }

        if (!Mentions(connectionString, "syncTimeout"))
        {
            configuration.SyncTimeout = timeout;
        }

        if (!Mentions(connectionString, "asyncTimeout"))
        {
            configuration.AsyncTimeout = configuration.SyncTimeout;
        }

        Multiplexer = ConnectionMultiplexer.Connect(configuration);
        var database = Multiplexer.GetDatabase();
        Database = string.IsNullOrEmpty(options.Value.InstanceName) ? database : database.WithKeyPrefix(options.Value.InstanceName);
    }

    public IConnectionMultiplexer Multiplexer { get; }

    public IDatabase Database { get; }

    public void Dispose() => Multiplexer.Dispose();

    private static bool Mentions(string connectionString, string option) =>
        connectionString.Contains(option + "=", StringComparison.OrdinalIgnoreCase);
}
