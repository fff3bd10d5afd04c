// HTTP benchmark of a member's everyday requests against the Release API, beside a bare ASP.NET Core
// endpoint measured in the same run. One command (see deploy/bench/README.md):
//   dotnet run -c Release --project deploy/bench/HttpBench -- [--quick] [--duration 10] [--connections 64]
// It publishes the API (Release), starts its own redis-server, the baseline and the API on the demo data set,
// then on the generated university-scale data set, drives each request with wrk and prints one table.
// Variants for comparing runtime settings: --demo-only [--ready-to-run] [--api-env NAME=VALUE]… [--login-addresses n].
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SmartBranch.Bench;
using static SmartBranch.Bench.Processes;

if (args is ["--serve-baseline", var baselinePort])
{
    await Baseline.ServeAsync(int.Parse(baselinePort, CultureInfo.InvariantCulture));
    return;
}

var quick = args.Contains("--quick");
var duration = int.Parse(Option("--duration") ?? (quick ? "3" : "10"), CultureInfo.InvariantCulture);
var connections = int.Parse(Option("--connections") ?? "64", CultureInfo.InvariantCulture);
// --warm-up-seconds: how long wrk drives each request before any row is measured (tiered JIT and dynamic PGO settle
// under load in about this time on two cores; README, "Warm rows and the cold row"). The feed's first seconds after a
// start are measured before it, as a row of their own.
var warmUpSeconds = int.Parse(Option("--warm-up-seconds") ?? (quick ? "1" : "10"), CultureInfo.InvariantCulture);
var stormSize = int.Parse(Option("--storm") ?? "500", CultureInfo.InvariantCulture);
var stormPlaces = stormSize / 5;
var costRequests = int.Parse(Option("--requests") ?? "2000", CultureInfo.InvariantCulture);
var costUniversity = args.Contains("--cost-university");
var costOnly = args.Contains("--cost") || costUniversity;
// --demo-only: the baseline, the demo rows, the feed's runs 2 and 3 and the demo's query counts; no cost rows, no
// university data set, storm or reminder drain (about 3 minutes a variant, for comparing runtime settings).
var demoOnly = args.Contains("--demo-only");
Wrk.LoginAddresses = int.Parse(Option("--login-addresses") ?? "10000", CultureInfo.InvariantCulture);
// --api-env NAME=VALUE (repeatable): added to the environment of the API processes the load rows measure, e.g.
// DOTNET_TieredPGO=0 or DOTNET_GCgen0size=…, so one variant of the runtime's settings is compared with another.
var costs = new List<Cost>();
var repo = FindRepository();
// The runtime variables the production image sets (deploy/Dockerfile's api stage) reach every measured API, then
// --api-env's, which may override them.
var imageEnvironment = ImageEnvironment(Path.Combine(repo, "deploy", "Dockerfile"));
var apiOverrides = ApiEnvironment(args);
var apiEnvironment = imageEnvironment.Concat(apiOverrides).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
var work = Path.Combine(Path.GetTempPath(), $"smartbranch-httpbench-{Environment.ProcessId}");
Directory.CreateDirectory(work);
var rows = new List<Row>();
var processes = new List<Process>();

