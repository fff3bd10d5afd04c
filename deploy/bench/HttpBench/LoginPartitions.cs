using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace SmartBranch.Bench;

/// <summary>
/// What the per-address login limits hold in memory (<c>--login-memory n</c>): the API hosted in this process as for
/// the cost rows, then <c>n</c> returning-member logins sent one at a time through the trusted loopback proxy from
/// <c>--login-addresses</c> client addresses (0: a new address for every login, as the load row sent before that
/// option), with the managed heap after a full compacting collection, the GC's committed memory and the process's
/// RSS before, right after, and once every partition the logins made has expired (a minute's window, then the
/// partitioned limiter's 10 s idle time). Also the process's CPU while otherwise idle for 10 s in both states: the
/// partitioned limiter's timer visits every live partition ten times a second (indicative on a shared machine).
/// Counted figures (heap, committed, RSS) mean the same on a busy machine.
/// </summary>
internal static class LoginPartitions
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(75);
    private static readonly TimeSpan IdleSample = TimeSpan.FromSeconds(10);

    public static async Task MeasureAsync(string apiProject, string databasePath, int redisPort, int logins, int addresses)
    {
        var settings = new Dictionary<string, string?>(ApiSettings.Common(databasePath, redisPort, "partitions", demoData: true))
        {
            ["Reminders:BackgroundDispatch"] = "false",
            ["Org:SweepInterval"] = "00:00:00",
        };
        var port = Processes.FreePort();
        await using var factory = new RequestCost.InProcessApi(apiProject, settings);
        factory.UseKestrel(port);
        factory.StartServer();
        CostStep[] login = [new("POST", "/api/auth/wechat-login", null, 0, """{"code":"dev-member"}""")];
        var pool = addresses == 0 ? "a new address for every login" : $"{addresses:N0} addresses";
        Console.WriteLine($"login partitions: {logins:N0} logins from {pool}; {(GCSettings.IsServerGC ? "Server" : "Workstation")} GC in this process");

        // Warm-up from the loopback address only (one partition): JIT, pools, caches.
        using (var warm = new RequestCost.RawClient(port, "login (warm-up)", login))
        {
            await Task.Run(() => warm.Send(2_000));
        }

        var before = Snapshot();
        Print("before", before, null);
        var watch = Stopwatch.StartNew();
        using (var client = new RequestCost.RawClient(port, "login", login, addresses))
        {
            await Task.Run(() => client.Send(logins));
        }

        var sent = watch.Elapsed;
        var after = Snapshot();
        Print($"after {logins:N0} logins ({sent.TotalSeconds:F0} s)", after, before);
        var busyIdle = await IdleCpuAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  idle CPU with the partitions alive: {busyIdle:F1} ms per second"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  waiting {Expiry.TotalSeconds:F0} s for the partitions to expire…"));
        await Task.Delay(Expiry - IdleSample);
        var expired = Snapshot();
        Print("after the partitions expired", expired, before);
        var quietIdle = await IdleCpuAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  idle CPU after they expired: {quietIdle:F1} ms per second"));
        var distinct = addresses == 0 ? logins : Math.Min(logins, addresses);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  managed heap held per distinct address while alive: {(after.Heap - expired.Heap) / (double)distinct:F0} bytes ({distinct:N0} addresses)"));
    }

    private sealed record Memory(long Heap, long Committed, long Rss);

    private static Memory Snapshot()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var rss = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return new Memory(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().TotalCommittedBytes, long.Parse(rss, CultureInfo.InvariantCulture) * 1024);
    }

    private static void Print(string when, Memory memory, Memory? baseline)
    {
        static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
        static string Delta(long now, long? then) => then is long t ? $" ({(now >= t ? "+" : string.Empty)}{Mb(now - t)})" : string.Empty;
        Console.WriteLine($"  {when,-40} managed heap {Mb(memory.Heap)} MB{Delta(memory.Heap, baseline?.Heap)}, GC committed {Mb(memory.Committed)} MB{Delta(memory.Committed, baseline?.Committed)}, RSS {Mb(memory.Rss)} MB{Delta(memory.Rss, baseline?.Rss)}");
    }

    /// <summary>This process's CPU time per second of wall time while nothing is sent.</summary>
    private static async Task<double> IdleCpuAsync()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.Delay(IdleSample);
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / watch.Elapsed.TotalSeconds;
    }
}
