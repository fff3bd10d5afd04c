using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using StackExchange.Redis;

namespace SmartBranch.Bench;

/// <summary>What one request costs the API process, measured by counting rather than timing.</summary>
/// <summary>One request of a cost row: method, path, bearer token, the status it must answer (0: any 2xx), JSON body.</summary>
internal sealed record CostStep(string Method, string Path, string? Token, int Status, string? Body = null)
{
    public static CostStep Of(Probe probe) => new(probe.Body is null ? "GET" : "POST", probe.Path, probe.Token, 0, probe.Body);
}

internal sealed record Cost(string Name, int Requests, double Queries, double RedisCommands, double AllocatedKb, double CpuMicroseconds, int Gen0Collections);

/// <summary>
/// The cost of one request, measured in process and independent of what else the machine is doing: the API
/// is hosted in this process on real Kestrel (WebApplicationFactory, production-like settings, see README), and
/// a socket client that allocates nothing per request sends the same request <c>n</c> times, one at a time,
/// after a warm-up. Per request: database commands (EF Core's DiagnosticListener), Redis commands (the
/// server's own <c>total_commands_processed</c>), bytes allocated by the whole process
/// (<see cref="GC.GetTotalAllocatedBytes"/>) and CPU time of the whole process. The background loops are off
/// so nothing else runs; the client's own share is a few hundred bytes and a few microseconds.
/// </summary>
internal static class RequestCost
{
    /// <summary>Hosts the API on a new demo database and measures the demo rows' requests.</summary>
    /// <remarks>
    /// With <paramref name="university"/> the database is the generated university data set instead
    /// (<see cref="UniversityData"/>, written after the API migrated it) and the rows are those the load table
    /// runs on it, so the cost of what grows with the data is counted too.
    /// </remarks>
    public static async Task<List<Cost>> MeasureAsync(string apiProject, string databasePath, int redisPort, int requests, IReadOnlyDictionary<string, string?> extraSettings, string? only = null, bool university = false)
    {
        var settings = new Dictionary<string, string?>(ApiSettings.Common(databasePath, redisPort, university ? "cost-university" : "cost", demoData: !university))
        {
            ["Reminders:BackgroundDispatch"] = "false",
            ["Org:SweepInterval"] = "00:00:00",
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        var port = Processes.FreePort();
        await using var factory = new InProcessApi(apiProject, settings);
        factory.UseKestrel(port);
        factory.StartServer();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        async Task<Session> Login(string code)
        {
            using var response = await http.PostAsJsonAsync("/api/auth/wechat-login", new { code });
            response.EnsureSuccessStatusCode();
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return new Session(body["token"]!.GetValue<string>(), body["member"]);
        }

        if (university)
        {
            var generated = await UniversityData.GenerateAsync(databasePath);
            Console.WriteLine($"  university data set: {generated.Summary} in {generated.Elapsed.TotalSeconds:F1} s");
            var uniMember = await Login(UniversityData.MemberCode);
            var uniSecretary = await Login(UniversityData.SecretaryCode);
            var uniAdmin = await Login(UniversityData.AdminCode);
            var universityProbes = Probe.UniversityReads(uniMember, uniSecretary, uniAdmin);
            return await MeasureRowsAsync(factory, port, redisPort, requests, only, "university", [.. universityProbes.Select(p => (p.Name, Steps: new[] { CostStep.Of(p) }))]);
        }

        var member = await Login("dev-member");
        var secretary = await Login("dev-secretary");
        var admin = await Login("dev-admin");
        using var feed = new HttpRequestMessage(HttpMethod.Get, "/api/notices") { Headers = { Authorization = new("Bearer", member.Token) } };
        using var feedResponse = await http.SendAsync(feed);
        var notice = System.Text.Json.Nodes.JsonNode.Parse(await feedResponse.Content.ReadAsStringAsync())!["items"]!.AsArray()
            .First(i => i!["isRecipient"]!.GetValue<bool>() && i["visibility"]!.GetValue<string>() == "Internal")!["id"]!.GetValue<int>();
        var list = Probe.DemoReads(member, secretary, admin, notice);

        // The emulator's own side of a login's code2Session (it stands in for WeChat, whose side production does
        // not pay): the same GET the WeChatClient sends, straight to the emulator's Kestrel in this process.
        list.Add(new("WeChat emulator's code2Session alone (login's WeChat side)",
            $"/sns/jscode2session?appid={SmartBranch.Infrastructure.WeChat.Emulator.WeChatEmulator.DefaultAppId}&secret={SmartBranch.Infrastructure.WeChat.Emulator.WeChatEmulator.DefaultAppSecret}&js_code=dev-member&grant_type=authorization_code",
            null,
            null));
        var rows = list.Select(p => (p.Name, Steps: new[] { CostStep.Of(p) })).ToList();
        rows.AddRange(await SignUpRowsAsync(http, secretary, member));
        var costs = await MeasureRowsAsync(factory, port, redisPort, requests, only, "demo", rows);
        if (only is null || StormName.Contains(only, StringComparison.OrdinalIgnoreCase))
        {
            costs.Add(await StormCostAsync(http, redisPort, databasePath, secretary, Login));
        }

        return costs;
    }

    private const int StormSize = 500;
    private const int StormPlaces = StormSize / 5;
    private static readonly string StormName = $"sign-up storm ({StormSize} at once, {StormPlaces} places)";

    /// <summary>
    /// Issue 15's storm counted instead of timed: <see cref="StormSize"/> members of the secretary's branch (added to
    /// the demo database for this row, bound to the emulator's <c>dev-storm{i}</c>) sign up at the same moment for
    /// an activity of <see cref="StormPlaces"/> places without a waiting list. Counts, for the whole storm, the
    /// SQL commands, the transactions committed (each one took SQLite's single write lock), Redis commands and
    /// allocations; the row's figures are per sign-up. Exactly <see cref="StormPlaces"/> must be confirmed.
    /// </summary>
    private static async Task<Cost> StormCostAsync(HttpClient http, int redisPort, string databasePath, Session secretary, Func<string, Task<Session>> login)
    {
        var branch = secretary.RoleUnit("Secretary");
        var template = secretary.Member!["id"]!.GetValue<int>();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath}"))
        {
            await connection.OpenAsync();
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO Members (Name, Number, Phone, Status, AdmittedOn, FullSince, BranchId, PartyGroupId, OpenId, BoundAt) " +
                "SELECT $name, $number, NULL, 'Full', AdmittedOn, FullSince, BranchId, PartyGroupId, $openId, BoundAt FROM Members WHERE Id = $template";
            var name = insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$name", null));
            var number = insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$number", null));
            var openId = insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$openId", null));
            insert.Parameters.AddWithValue("$template", template);
            for (var i = 0; i < StormSize; i++)
            {
                name.Value = $"报名{i}";
                number.Value = $"STORM{i:D4}";
                openId.Value = SmartBranch.Infrastructure.WeChat.Emulator.WeChatEmulator.OpenIdFor($"storm{i}");
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var tokens = new string[StormSize];
        await Parallel.ForEachAsync(Enumerable.Range(0, StormSize), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            tokens[i] = (await login($"dev-storm{i}")).Token);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = StormSize };
        using var client = new HttpClient(handler) { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        async Task<HttpStatusCode> SignUp(int activity, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/activities/{activity}/enrollment") { Headers = { Authorization = new("Bearer", token) } };
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode;
        }

        // Warm-up as in the load table's storm: the path once (a place taken, the next refused) on an activity of its
        // own, and every member's connection opened with one GET /api/me.
        var warmUp = await CreateSignUpActivityAsync(http, secretary, branch, "报名风暴预热", 1);
        await SignUp(warmUp, tokens[0]);
        await SignUp(warmUp, tokens[1]);
        await Task.WhenAll(tokens.Select(async token =>
        {
            using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Authorization = new("Bearer", token) } };
            using var answered = await client.SendAsync(me);
            answered.EnsureSuccessStatusCode();
        }));
        var activity = await CreateSignUpActivityAsync(http, secretary, branch, "报名风暴", StormPlaces);

        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redisPort},allowAdmin=true");
        var server = redis.GetServer("127.0.0.1", redisPort);
        using var commands = new CommandCounter();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var redisBefore = await TotalCommandsAsync(server);
        var gen0Before = GC.CollectionCount(0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var storm = tokens.Select(async token =>
        {
            await start.Task;
            return await SignUp(activity, token);
        }).ToList();
        start.SetResult();
        var statuses = await Task.WhenAll(storm);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gen0 = GC.CollectionCount(0) - gen0Before;
        var queries = commands.Count;
        var commits = commands.Commits;
        var byKind = string.Join(", ", commands.ByKind().OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"));
        var redisCommands = await TotalCommandsAsync(server) - redisBefore - 1;

        var confirmed = statuses.Count(s => s == HttpStatusCode.Created);
        var refused = statuses.Count(s => s == HttpStatusCode.Conflict);
        if (confirmed != StormPlaces || refused != StormSize - StormPlaces)
        {
            throw new InvalidOperationException($"{StormName}: {confirmed}×201 and {refused}×409; expected {StormPlaces} and {StormSize - StormPlaces}.");
        }

        var cost = new Cost(StormName, StormSize, (double)queries / StormSize, (double)redisCommands / StormSize, bytes / 1024.0 / StormSize, cpu.TotalMicroseconds / StormSize, gen0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  cost of {cost.Name,-40} SQL {cost.Queries,5:F2}  Redis {cost.RedisCommands,5:F2}  {cost.AllocatedKb,8:F1} KB  CPU {cost.CpuMicroseconds,8:F0} µs  (n={StormSize}, gen0 GCs {gen0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"      storm: {confirmed}×201, {refused}×409; {queries} SQL commands ({byKind}), {commits} transactions committed, {(double)queries / StormPlaces:F1} SQL per place taken"));
        return cost;
    }

    private static async Task<int> CreateSignUpActivityAsync(HttpClient http, Session secretary, int branch, string title, int capacity)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/activities")
        {
            Content = JsonContent.Create(SignUpActivity.Body(branch, title, "报名开销测量", capacity)),
            Headers = { Authorization = new("Bearer", secretary.Token) },
        };
        using var created = await http.SendAsync(create);
        var body = await created.Content.ReadAsStringAsync();
        return created.IsSuccessStatusCode
            ? System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<int>()
            : throw new InvalidOperationException($"Creating a sign-up cost activity failed: {(int)created.StatusCode} {body}");
    }

    private static async Task<List<Cost>> MeasureRowsAsync(WebApplicationFactory<SmartBranch.Api.Common.Auth.AccessCache> factory, int port, int redisPort, int requests, string? only, string data, List<(string Name, CostStep[] Steps)> rows)
    {
        var emulatorPort = factory.Services.GetRequiredService<SmartBranch.Infrastructure.WeChat.Emulator.WeChatEmulator>().BaseAddress.Port;
        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redisPort},allowAdmin=true");
        var server = redis.GetServer("127.0.0.1", redisPort);
        using var commands = new CommandCounter();
        using var allocationTypes = Environment.GetCommandLineArgs().Contains("--alloc-types") ? new AllocationSampler() : null;
        var results = new List<Cost>();
        foreach (var probe in rows.Where(p => only is null || p.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            using var client = new RawClient(probe.Steps[0].Path.StartsWith("/sns/", StringComparison.Ordinal) ? emulatorPort : port, probe.Name, probe.Steps);
            await Task.Run(() => client.Send(WarmUp(requests))); // warm-up: JIT, caches, pools
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var redisBefore = await TotalCommandsAsync(server);
            var queriesBefore = commands.Count;
            var gen0Before = GC.CollectionCount(0);
            var workItemsBefore = ThreadPool.CompletedWorkItemCount;
            var switchesBefore = ContextSwitches();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            allocationTypes?.Reset();
            allocationTypes?.Recording = true;
            await Task.Run(() => client.Send(requests));
            allocationTypes?.Recording = false;
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
            var switches = ContextSwitches() - switchesBefore;
            var gen0 = GC.CollectionCount(0) - gen0Before;
            var queries = commands.Count - queriesBefore;

            // INFO itself is one command; the second INFO is not yet counted when it answers.
            var redisCommands = await TotalCommandsAsync(server) - redisBefore - 1;
            var cost = new Cost(data == "demo" ? probe.Name : $"{probe.Name} ({data})", requests, (double)queries / requests, (double)redisCommands / requests, bytes / 1024.0 / requests, cpu.TotalMicroseconds / requests, gen0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  cost of {cost.Name,-40} SQL {cost.Queries,5:F2}  Redis {cost.RedisCommands,5:F2}  {cost.AllocatedKb,8:F1} KB  CPU {cost.CpuMicroseconds,8:F0} µs  (n={requests}, gen0 GCs {gen0}; thread-pool work items {(double)workItems / requests:F1}/req, threads put to sleep {(double)switches / requests:F1}/req)"));
            results.Add(cost);
            foreach (var (type, sampled) in allocationTypes?.Top(20) ?? [])
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {sampled / 1024.0 / requests,7:F2} KB/req  {type}"));
            }
        }

        return results;
    }

    /// <summary>
    /// Voluntary context switches of the process's threads so far (the kernel's per-thread counts, summed; a thread
    /// that has ended is no longer counted, so compare only within one row): a thread that goes to sleep waiting for
    /// work or I/O. With the thread-pool work items, the count of hand-offs one request makes, which CPU time on a
    /// busy machine cannot show. Preemptions (the other machine's load) are left out.
    /// </summary>
    private static long ContextSwitches()
    {
        long total = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        total += long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read: it no longer counts.
            }
        }