try
{
    Require("redis-server");
    var redisPort = FreePort();
    processes.Add(Start("redis-server", $"--port {redisPort} --bind 127.0.0.1 --save \"\" --appendonly no", null, quiet: true));

    if (args.Contains("--storm-only"))
    {
        // Only the university data set's sign-up storm (no wrk, no other rows): for work on the sign-up path.
        var stormApi = new ApiRun(Option("--api") ?? await PublishApiAsync(repo, work), Path.Combine(work, "university.db"), redisPort, "university", demoData: false) { Runtime = apiEnvironment };
        await stormApi.StartAsync(processes, queryLog: false);
        var stormData = await UniversityData.GenerateAsync(stormApi.DatabasePath);
        Console.WriteLine($"university data set: {stormData.Summary} in {stormData.Elapsed.TotalSeconds:F1} s");
        var stormRow = await SignUpStorm.RunAsync(stormApi, (await stormApi.LoginAsync(UniversityData.AdminCode)).Token, stormSize, stormPlaces);
        Console.WriteLine($"{stormRow.Name}: p50 {stormRow.Result.P50Ms:F1} ms, p99 {stormRow.Result.P99Ms:F1} ms; {stormRow.Note}");
        await stormApi.StopAsync(processes);
        return;
    }

    if (Option("--login-memory") is { } loginMemory)
    {
        // What the per-address login partitions hold: logins from many forwarded addresses, memory before and after.
        await LoginPartitions.MeasureAsync(Path.Combine(repo, "Api"), Path.Combine(work, "partitions.db"), redisPort, int.Parse(loginMemory, CultureInfo.InvariantCulture), Wrk.LoginAddresses);
        return;
    }

    // 0. What one request costs, counted in process (independent of the machine's load).
    if (!demoOnly)
    {
        Console.WriteLine($"per-request cost, in process, {costRequests} sequential requests each…");
        var costSettings = args.Contains("--show-sql")
            ? new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" }
            : new Dictionary<string, string?>();
        costs.AddRange(await RequestCost.MeasureAsync(Path.Combine(repo, "Api"), Path.Combine(work, "cost.db"), redisPort, costRequests, costSettings, Option("--only"), university: costUniversity));
        if (costOnly)
        {
            Report.PrintCosts(costs);
            return;
        }
    }

    Require("wrk");
    var apiFolder = Option("--api") ?? await PublishApiAsync(repo, work);
    var lua = Path.Combine(work, "request.lua");
    await File.WriteAllTextAsync(lua, Wrk.Script);

    // 1. Baseline: this program again, serving a 20-item JSON list with nothing else in the pipeline.
    var baselinePortNumber = FreePort();
    var self = Environment.ProcessPath!;
    var selfArguments = Path.GetFileNameWithoutExtension(self) == "dotnet" ? $"\"{typeof(Baseline).Assembly.Location}\" " : string.Empty;
    var baseline = Start(self, $"{selfArguments}--serve-baseline {baselinePortNumber}", null, quiet: true);
    processes.Add(baseline);
    var baselineUrl = $"http://127.0.0.1:{baselinePortNumber}";
    await WaitUntilUpAsync($"{baselineUrl}/baseline");
    await Wrk.RunAsync(lua, $"{baselineUrl}/baseline", null, null, warmUpSeconds, connections); // warmed up as long as each API request
    // The baseline is measured before the API's rows and again after each data set's: every share is against their mean,
    // so a machine that speeds up or slows down during the run moves the reference with it (each baseline row's own
    // share shows by how much).
    var baselineRuns = new List<Row>();
    async Task MeasureBaselineAsync(string name)
    {
        var row = await MeasureAsync(name, "-", baseline, lua, $"{baselineUrl}/baseline", null, null);
        baselineRuns.Add(row);
        rows.Add(row);
    }

    await MeasureBaselineAsync("bare endpoint (baseline)");

    // 2. The demo data set.
    var demo = new ApiRun(apiFolder, Path.Combine(work, "demo.db"), redisPort, "demo", demoData: true) { Runtime = apiEnvironment };
    await demo.StartAsync(processes, queryLog: false);
    // Production migrates in a one-shot step before the API instances start (deploy/compose.yaml), never in the serving
    // process: the first start only migrates the new file and seeds the demo data, the measured process starts on the
    // prepared database (README, "Memory at start and the first seconds").
    await demo.StopAsync(processes);
    await demo.StartAsync(processes, queryLog: false);
    var member = await demo.LoginAsync("dev-member");
    var secretary = await demo.LoginAsync("dev-secretary");
    var admin = await demo.LoginAsync("dev-admin");
    var demoNotice = await demo.FirstNoticeAsync(member.Token, requireRecipient: true);
    var demoRequests = Probe.DemoReads(member, secretary, admin, demoNotice);
    rows.Add(await MeasureAsync(ColdFeed(), "demo", demo.Process!, lua, demo.Url + demoRequests[0].Path, member.Token, null));
    await WarmAsync(demo, demoRequests, lua);
    foreach (var probe in demoRequests)
    {
        rows.Add(await MeasureAsync(probe.Name, "demo", demo.Process!, lua, demo.Url + probe.Path, probe.Token, probe.Body));
    }

    for (var run = 2; run <= 3; run++)
    {
        rows.Add(await MeasureAsync($"feed, run {run} (memory growth)", "demo", demo.Process!, lua, demo.Url + demoRequests[0].Path, member.Token, null));
    }

    await MeasureBaselineAsync("bare endpoint (baseline), after the demo rows");
    await demo.StopAsync(processes);
    await demo.StartAsync(processes, queryLog: true);
    await CountQueriesAsync(demo, demoRequests, rows, "demo");
    await demo.StopAsync(processes);

    UniversityData.Generated? generation = null;
    List<string> reminderLines = [];
    if (!demoOnly)
    {
        // 3. The university-scale data set, generated into a freshly migrated database.
        var university = new ApiRun(apiFolder, Path.Combine(work, "university.db"), redisPort, "university", demoData: false) { Runtime = apiEnvironment };
        await university.StartAsync(processes, queryLog: false);
        generation = await UniversityData.GenerateAsync(university.DatabasePath);
        Console.WriteLine($"university data set: {generation.Summary} in {generation.Elapsed.TotalSeconds:F1} s");
        // As for the demo data set: the measured process starts on the migrated and filled database.
        await university.StopAsync(processes);
        await university.StartAsync(processes, queryLog: false);
        var uniMember = await university.LoginAsync(UniversityData.MemberCode);
        var uniSecretary = await university.LoginAsync(UniversityData.SecretaryCode);
        var uniAdmin = await university.LoginAsync(UniversityData.AdminCode);
        var uniRequests = Probe.UniversityReads(uniMember, uniSecretary, uniAdmin);
        rows.Add(await MeasureAsync(ColdFeed(), "university", university.Process!, lua, university.Url + uniRequests[0].Path, uniMember.Token, null));
        await WarmAsync(university, uniRequests, lua);
        foreach (var probe in uniRequests)
        {
            rows.Add(await MeasureAsync(probe.Name, "university", university.Process!, lua, university.Url + probe.Path, probe.Token, probe.Body));
        }

        await MeasureBaselineAsync("bare endpoint (baseline), after the university rows");
        rows.Add(await SignUpStorm.RunAsync(university, uniAdmin.Token, stormSize, stormPlaces));
        await university.StopAsync(processes);
        await university.StartAsync(processes, queryLog: true);
        await CountQueriesAsync(university, uniRequests, rows, "university");
        await university.StopAsync(processes);

        // 4. The reminder drain, by its own benchmark (same Redis), so the one command prints every figure.
        reminderLines = args.Contains("--no-reminders") ? [] : await ReminderRun.RunAsync(repo, redisPort, int.Parse(Option("--reminders") ?? "10000", CultureInfo.InvariantCulture));
    }

    Report.Print(rows, Row.Mean("bare endpoint (baseline), mean", baselineRuns), connections, duration, generation, Variant());
    if (costs.Count > 0)
    {
        Report.PrintCosts(costs);
    }

    if (reminderLines.Count > 0)
    {
        Console.WriteLine();
        Console.WriteLine("Reminder drain (deploy/bench/ReminderBench):");
        reminderLines.ForEach(Console.WriteLine);
    }
}
finally
{
    foreach (var process in processes.Where(p => !p.HasExited))
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    if (!args.Contains("--keep"))
    {
        Directory.Delete(work, recursive: true);
    }
}

