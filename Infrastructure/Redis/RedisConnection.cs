using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace SmartBranch.Infrastructure.Redis;

/// <summary>The one multiplexer, and the database view with the instance prefix applied.</summary>
public sealed class RedisConnection : IDisposable
{
    public RedisConnection(IOptions<RedisOptions> options)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.ConnectionString!);

        // Start even if Redis is down for a moment; commands fail until it is back, and work waits in the database.
        configuration.AbortOnConnectFail = false;
        Multiplexer = ConnectionMultiplexer.Connect(configuration);
        var database = Multiplexer.GetDatabase();
        Database = string.IsNullOrEmpty(options.Value.InstanceName) ? database : database.WithKeyPrefix(options.Value.InstanceName);
    }

    public IConnectionMultiplexer Multiplexer { get; }

    public IDatabase Database { get; }

    public void Dispose() => Multiplexer.Dispose();
}
