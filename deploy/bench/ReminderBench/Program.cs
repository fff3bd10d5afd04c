// Drains N due reminders through the real pipeline (feeder → Redis Stream → dispatcher → WeChat
// emulator + inbox, SQLite) and reports messages per second beside the emulator's own raw rate,
// measured in the same run with the same concurrency and the same work on the emulator's side (each raw send
// uses up a banked accept of its own user and is stored, as the pipeline's are). Alongside the rates it counts
// what the pipeline did per batch and per message: database commands (EF Core) and Redis commands. Usage:
//   dotnet run -c Release --project deploy/bench/ReminderBench -- [--reminders 10000] [--redis host:port]
// Without --redis it starts a throw-away redis-server (must be on PATH); --redis none uses the
// in-process queue of the embedded demo.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Api.Common;
using SmartBranch.Bench;
using SmartBranch.Api.Features.Meetings;
using SmartBranch.Api.Messaging;
using SmartBranch.Api.Startup;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure;
using SmartBranch.Infrastructure.Persistence;
using SmartBranch.Infrastructure.WeChat;
using SmartBranch.Infrastructure.WeChat.Emulator;

var count = int.Parse(Option("--reminders") ?? "10000", CultureInfo.InvariantCulture);
var redisOption = Option("--redis");
const int remindersPerMember = 5;
var batchSize = int.Parse(Option("--batch") ?? "500", CultureInfo.InvariantCulture);
var concurrency = int.Parse(Option("--concurrency") ?? "32", CultureInfo.InvariantCulture);
var dispatchers = int.Parse(Option("--dispatchers") ?? "2", CultureInfo.InvariantCulture);
using var allocations = args.Contains("--alloc-types") ? new AllocationSampler() : null;

Process? redisProcess = null;
string? redis = redisOption;
if (redisOption is null)
{
    var port = FreePort();
    redisProcess = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no") { RedirectStandardOutput = true, UseShellExecute = false })
        ?? throw new InvalidOperationException("redis-server did not start");
    redis = $"127.0.0.1:{port},abortConnect=false";
    await Task.Delay(500);
}
else if (redisOption == "none")
{
    redis = string.Empty;
}