async Task<Row> MeasureAsync(string name, string data, Process server, string script, string url, string? token, string? body)
{
    var result = await Wrk.RunAsync(script, url, token, body, duration, connections);
    if (result.Non2xx > 0)
    {
        // A row of error answers measures the error path, not the request: stop instead of printing it.
        throw new InvalidOperationException($"{name}: {result.Non2xx:N0} of {result.Requests:N0} answers were not 2xx.");
    }

    var rss = Memory.Of(server);
    Console.WriteLine($"  {name,-40} {data,-10} {result.RequestsPerSecond,10:N0} req/s  p50 {result.P50Ms,6:F1} ms  p99 {result.P99Ms,7:F1} ms  non-2xx {result.Non2xx}  RSS {rss.RssMb} MB");
    return new Row(name, data, result, rss, null);
}

// Every request of the set is driven for --warm-up-seconds, unmeasured, before the first measured row.
async Task WarmAsync(ApiRun api, List<Probe> probes, string script)
{
    foreach (var probe in probes)
    {
        await Wrk.RunAsync(script, api.Url + probe.Path, probe.Token, probe.Body, warmUpSeconds, connections);
    }
}

async Task CountQueriesAsync(ApiRun api, List<Probe> probes, List<Row> table, string data)
{
    foreach (var probe in probes)
    {
        // The second request counts: caches are warm, as they are under load.
        await api.SendAsync(probe);
        var queries = await api.CountQueriesAsync(() => api.SendAsync(probe));
        var index = table.FindIndex(r => r.Name == probe.Name && r.Data == data);
        if (index >= 0)
        {
            table[index] = table[index] with { Queries = queries };
        }
    }
}

// The name of the row measured straight after the API's start, before the warm-up (not a target row).
string ColdFeed() => $"feed, first {duration} s after a start (cold)";

// What this run's API processes differ in, printed above the table so two variants' tables can be told apart.
string Variant() => string.Join("; ",
    [
        $"API published {(args.Contains("--ready-to-run") ? "ReadyToRun" : "JIT-only")}{(Option("--api") is { } folder ? $" (given: {folder})" : string.Empty)}",
        $"API environment: the image's {(imageEnvironment.Count == 0 ? "(none)" : string.Join(" ", imageEnvironment.Select(p => $"{p.Key}={p.Value}")))}{(apiOverrides.Count == 0 ? ", as shipped" : ", then --api-env " + string.Join(" ", apiOverrides.Select(p => $"{p.Key}={p.Value}")))}",
        $"warm-up: {warmUpSeconds} s a request",
        $"login addresses: {(Wrk.LoginAddresses == 0 ? "a new one per request" : Wrk.LoginAddresses.ToString("N0", CultureInfo.InvariantCulture))}",
    ]);