        return total;
    }

    /// <summary>
    /// Requests sent before a row is counted: a tenth of the row (at least 50), or <c>--warm-up n</c>. Tiered
    /// compilation of a row's code takes thousands of requests; until it is done its background compiles count as
    /// the process's CPU, so comparing steady-state CPU per request needs a warm-up as long as the row.
    /// </summary>
    private static int WarmUp(int requests)
    {
        var args = Environment.GetCommandLineArgs();
        var at = Array.IndexOf(args, "--warm-up");
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : Math.Max(50, requests / 10);
    }

    /// <summary>
    /// The sign-up rows (issue 15's storm, one request at a time): a sign-up refused because the activity is full
    /// without a waiting list (what 400 of the storm's 500 get), and a sign-up that takes a place followed by its
    /// cancellation (one pair per request counted; the cancellation frees the place and starts a new sign-up
    /// generation, so every sign-up of this row also reloads the activity's facts). Two activities of the
    /// secretary's branch: one place taken by the secretary, and a thousand places.
    /// </summary>
    private static async Task<List<(string Name, CostStep[] Steps)>> SignUpRowsAsync(HttpClient http, Session secretary, Session member)
    {
        var branch = secretary.RoleUnit("Secretary");
        Task<int> Create(string title, int capacity) => CreateSignUpActivityAsync(http, secretary, branch, title, capacity);

        var full = await Create("报名开销：已满", 1);
        using (var take = new HttpRequestMessage(HttpMethod.Post, $"/api/activities/{full}/enrollment") { Headers = { Authorization = new("Bearer", secretary.Token) } })
        using (var taken = await http.SendAsync(take))
        {
            taken.EnsureSuccessStatusCode();
        }

        var open = await Create("报名开销：有名额", 1000);
        return
        [
            ("sign-up refused (full, no waiting list)", [new CostStep("POST", $"/api/activities/{full}/enrollment", member.Token, 409)]),
            ("sign-up confirmed + its cancellation (pair)",
            [
                new CostStep("POST", $"/api/activities/{open}/enrollment", member.Token, 201),
                new CostStep("DELETE", $"/api/activities/{open}/enrollment", member.Token, 204),
            ]),
        ];
    }

    private static async Task<long> TotalCommandsAsync(IServer server)
    {
        var info = await server.InfoAsync("stats");
        var value = info.SelectMany(g => g).First(p => p.Key == "total_commands_processed").Value;
        return long.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>The API assembly hosted in this process (its entry point, found through a public type of it).</summary>
    internal sealed class InProcessApi(string contentRoot, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<SmartBranch.Api.Common.Auth.AccessCache>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(ApiSettings.Environment);
            builder.UseContentRoot(contentRoot);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    /// <summary>
    /// One keep-alive HTTP/1.1 connection with blocking socket calls and buffers allocated once, so the process's
    /// allocations during a run are the server's. Reads Content-Length and chunked bodies; refuses non-2xx answers.
    /// </summary>
    internal sealed class RawClient : IDisposable
    {
        // An X-Forwarded-For value written in place before each request: "10.a.b.c" padded with spaces (the HTTP parser
        // trims them), so a request from another address allocates nothing either.
        private const string ForwardedHeader = "X-Forwarded-For: ";
        private const int AddressWidth = 15;

        private readonly Socket _socket;
        private readonly byte[][] _requests;
        private readonly int[] _statuses;
        private readonly byte[] _buffer = new byte[1 << 20];
        private readonly string _name;
        private readonly int? _addresses;
        private readonly int _addressAt;
        private long _sent;

        /// <summary>
        /// Connects to <paramref name="port"/>. With <paramref name="addresses"/> null every request comes from the
        /// loopback connection; otherwise each request's first step comes through the trusted loopback proxy from
        /// address number <c>i % addresses</c> (0: number <c>i</c>, a new address for every request), <c>i</c>
        /// counting this client's requests.
        /// </summary>
        public RawClient(int port, string name, IReadOnlyList<CostStep> steps, int? addresses = null)
        {
            _name = name;
            _addresses = addresses;
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            _socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            _requests = [.. steps.Select((step, i) => Encode(port, step, forwarded: addresses is not null && i == 0))];
            _statuses = [.. steps.Select(step => step.Status)];
            _addressAt = addresses is null ? -1 : _requests[0].AsSpan().IndexOf(Encoding.ASCII.GetBytes(ForwardedHeader)) + ForwardedHeader.Length;
        }

        private static byte[] Encode(int port, CostStep step, bool forwarded)
        {
            var head = new StringBuilder();
            head.Append(CultureInfo.InvariantCulture, $"{step.Method} {step.Path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
            if (forwarded)
            {
                head.Append(ForwardedHeader).Append(' ', AddressWidth).Append("\r\n");
            }

            if (step.Token is { } token)
            {
                head.Append(CultureInfo.InvariantCulture, $"Authorization: Bearer {token}\r\n");
            }

            var body = step.Body is null ? [] : Encoding.UTF8.GetBytes(step.Body);
            if (step.Body is not null)
            {
                head.Append(CultureInfo.InvariantCulture, $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n");
            }
            else if (step.Method != "GET")
            {
                head.Append("Content-Length: 0\r\n");
            }

            head.Append("\r\n");
            return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
        }

        /// <summary>Sends the row's requests <paramref name="count"/> times (each time all of them, in order).</summary>
        public void Send(int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (_addresses is { } pool)
                {
                    WriteAddress(pool == 0 ? _sent : _sent % pool);
                }

                _sent++;
                for (var step = 0; step < _requests.Length; step++)
                {
                    _socket.Send(_requests[step]);
                    ReadResponse(_statuses[step]);
                }
            }
        }

        private void WriteAddress(long number)
        {
            var field = _requests[0].AsSpan(_addressAt, AddressWidth);
            field.Fill((byte)' ');
            var at = 0;
            Span<long> octets = [10, (number >> 16) & 255, (number >> 8) & 255, number & 255];
            for (var i = 0; i < octets.Length; i++)
            {
                if (i > 0)
                {
                    field[at++] = (byte)'.';
                }

                System.Buffers.Text.Utf8Formatter.TryFormat(octets[i], field[at..], out var written);
                at += written;
            }
        }

        private void ReadResponse(int expected)
        {
            var filled = 0;
            int headerEnd;
            while ((headerEnd = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
            {
                filled += Receive(filled);
            }

            var head = _buffer.AsSpan(0, headerEnd);
            var status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
            if (expected == 0 ? status is < 200 or > 299 : status != expected)
            {
                throw new InvalidOperationException($"{_name} answered {status}: {Encoding.UTF8.GetString(_buffer, 0, filled)}");
            }

            var bodyStart = headerEnd + 4;
            if (status is 204 or 304)
            {
                return; // no body, and neither a length nor chunks to say so
            }

            var lengthAt = IndexOfHeader(head, "\r\ncontent-length:"u8);
            if (lengthAt >= 0)
            {
                var value = head[(lengthAt + 17)..];
                value = value[..(value.IndexOf("\r\n"u8) is var e and >= 0 ? e : value.Length)].Trim((byte)' ');
                var length = int.Parse(value, CultureInfo.InvariantCulture);
                while (filled < bodyStart + length)
                {
                    filled += Receive(filled);
                }

                return;
            }

            // Chunked: the body ends with a zero-length chunk.
            while (!_buffer.AsSpan(bodyStart, filled - bodyStart).EndsWith("\r\n0\r\n\r\n"u8) && !(filled - bodyStart == 5 && _buffer.AsSpan(bodyStart, 5).SequenceEqual("0\r\n\r\n"u8)))
            {
                filled += Receive(filled);
            }
        }

        private static int IndexOfHeader(ReadOnlySpan<byte> head, ReadOnlySpan<byte> lowerName)
        {
            for (var i = 0; i + lowerName.Length <= head.Length; i++)
            {
                var match = true;
                for (var j = 0; j < lowerName.Length && match; j++)
                {
                    var b = head[i + j];
                    match = (b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b) == lowerName[j];
                }

                if (match)
                {
                    return i;
                }
            }

            return -1;
        }

        private int Receive(int filled)
        {
            var read = _socket.Receive(_buffer, filled, _buffer.Length - filled, SocketFlags.None);
            return read > 0 ? read : throw new InvalidOperationException($"{_name}: the server closed the connection.");
        }

        public void Dispose() => _socket.Dispose();
    }
}