var databasePath = Path.Combine(Path.GetTempPath(), $"smartbranch-bench-{Guid.NewGuid():N}.db");
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = $"Data Source={databasePath}",
        ["Database:Provider"] = "Sqlite",
        ["Redis:ConnectionString"] = redis,
        ["Redis:InstanceName"] = $"bench{Guid.NewGuid():N}:",
        ["DemoData:Enabled"] = "false",
        ["Reminders:BackgroundDispatch"] = "true",
        ["Reminders:PollInterval"] = "00:00:00.020",
        ["Reminders:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
        ["Reminders:SendConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
        ["Reminders:Dispatchers"] = dispatchers.ToString(CultureInfo.InvariantCulture),
    });
    builder.AddInfrastructure();
    builder.AddApi();
    // The benchmark's reminders are meeting reminders; the kind is registered by its area (AddReminderKind).
    builder.Services.AddMeetings();
    await using var app = builder.Build();
    await app.PrepareDatabaseAsync();
    await app.StartAsync();

    var emulator = app.Services.GetRequiredService<WeChatEmulator>();
    var templateId = app.Services.GetRequiredService<ReminderTemplates>().For(ReminderKind.Meeting).TemplateId;
    var memberIds = await SeedMembersAsync(app.Services, emulator, templateId, (count + remindersPerMember - 1) / remindersPerMember);

    // 1. The emulator's raw rate: the same subscribe/send calls, straight from a load generator.
    var rawCost = Usage.Now();
    var raw = await MeasureRawAsync(app.Services, emulator, templateId, count, concurrency);
    rawCost = Usage.Now() - rawCost;

    // 2. The pipeline: every reminder due now, drained by the background feeder and dispatcher.
    using var commands = new CommandCounter();
    await using var redisAdmin = string.IsNullOrEmpty(redis) ? null : await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
    var redisBefore = 0L;
    var commandsBefore = 0;
    var kindsBefore = new Dictionary<string, int>();
    var pipelineCost = default(Usage);
    var pipeline = await MeasurePipelineAsync(app.Services, memberIds, count, async () =>
    {
        // The clock starts: what was counted so far was the benchmark writing its backlog.
        commandsBefore = commands.Count;
        kindsBefore = new Dictionary<string, int>(commands.ByKind());
        pipelineCost = Usage.Now();
        redisBefore = await RedisCommandsAsync(redisAdmin);
        allocations?.Recording = true;
    });
    pipelineCost = Usage.Now() - pipelineCost;
    allocations?.Recording = false;
    var redisCommands = await RedisCommandsAsync(redisAdmin) - redisBefore - 1; // the second INFO is not counted yet when it answers
    var sqlCommands = commands.Count - commandsBefore;
    var sqlByKind = commands.ByKind().Select(k => (k.Key, Count: k.Value - kindsBefore.GetValueOrDefault(k.Key))).Where(k => k.Count > 0).OrderBy(k => k.Key);
    var sent = (int)(emulator.SentMessageCount - count);
    var batches = (count + batchSize - 1) / batchSize;

    Console.WriteLine($"queue:            {(string.IsNullOrEmpty(redis) ? "in-process channel" : "Redis Stream")}; cores: {Environment.ProcessorCount}; batch {batchSize}, {dispatchers} dispatchers × {concurrency} sends at once; load average {LoadAverage()}");
    Console.WriteLine($"emulator raw:     {count} sends in {raw.TotalSeconds:F2} s = {count / raw.TotalSeconds:F0} msg/s");
    Console.WriteLine($"pipeline:         {sent} messages (+ {count} inbox items) in {pipeline.TotalSeconds:F2} s = {sent / pipeline.TotalSeconds:F0} msg/s");
    Console.WriteLine($"ratio:            {sent / pipeline.TotalSeconds / (count / raw.TotalSeconds):P0} of the emulator's raw rate (target ≥ 50 %)");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"counted:          SQL {(double)sqlCommands / batches:F1} per batch of {batchSize} ({string.Join(", ", sqlByKind.Select(k => $"{k.Key} {(double)k.Count / batches:F1}"))}); Redis {(redisCommands < 0 ? "n/a" : ((double)redisCommands / count).ToString("F3", CultureInfo.InvariantCulture))} per message"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"per message:      raw {rawCost.AllocatedBytes / 1024.0 / count:F1} KB allocated, {rawCost.Cpu.TotalMicroseconds / count:F0} µs CPU; pipeline {pipelineCost.AllocatedBytes / 1024.0 / sent:F1} KB allocated, {pipelineCost.Cpu.TotalMicroseconds / sent:F0} µs CPU (this process, both sides of each HTTP call; Redis's own CPU not included)"));
    if (allocations is not null)
    {
        Console.WriteLine("allocated in the pipeline phase, by type (sampled every ~100 KB):");
        foreach (var (type, bytes) in allocations.Top(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024.0 / sent,8:F2} KB/msg  {type}"));
        }
    }

    await app.StopAsync();
    return sent == count ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
    {
        File.Delete(databasePath + suffix);
    }

    if (redisProcess is { HasExited: false })
    {
        redisProcess.Kill();
    }
}

static async Task<List<int>> SeedMembersAsync(IServiceProvider services, WeChatEmulator emulator, string templateId, int members)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var now = DateTimeOffset.UtcNow;
    var general = new OrganizationUnit("基准测试总支", UnitKind.GeneralBranch, null);
    var branch = new OrganizationUnit("基准测试支部", UnitKind.Branch, general, BranchCategory.Student);
    db.Units.AddRange(general, branch);
    await db.SaveChangesAsync();
    var roster = Enumerable.Range(0, members).Select(i =>
    {
        var member = new Member($"成员{i}", $"B{i:D6}", branch.Id, MembershipStatus.Full);
        member.BindTo(WeChatEmulator.OpenIdFor($"bench{i}"), now);
        return member;
    }).ToList();
    db.Members.AddRange(roster);
    await db.SaveChangesAsync();
    foreach (var member in roster)
    {
        var quota = new SubscriptionQuota(member.Id, templateId, now);
        for (var i = 0; i < remindersPerMember; i++)
        {
            quota.Accept(now);
        }

        db.SubscriptionQuotas.Add(quota);
        emulator.AcceptSubscription(member.OpenId!, templateId, remindersPerMember);
    }

    await db.SaveChangesAsync();
    return roster.Select(m => m.Id).ToList();
}