// The DOTNET_ variables of the ENV instructions in the Dockerfile's api stage ("FROM … AS api"), continuation lines
// joined; values are single words (no quotes or spaces), which is all that stage sets.
static Dictionary<string, string> ImageEnvironment(string dockerfile)
{
    var environment = new Dictionary<string, string>();
    var inApiStage = false;
    var instruction = string.Empty;
    foreach (var raw in File.ReadLines(dockerfile))
    {
        var line = raw.Trim();
        if (line.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase))
        {
            inApiStage = line.EndsWith(" AS api", StringComparison.OrdinalIgnoreCase);
        }

        if (!inApiStage || line.StartsWith('#'))
        {
            continue;
        }

        instruction += " " + line.TrimEnd('\\');
        if (line.EndsWith('\\'))
        {
            continue;
        }

        if (instruction.TrimStart().StartsWith("ENV ", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var pair in instruction.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                if (pair.StartsWith("DOTNET_", StringComparison.Ordinal) && pair.Split('=', 2) is [var name, var value])
                {
                    environment[name] = value;
                }
            }
        }

        instruction = string.Empty;
    }

    return environment;
}

static Dictionary<string, string> ApiEnvironment(string[] args)
{
    var environment = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i++)
    {
        if (args[i] == "--api-env")
        {
            var pair = args[i + 1];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--api-env takes NAME=VALUE, not \"{pair}\".");
            }

            environment[pair[..equals]] = pair[(equals + 1)..];
        }
    }

    return environment;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static void Require(string tool)
{
    var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, tool)));
    if (!found)
    {
        throw new InvalidOperationException($"{tool} is not on PATH (apt-get install -y {tool}).");
    }
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "SmartBranch.Api.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository (SmartBranch.Api.sln not found above the binary).");
}

static async Task<string> PublishApiAsync(string repo, string work)
{
    var output = Path.Combine(work, "api");
    // --ready-to-run: precompiled (ReadyToRun) for this machine's runtime identifier, still framework-dependent, to
    // compare the API's first seconds with and without JIT at start (README, "Memory at start and the first seconds").
    var readyToRun = Environment.GetCommandLineArgs().Contains("--ready-to-run")
        ? $" -r linux-{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()} --self-contained false -p:PublishReadyToRun=true"
        : string.Empty;
    Console.WriteLine($"publishing the API (Release{(readyToRun.Length > 0 ? ", ReadyToRun" : string.Empty)})…");
    using var publish = Start("dotnet", $"publish \"{Path.Combine(repo, "Api", "Api.csproj")}\" -c Release -o \"{output}\"{readyToRun} -v q -nologo", null, quiet: false);
    await publish.WaitForExitAsync();
    if (publish.ExitCode != 0)
    {
        throw new InvalidOperationException("dotnet publish failed.");
    }

    return output;
}

namespace SmartBranch.Bench
{
    internal sealed record Probe(string Name, string Path, string? Token, string? Body)
    {
        /// <summary>
        /// The demo data's read rows, timed by the load run and counted by <c>--cost</c>: the feed and /api/me as a member,
        /// a returning member's login, a notice's recipient figures and unread list as the secretary, the compliance
        /// report as the admin.
        /// </summary>
        public static List<Probe> DemoReads(Session member, Session secretary, Session admin, int notice) =>
        [
            new("feed `GET /api/notices`", "/api/notices", member.Token, null),
            new("`GET /api/me`", "/api/me", member.Token, null),
            new("login of a returning member", "/api/auth/wechat-login", null, """{"code":"dev-member"}"""),
            new("recipient figures", $"/api/notices/{notice}/recipients", secretary.Token, null),
            new("unread list", $"/api/notices/{notice}/recipients?state=unread", secretary.Token, null),
            new("compliance report (general branch)", $"/api/org/units/{admin.RoleUnit("GeneralBranchAdmin")}/compliance", admin.Token, null),
        ];

        /// <summary>The same reads on the university data set (its branch-wide notice and general branch), without the login row.</summary>
        public static List<Probe> UniversityReads(Session member, Session secretary, Session admin) =>
        [
            new("feed `GET /api/notices`", "/api/notices", member.Token, null),
            new("`GET /api/me`", "/api/me", member.Token, null),
            new("recipient figures", $"/api/notices/{UniversityData.BranchWideNoticeId}/recipients", secretary.Token, null),
            new("unread list", $"/api/notices/{UniversityData.BranchWideNoticeId}/recipients?state=unread", secretary.Token, null),
            new("compliance report (general branch)", $"/api/org/units/{UniversityData.GeneralBranchId}/compliance", admin.Token, null),
        ];
    }

