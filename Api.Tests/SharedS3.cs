namespace SmartBranch.Api.Tests;

/// <summary>Stops the run's S3 test server (<see cref="S3TestServer"/>) after the last test, if a test started it.</summary>
[SetUpFixture]
public sealed class SharedS3
{
    [OneTimeTearDown]
    public Task StopAsync() => S3TestServer.StopSharedAsync();
}