static async Task<TimeSpan> MeasureRawAsync(IServiceProvider services, WeChatEmulator emulator, string templateId, int count, int concurrency)
{
    await using var scope = services.CreateAsyncScope();
    var token = (await scope.ServiceProvider.GetRequiredService<WeChatClient>().GetAccessTokenAsync(CancellationToken.None)).Value!;
    using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

    // Users of their own with accepts banked as for the pipeline's members, so every raw send costs the emulator
    // what a pipeline send does (use up an accept, store the message) and none of the members' accepts is used.
    var users = Enumerable.Range(0, (count + remindersPerMember - 1) / remindersPerMember).Select(i => WeChatEmulator.OpenIdFor($"bench-raw{i}")).ToArray();
    foreach (var user in users)
    {
        emulator.AcceptSubscription(user, templateId, remindersPerMember);
    }

    Dictionary<string, object?> Body(int i) => new()
    {
        ["touser"] = users[i % users.Length],
        ["template_id"] = templateId,
        ["page"] = "pages/meetings/detail?id=1",
        ["data"] = new Dictionary<string, object>
        {
            ["thing1"] = new { value = "支部党员大会" },
            ["time2"] = new { value = "2026年3月3日 14:30" },
            ["thing3"] = new { value = "行政楼301" },
            ["thing4"] = new { value = "请携带笔记本" },
        },
        ["miniprogram_state"] = "formal",
        ["lang"] = "zh_CN",
    };
    var next = 0;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) <= count)
        {
            using var response = await http.PostAsJsonAsync($"cgi-bin/message/subscribe/send?access_token={token}", Body(i));
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
    }));
    watch.Stop();
    var taken = emulator.SentMessageCount;
    if (taken != count)
    {
        throw new InvalidOperationException($"The emulator took {taken} of {count} raw sends.");
    }

    return watch.Elapsed;
}

static async Task<TimeSpan> MeasurePipelineAsync(IServiceProvider services, List<int> memberIds, int count, Func<Task> started)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var now = DateTimeOffset.UtcNow;
    var content = new ReminderContent("会议提醒", "支部党员大会将于明天下午召开，请准时参加。", "pages/meetings/detail?id=1", "支部党员大会", now.AddDays(1), "行政楼301", "请携带笔记本");
    for (var i = 0; i < count; i++)
    {
        db.Reminders.Add(new Reminder(ReminderKind.Meeting, SubjectTypes.Meeting, 1, $"bench-{i / memberIds.Count}", memberIds[i % memberIds.Count], now.AddSeconds(-1), content, now));
    }

    // One transaction: the whole backlog falls due at the moment it commits, and the clock starts then
    // (the feeder cannot see uncommitted rows, and writing the backlog is not the pipeline's work).
    await db.SaveChangesAsync();
    await started();
    var watch = Stopwatch.StartNew();
    while (await db.Reminders.TagWith(CommandCounter.Ignore).CountAsync(r => r.Status == ReminderStatus.Scheduled || r.Status == ReminderStatus.Queued) > 0)
    {
        await Task.Delay(20);
    }

    watch.Stop();
    var notSent = await db.Reminders.TagWith(CommandCounter.Ignore).CountAsync(r => r.Status != ReminderStatus.Sent);
    if (notSent > 0)
    {
        throw new InvalidOperationException($"{notSent} reminders were not sent.");
    }

    return watch.Elapsed;
}

// Commands the Redis server has processed (INFO counts itself after it answers); -1 without Redis.
static async Task<long> RedisCommandsAsync(StackExchange.Redis.ConnectionMultiplexer? connection)
{
    if (connection is null)
    {
        return -1;
    }

    var info = await connection.GetServers()[0].InfoAsync("stats");
    return long.Parse(info.SelectMany(g => g).First(p => p.Key == "total_commands_processed").Value, CultureInfo.InvariantCulture);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

/// <summary>This process's allocations and CPU time so far (both sides of the in-process emulator's HTTP calls).</summary>
internal readonly record struct Usage(long AllocatedBytes, TimeSpan Cpu)
{
    public static Usage Now() => new(GC.GetTotalAllocatedBytes(precise: true), Process.GetCurrentProcess().TotalProcessorTime);

    public static Usage operator -(Usage a, Usage b) => new(a.AllocatedBytes - b.AllocatedBytes, a.Cpu - b.Cpu);
}
