using System.Diagnostics;
using System.Net.Sockets;
using StackExchange.Redis;

namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// A real redis-server child process on a free loopback port, with no persistence, so test runs
/// never touch a developer's Redis and can stop and start the server on purpose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=5000";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartNewAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartAsync();
        return server;
    }

    /// <summary>(Re)starts the server on the same port.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var info = new ProcessStartInfo("redis-server", $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no --protected-mode no")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start; install it with apt-get install -y redis-server.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Wait until it answers PING.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=200");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server on port {Port} did not answer PING.");
    }

    /// <summary>Kills the server, as if it crashed.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Waiting on an app's Redis connection.</summary>
public static class RedisConnectionWaits
{
    /// <summary>Waits for a condition (the app's multiplexer reconnecting after a restart), not for an amount of time.</summary>
    public static async Task WaitUntilRedisConnectedAsync(this AppFactory app)
    {
        var multiplexer = app.Services.GetRequiredService<SmartBranch.Infrastructure.Redis.RedisConnection>().Multiplexer;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!multiplexer.IsConnected)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "Redis did not reconnect");
            await Task.Delay(50);
        }
    }
}
