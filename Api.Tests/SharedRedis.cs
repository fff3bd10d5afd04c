namespace SmartBranch.Api.Tests;

/// <summary>One Redis for the whole test run (or the one named by SMARTBRANCH_TEST_REDIS).</summary>
[SetUpFixture]
public sealed class SharedRedis
{
    private static RedisServer? _server;
    private static string? _external;

    public static string ConnectionString => _external ?? _server?.ConnectionString ?? throw new InvalidOperationException("Redis not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _external = Environment.GetEnvironmentVariable("SMARTBRANCH_TEST_REDIS");
        if (string.IsNullOrEmpty(_external))
        {
            _external = null;
            _server = await RedisServer.StartNewAsync();
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
