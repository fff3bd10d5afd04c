using System.Diagnostics;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// An S3-protocol server (the npm package s3rver, deploy/s3-test-server) on a free loopback port, with its
/// bucket in a temporary folder. MinIO cannot be installed on the test machines; deploy/README.md runs the
/// same storage against MinIO where Docker exists. One server serves the whole test run; each test uses its
/// own key prefix or bucket-level keys it made unique.
/// </summary>
public sealed class S3TestServer : IAsyncDisposable
{
    public const string Bucket = "smartbranch-test";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static S3TestServer? _shared;
    private readonly Process? _process;
    private readonly string? _folder;

    private S3TestServer(Process? process, string? folder, S3MediaOptions options)
    {
        _process = process;
        _folder = folder;
        Options = options;
    }

    /// <summary>Options pointing the app's S3 storage at this server (s3rver accepts any credentials).</summary>
    public S3MediaOptions Options { get; }

    /// <summary>App settings selecting the S3 storage on this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Media:Provider"] = "S3",
        ["Media:S3:Endpoint"] = Options.Endpoint,
        ["Media:S3:Bucket"] = Options.Bucket,
        ["Media:S3:AccessKey"] = Options.AccessKey,
        ["Media:S3:SecretKey"] = Options.SecretKey,
    };

    /// <summary>
    /// A real S3-compatible store named by SMARTBRANCH_TEST_S3_ENDPOINT (with _BUCKET, _ACCESS_KEY, _SECRET_KEY), e.g. the
    /// compose stack's MinIO (deploy/README.md, "Media storage"); null when unset.
    /// </summary>
    private static S3MediaOptions? External() =>
        Environment.GetEnvironmentVariable("SMARTBRANCH_TEST_S3_ENDPOINT") is { Length: > 0 } endpoint
            ? new S3MediaOptions
            {
                Endpoint = endpoint,
                Bucket = Environment.GetEnvironmentVariable("SMARTBRANCH_TEST_S3_BUCKET") ?? Bucket,
                AccessKey = Environment.GetEnvironmentVariable("SMARTBRANCH_TEST_S3_ACCESS_KEY"),
                SecretKey = Environment.GetEnvironmentVariable("SMARTBRANCH_TEST_S3_SECRET_KEY"),
            }
            : null;

    /// <summary>The run's server, started on first use (installing the npm package on first use of a checkout).</summary>
    public static async Task<S3TestServer> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _shared ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the run's server, if one was started.</summary>
    public static async Task StopSharedAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
            _shared = null;
        }
    }

    private static async Task<S3TestServer> StartAsync()
    {
        if (External() is { } external)
        {
            return new S3TestServer(null, null, external);
        }

        var package = System.IO.Path.Combine(RepositoryRoot.Path, "deploy", "s3-test-server");
        if (!Directory.Exists(System.IO.Path.Combine(package, "node_modules", "s3rver")))
        {
            await RunAsync("npm", "ci --no-audit --no-fund", package);
        }

        var folder = Directory.CreateTempSubdirectory("smartbranch-s3-").FullName;
        var info = new ProcessStartInfo("node", ["server.mjs", folder, Bucket])
        {
            WorkingDirectory = package,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start; install nodejs and npm.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        const string Prefix = "s3rver listening on ";
        if (ready is null || !ready.StartsWith(Prefix, StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"s3rver did not start: {ready}");
        }

        var port = int.Parse(ready[Prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
        return new S3TestServer(process, folder, new S3MediaOptions { Endpoint = $"http://127.0.0.1:{port}", Bucket = Bucket, AccessKey = "S3RVER", SecretKey = "S3RVER" });
    }

    private static async Task RunAsync(string file, string arguments, string folder)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed in {folder}: {await errors}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null || _folder is null)
        {
            return;
        }

        // Closing its standard input stops the server (deploy/s3-test-server/server.mjs).
        _process.StandardInput.Close();
        if (!await WaitForExitAsync(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process!.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