    internal sealed record Row(string Name, string Data, WrkResult Result, Memory Memory, int? Queries, string? Note = null)
    {
        /// <summary>One row for several runs of the same request: all their requests over all their seconds (p50 and p99 the worst run's).</summary>
        public static Row Mean(string name, List<Row> runs) => runs[0] with
        {
            Name = name,
            Result = new WrkResult(runs.Sum(r => r.Result.Requests), runs.Sum(r => r.Result.Seconds), runs.Max(r => r.Result.P50Ms), runs.Max(r => r.Result.P99Ms), runs.Sum(r => r.Result.Non2xx), runs.Sum(r => r.Result.SocketErrors)),
        };
    }

    internal sealed record WrkResult(long Requests, double Seconds, double P50Ms, double P99Ms, long Non2xx, long SocketErrors)
    {
        public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;
    }

    internal sealed record Memory(long RssMb, long PeakMb)
    {
        public static Memory Of(Process process)
        {
            long Read(string field) =>
                File.ReadLines($"/proc/{process.Id}/status").Where(l => l.StartsWith(field, StringComparison.Ordinal))
                    .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
            return process.HasExited ? new Memory(0, 0) : new Memory(Read("VmRSS:"), Read("VmHWM:"));
        }
    }

    internal sealed record Session(string Token, JsonNode? Member)
    {
        public int RoleUnit(string role) =>
            Member?["roles"]?.AsArray().FirstOrDefault(r => r?["role"]?.GetValue<string>() == role)?["unitId"]?.GetValue<int>()
            ?? throw new InvalidOperationException($"The signed-in member holds no {role} role.");
    }

    /// <summary>wrk with one Lua script: method, bearer token and JSON body from the environment, figures on one line.</summary>
    internal static class Wrk
    {
        public const string Script = """
            local token = os.getenv("BENCH_TOKEN")
            local body = os.getenv("BENCH_BODY")
            if token ~= nil and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
            if body ~= nil and body ~= "" then
              wrk.method = "POST"
              wrk.body = body
              wrk.headers["Content-Type"] = "application/json"
              local pool = tonumber(os.getenv("BENCH_ADDRESSES") or "") or 0
              if pool > 0 then
                -- A campus: each request from one of `pool` client addresses (through the trusted loopback proxy),
                -- drawn at random; the addresses are made once, so a request costs a table lookup.
                local addresses = {}
                for k = 0, pool - 1 do
                  addresses[k + 1] = string.format("10.%d.%d.%d", math.floor(k / 65536) % 256, math.floor(k / 256) % 256, k % 256)
                end
                request = function()
                  wrk.headers["X-Forwarded-For"] = addresses[math.random(pool)]
                  return wrk.format()
                end
              else
                -- --login-addresses 0: each request from an address not seen before (as before the option existed).
                local n = 0
                request = function()
                  n = n + 1
                  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.floor(n / 256) % 256, n % 256)
                  return wrk.format()
                end
              end
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("BENCH %d %d %f %f %d %d\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
            end
            """;

        /// <summary>Client addresses the login row's requests come from (<c>--login-addresses</c>; 0: a new one per request).</summary>
        public static int LoginAddresses { get; set; } = 10_000;

