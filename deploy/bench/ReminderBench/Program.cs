// Drains N due reminders through the real pipeline (feeder → Redis Stream → dispatcher → WeChat
// emulator + inbox, SQLite) and reports messages per second beside the emulator's own raw rate,
// measured in the same run with the same concurrency. Usage:
//   dotnet run -c Release --project deploy/bench/ReminderBench -- [--reminders 10000] [--redis host:port]
// Without --redis it starts a throw-away redis-server (must be on PATH); --redis none uses the
// in-process queue of the embedded demo.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Api.Common;
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
const int batchSize = 500;
const int concurrency = 32;

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
    });
    builder.AddInfrastructure();
    builder.AddApi();
    await using var app = builder.Build();
    await app.PrepareDatabaseAsync();
    await app.StartAsync();

    var emulator = app.Services.GetRequiredService<WeChatEmulator>();
    var templateId = app.Services.GetRequiredService<ReminderTemplates>().For(ReminderKind.Meeting).TemplateId;
    var memberIds = await SeedMembersAsync(app.Services, emulator, templateId, (count + remindersPerMember - 1) / remindersPerMember);

    // 1. The emulator's raw rate: the same subscribe/send calls, straight from a load generator.
    var raw = await MeasureRawAsync(app.Services, emulator, templateId, count);

    // 2. The pipeline: every reminder due now, drained by the background feeder and dispatcher.
    var pipeline = await MeasurePipelineAsync(app.Services, memberIds, count);
    var sent = emulator.SentMessages.Count;

    Console.WriteLine($"queue:            {(string.IsNullOrEmpty(redis) ? "in-process channel" : "Redis Stream")}; cores: {Environment.ProcessorCount}; batch {batchSize}, send concurrency {concurrency}");
    Console.WriteLine($"emulator raw:     {count} sends in {raw.TotalSeconds:F2} s = {count / raw.TotalSeconds:F0} msg/s");
    Console.WriteLine($"pipeline:         {sent} messages (+ {count} inbox items) in {pipeline.TotalSeconds:F2} s = {sent / pipeline.TotalSeconds:F0} msg/s");
    Console.WriteLine($"ratio:            {sent / pipeline.TotalSeconds / (count / raw.TotalSeconds):P0} of the emulator's raw rate (target ≥ 1000 msg/s)");
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

static async Task<TimeSpan> MeasureRawAsync(IServiceProvider services, WeChatEmulator emulator, string templateId, int count)
{
    await using var scope = services.CreateAsyncScope();
    var token = (await scope.ServiceProvider.GetRequiredService<WeChatClient>().GetAccessTokenAsync(CancellationToken.None)).Value!;
    using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
    var body = new Dictionary<string, object?>
    {
        ["touser"] = WeChatEmulator.OpenIdFor("bench-raw"),
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
    emulator.RawRateMode = true;
    var next = 0;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) <= count)
        {
            using var response = await http.PostAsJsonAsync($"cgi-bin/message/subscribe/send?access_token={token}", body);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
    }));
    watch.Stop();
    emulator.RawRateMode = false;
    if (emulator.RawSends != count)
    {
        throw new InvalidOperationException($"The emulator took {emulator.RawSends} of {count} raw sends.");
    }

    return watch.Elapsed;
}

static async Task<TimeSpan> MeasurePipelineAsync(IServiceProvider services, List<int> memberIds, int count)
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
    var watch = Stopwatch.StartNew();
    while (await db.Reminders.CountAsync(r => r.Status == ReminderStatus.Scheduled || r.Status == ReminderStatus.Queued) > 0)
    {
        await Task.Delay(20);
    }

    watch.Stop();
    var notSent = await db.Reminders.CountAsync(r => r.Status != ReminderStatus.Sent);
    if (notSent > 0)
    {
        throw new InvalidOperationException($"{notSent} reminders were not sent.");
    }

    return watch.Elapsed;
}

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