        public static async Task<WrkResult> RunAsync(string script, string url, string? token, string? body, int seconds, int connections)
        {
            var info = new ProcessStartInfo("wrk", $"-t2 -c{connections} -d{seconds}s --timeout 10s -s \"{script}\" \"{url}\"")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["BENCH_TOKEN"] = token ?? string.Empty;
            info.Environment["BENCH_BODY"] = body ?? string.Empty;
            info.Environment["BENCH_ADDRESSES"] = LoginAddresses.ToString(CultureInfo.InvariantCulture);
            using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start.");
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk printed no figures: {output} {errors}");
            var f = line.Split(' ');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            return new WrkResult(long.Parse(f[1], CultureInfo.InvariantCulture), D(2) / 1e6, D(3) / 1000, D(4) / 1000, long.Parse(f[5], CultureInfo.InvariantCulture), long.Parse(f[6], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The bare ASP.NET Core endpoint every figure is compared with: a 20-item JSON list, no auth, no database.</summary>
    internal static class Baseline
    {
        private sealed record Item(int Id, string Title, string Excerpt, bool Pinned, DateTimeOffset PublishedAt, string UnitName, bool Unread);

        public static async Task ServeAsync(int port)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            var app = builder.Build();
            var now = DateTimeOffset.UtcNow;
            app.MapGet("/baseline", () => TypedResults.Ok(Enumerable.Range(1, 20)
                .Select(i => new Item(i, $"关于开展第{i}次主题党日活动的通知", "各党小组：请于本周五前完成学习材料的阅读并提交心得体会。", i == 1, now.AddHours(-i), "教工第一党支部", i % 3 == 0))
                .ToList()));
            await app.RunAsync();
        }
    }

    /// <summary>The settings every API the benchmark starts runs with; see README for how they differ from production.</summary>
    internal static class ApiSettings
    {
        /// <summary>
        /// Neither Development (which validates DI scopes on every resolution, turns on the developer pages and
        /// the emulator by default) nor Production (which refuses the WeChat emulator): a named environment that
        /// takes Production's code paths except that the emulators are switched on explicitly.
        /// </summary>
        public const string Environment = "Staging";

        public static Dictionary<string, string?> Common(string databasePath, int redisPort, string name, bool demoData) => new()
        {
            ["ConnectionStrings:Default"] = $"Data Source={databasePath}",
            ["Database:Provider"] = "Sqlite",
            ["Redis:ConnectionString"] = $"127.0.0.1:{redisPort}",
            ["Redis:InstanceName"] = $"{name}:",
            ["DemoData:Enabled"] = demoData ? "true" : "false",
            ["WeChat:UseEmulator"] = "true",
            ["WeChatPay:UseEmulator"] = "true",
            // Production's pipeline has no Swagger middleware (it looks at every request's path); Staging would.
            ["Swagger:Enabled"] = "false",
            // Logging as the production image has it: Api/appsettings.json's levels (Information, Microsoft.AspNetCore
            // at Warning); until the eighth pass the benchmark set Default to Warning, which production does not.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
            // The per-address limits stay on (production-like); wrk's login requests come through a trusted
            // loopback proxy with X-Forwarded-For spread over many addresses, as behind nginx.
            ["ForwardedHeaders:Enabled"] = "true",
            // A 10 s row at over 10,000 logins a second passes 100,000 a minute: the three login limits are set above
            // what one row can send, or its last seconds are cheap 429s.
            ["RateLimiting:LoginPermitsPerMinute"] = "10000000",
            // The emulator's dev-… codes can be replayed, a real wx.login code cannot: the login row replays one
            // member's code, so the per-code and per-account limits are raised (they answer 429 otherwise).
            ["RateLimiting:LoginAttemptsPerCode"] = "10000000",
            ["RateLimiting:LoginsPerAccountPerMinute"] = "10000000",
        };
    }

    /// <summary>One published API process on one SQLite file, with production-like settings (see README).</summary>
    internal sealed class ApiRun(string apiFolder, string databasePath, int redisPort, string name, bool demoData)
    {
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
        private int _queries;

        public string DatabasePath => databasePath;

        /// <summary>Variables added to the API process's environment (<c>--api-env</c>), after the settings above.</summary>
        public IReadOnlyDictionary<string, string> Runtime { get; init; } = new Dictionary<string, string>();

        public Process? Process { get; private set; }

        public string Url { get; private set; } = string.Empty;

        public async Task StartAsync(List<Process> processes, bool queryLog)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}";
            var settings = ApiSettings.Common(databasePath, redisPort, name, demoData);
            settings["ASPNETCORE_ENVIRONMENT"] = ApiSettings.Environment;
            settings["ASPNETCORE_URLS"] = Url;
            // The published API serves /lib and /console/assets from its own wwwroot, found under its content root.
            settings["ASPNETCORE_CONTENTROOT"] = apiFolder;
            settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = queryLog ? "Information" : "Warning";
            // While counting queries the reminder loops must not poll (their statements would be counted too).
            settings["Reminders:BackgroundDispatch"] = queryLog ? "false" : "true";
            var environment = settings.ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value ?? string.Empty);
            foreach (var (key, value) in Runtime)
            {
                environment[key] = value;
            }

            Process = Processes.Start("dotnet", $"\"{Path.Combine(apiFolder, "SmartBranch.Api.dll")}\"", environment, quiet: true, line =>
            {
                if (line.Contains("Executed DbCommand", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _queries);
                }
            });
            processes.Add(Process);
            await WaitUntilUpAsync($"{Url}/health/ready");
            if (Runtime.Count > 0)
            {
                // The variant compared must be the variant measured: read the running process's own environment.
                var running = (await File.ReadAllTextAsync($"/proc/{Process.Id}/environ")).Split('\0');
                var missing = Runtime.Where(p => !running.Contains($"{p.Key}={p.Value}")).Select(p => p.Key).ToList();
                if (missing.Count > 0)
                {
                    throw new InvalidOperationException($"The API process (pid {Process.Id}) runs without {string.Join(", ", missing)}.");
                }

                Console.WriteLine($"  {name} API (pid {Process.Id}) runs with {string.Join(" ", Runtime.Select(p => $"{p.Key}={p.Value}"))}");
            }
        }

        public async Task StopAsync(List<Process> processes)
        {
            if (Process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                processes.Remove(process);
            }
        }

        public async Task<Session> LoginAsync(string code)
        {
            using var response = await _http.PostAsJsonAsync($"{Url}/api/auth/wechat-login", new { code });
            response.EnsureSuccessStatusCode();
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return new Session(body["token"]!.GetValue<string>(), body["member"]);
        }

        public async Task<int> FirstNoticeAsync(string token, bool requireRecipient)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Url}/api/notices");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await _http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
            return items.First(i => !requireRecipient || (i!["isRecipient"]!.GetValue<bool>() && i["visibility"]!.GetValue<string>() == "Internal"))!["id"]!.GetValue<int>();
        }

        public async Task<HttpStatusCode> SendAsync(Probe probe, string? tokenOverride = null)
        {
            using var request = new HttpRequestMessage(probe.Body is null ? HttpMethod.Get : HttpMethod.Post, Url + probe.Path);
            if ((tokenOverride ?? probe.Token) is { } token)
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            if (probe.Body is not null)
            {
                request.Content = new StringContent(probe.Body, System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await _http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode;
        }

        public HttpClient Http => _http;

        /// <summary>Database commands the API logged while <paramref name="action"/> ran (the log is asynchronous: wait for it to settle).</summary>
        public async Task<int> CountQueriesAsync(Func<Task> action)
        {
            await Task.Delay(300);
            var before = Volatile.Read(ref _queries);
            await action();
            await Task.Delay(300);
            return Volatile.Read(ref _queries) - before;
        }
    }

    /// <summary>
    /// N members sign up for an activity with N/5 places at the same moment: exactly N/5 must be confirmed
    /// (the rest 409 full), and the p99 of the sign-ups is reported.
    /// </summary>
    internal static class SignUpStorm
    {
        private static async Task<int> CreateActivityAsync(ApiRun api, string adminToken, string title, int capacity)
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, $"{api.Url}/api/activities")
            {
                Content = JsonContent.Create(SignUpActivity.Body(UniversityData.GeneralBranchId, title, "报名压力测试", capacity)),
            };
            create.Headers.Authorization = new("Bearer", adminToken);
            using var created = await api.Http.SendAsync(create);
            var createdBody = await created.Content.ReadAsStringAsync();
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Creating the storm's activity failed: {(int)created.StatusCode} {createdBody}");
            }

            return JsonNode.Parse(createdBody)!["id"]!.GetValue<int>();
        }

        public static async Task<Row> RunAsync(ApiRun api, string adminToken, int size, int places)
        {
            var tokens = new string[size];
            await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
                tokens[i] = (await api.LoginAsync(UniversityData.StormMemberCode(i))).Token);

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = size };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };

            // Warm-up, as every other row has one: the sign-up path runs once (a place taken, the next refused) on an
            // activity of its own, and each of the storm's members opens its connection with one GET /api/me, as a
            // phone with the mini-program open already holds one. The storm itself then measures sign-ups only.
            var warmUpId = await CreateActivityAsync(api, adminToken, "报名预热活动", 1);
            foreach (var token in tokens.Take(2))
            {
                using var warmUp = new HttpRequestMessage(HttpMethod.Post, $"{api.Url}/api/activities/{warmUpId}/enrollment");
                warmUp.Headers.Authorization = new("Bearer", token);
                using var warmed = await http.SendAsync(warmUp);
            }

            await Task.WhenAll(tokens.Select(async token =>
            {
                using var me = new HttpRequestMessage(HttpMethod.Get, $"{api.Url}/api/me");
                me.Headers.Authorization = new("Bearer", token);
                using var answered = await http.SendAsync(me);
                answered.EnsureSuccessStatusCode();
            }));

            var activityId = await CreateActivityAsync(api, adminToken, "学院志愿服务活动", places);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var statuses = new int[size];
            var latencies = new double[size];
            var all = Enumerable.Range(0, size).Select(async i =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"{api.Url}/api/activities/{activityId}/enrollment");
                request.Headers.Authorization = new("Bearer", tokens[i]);
                await start.Task;
                var watch = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = watch.Elapsed.TotalMilliseconds;
                statuses[i] = (int)response.StatusCode;
            }).ToList();
            var total = Stopwatch.StartNew();
            start.SetResult();
            await Task.WhenAll(all);
            total.Stop();

            using var check = new HttpRequestMessage(HttpMethod.Get, $"{api.Url}/api/activities/{activityId}");
            check.Headers.Authorization = new("Bearer", adminToken);
            using var checkResponse = await api.Http.SendAsync(check);
            var confirmed = JsonNode.Parse(await checkResponse.Content.ReadAsStringAsync())!["confirmedCount"]!.GetValue<int>();
            Array.Sort(latencies);
            var created201 = statuses.Count(s => s == 201);
            var full409 = statuses.Count(s => s == 409);
            var other = size - created201 - full409;
            var others = string.Join(", ", statuses.Where(s => s is not (201 or 409)).GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
            var note = $"confirmed {confirmed} of {places} places ({(confirmed == places ? "correct" : "WRONG")}); {created201}×201, {full409}×409, {other} other{(other > 0 ? $" ({others})" : string.Empty)}";
            Console.WriteLine($"  sign-up storm: {note}; p99 {Percentile(latencies, 0.99):F0} ms");
            var result = new WrkResult(size, total.Elapsed.TotalSeconds, Percentile(latencies, 0.5), Percentile(latencies, 0.99), other, 0);
            return new Row($"sign-up storm ({size} at once, {places} places)", "university", result, Memory.Of(api.Process!), null, note);
        }

        private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>Runs ReminderBench (Release) against the benchmark's Redis and keeps its summary lines.</summary>
    internal static class ReminderRun
    {
        private static readonly string[] SummaryPrefixes = ["queue:", "emulator raw:", "pipeline:", "ratio:", "counted:", "per message:"];

        public static async Task<List<string>> RunAsync(string repo, int redisPort, int reminders)
        {
            Console.WriteLine($"reminder drain: {reminders} reminders (ReminderBench)…");
            var lines = new List<string>();
            using var run = Processes.Start(
                "dotnet",
                $"run -c Release --project \"{Path.Combine(repo, "deploy", "bench", "ReminderBench")}\" -- --reminders {reminders} --redis 127.0.0.1:{redisPort}",
                null,
                quiet: true,
                line =>
                {
                    if (SummaryPrefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal)))
                    {
                        lock (lines)
                        {
                            lines.Add(line);
                        }
                    }
                });
            await run.WaitForExitAsync();
            if (run.ExitCode != 0)
            {
                lines.Add($"ReminderBench exited with {run.ExitCode}");
            }

            return lines;
        }
    }

    internal static class Report
    {
        public static void PrintCosts(List<Cost> costs)
        {
            Console.WriteLine();
            Console.WriteLine($"Per-request cost (in process, {(costs.Any(c => c.Name.EndsWith("(university)", StringComparison.Ordinal)) ? "university" : "demo")} data set, {costs.FirstOrDefault()?.Requests} sequential requests after a warm-up; whole process, so login includes the emulator's side):");
            Console.WriteLine();
            Console.WriteLine("| request | SQL/req | Redis commands/req | KB allocated/req | CPU µs/req |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var cost in costs)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {cost.Name} | {cost.Queries:0.##} | {cost.RedisCommands:0.##} | {cost.AllocatedKb:F1} | {cost.CpuMicroseconds:F0} |"));
            }
        }

        public static void Print(List<Row> rows, Row baseline, int connections, int duration, UniversityData.Generated? generation, string variant)
        {
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
            Console.WriteLine();
            Console.WriteLine($"wrk -t2 -c{connections}, {duration} s per row; cores: {Environment.ProcessorCount}; load average after the run: {load}");
            Console.WriteLine(variant);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shares are of the baseline's mean over its runs in this run: {baseline.Result.RequestsPerSecond:N0} req/s"));
            Console.WriteLine(generation is null
                ? "university data set: not run (--demo-only)"
                : $"university data set: {generation.Summary}, generated in {generation.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine();
            Console.WriteLine("| request | data | req/s | p50 ms | p99 ms | share of baseline | non-2xx | SQL/req | RSS MB (peak) |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                var share = row.Result.RequestsPerSecond / baseline.Result.RequestsPerSecond;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {row.Name} | {row.Data} | {row.Result.RequestsPerSecond:N0} | {row.Result.P50Ms:F1} | {row.Result.P99Ms:F1} | {share:P1} | {row.Result.Non2xx + row.Result.SocketErrors} | {(row.Queries is int q ? q.ToString(CultureInfo.InvariantCulture) : "")} | {row.Memory.RssMb} ({row.Memory.PeakMb}) |"));
            }

            foreach (var row in rows.Where(r => r.Note is not null))
            {
                Console.WriteLine($"{row.Name}: {row.Note}");
            }

            foreach (var pair in rows.Where(r => r.Data == "university" && !r.Name.EndsWith("(cold)", StringComparison.Ordinal)).Select(u => (u, d: rows.FirstOrDefault(d => d.Data == "demo" && d.Name == u.Name))).Where(p => p.d is not null))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair.u.Name}: p99 university / demo = {pair.u.Result.P99Ms / pair.d!.Result.P99Ms:F2} (target ≤ 2)"));
            }
        }
    }

    /// <summary>Child processes, ports and readiness.</summary>
    internal static class Processes
    {
        public static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        /// <summary>Starts a process; with <paramref name="quiet"/> its output goes to <paramref name="onLine"/> (or nowhere), errors to stderr.</summary>
        public static Process Start(string file, string arguments, IDictionary<string, string>? environment, bool quiet, Action<string>? onLine = null)
        {
            var info = new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = quiet, RedirectStandardError = quiet };
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[key] = value;
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
            if (quiet)
            {
                process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { onLine?.Invoke(line); } };
                process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine(line); } };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }

            return process;
        }

        public static async Task WaitUntilUpAsync(string url)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    using var response = await http.GetAsync(url);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Starting up slowly on a busy machine.
                }

                await Task.Delay(200);
            }

            throw new TimeoutException($"{url} did not answer within two minutes.");
        }
    }
}
