using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using SmartBranch.Api.Common;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Every main list query is backed by an index: each SELECT the member's feed, the inbox, meetings and activities,
/// a notice's recipients and unread list, and the compliance report run is explained with SQLite's
/// <c>EXPLAIN QUERY PLAN</c>, and none may read a table that grows with the organisation by a full
/// <c>SCAN</c> (a SCAN of an index, a SEARCH, a json_each list or a subquery is fine). SQLite plans without
/// statistics as if every table were large, so the plan on a small test database is the plan at university scale.
/// Counted, not timed (deploy/bench/README.md has the timings).
/// </summary>
public sealed partial class QueryPlanTests : FunctionalTest
{
    // Tables whose rows grow with members, notices, meetings and time. The unit tree (Units) is small and read whole into the access cache.
    private static readonly HashSet<string> GrowingTables =
    [
        "Members", "Appointments", "Notices", "NoticeRecipients", "Meetings", "MeetingAttendees", "LeaveRequests",
        "Activities", "Enrollments", "InboxMessages", "Reminders", "SubscriptionQuotas",
    ];

    protected override AppFactory CreateApp() => new(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    });

    [Test]
    public async Task NoMainListQueryScansAGrowingTable()
    {
        if (TestSqlServer.ServerConnectionString is not null)
        {
            Assert.Ignore("EXPLAIN QUERY PLAN is SQLite's: on SQL Server this plan check does not apply (the SQL Server migration carries the same indexes).");
        }

        var (org, member) = await App.SeedSignedInAsync(members: 3, who: o => o.A.Members[0]);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var admin = await App.SignInAsync(org.Admin);
        var notice = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], requiresAck: true));

        var before = App.Logs.Lines.Count;
        foreach (var (client, url) in new[]
        {
            (member, "/api/notices"),
            (member, "/api/inbox"),
            (member, "/api/meetings"),
            (member, "/api/activities"),
            (secretary, "/api/notices"),
            (secretary, $"/api/notices/{notice}/recipients"),
            (secretary, $"/api/notices/{notice}/recipients?state=unread"),
            (admin, $"/api/org/units/{org.GeneralBranchId}/compliance"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {await response.Content.ReadAsStringAsync()}");
        }

        var selects = SelectsSince(before).Distinct().ToList();
        Assert.That(selects, Is.Not.Empty, "the command log at Information shows each query");

        await using var connection = await OpenAsync();
        var scans = new List<string>();
        foreach (var sql in selects)
        {
            var aliases = Aliases(sql);
            var neverRead = NeverRead().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet();
            foreach (var step in await PlanAsync(connection, sql))
            {
                if (ScanStep().Match(step) is { Success: true } scan
                    && !neverRead.Contains(scan.Groups[1].Value)
                    && GrowingTables.Contains(aliases.GetValueOrDefault(scan.Groups[1].Value, scan.Groups[1].Value)))
                {
                    scans.Add($"{step}\n    in: {sql}");
                }
            }
        }

        Assert.That(scans, Is.Empty, string.Join("\n\n", scans));
    }

    /// <summary>
    /// The compliance report of a general branch, with the access cache warm: only the queries that grow with the
    /// data (the unit, its branches and groups come from the cached unit tree), and each reads meetings, notices and
    /// activities by seeking to its branches' or units' rows, not through an organisation-wide index such as the
    /// scheduled meetings by end (at university scale: every meeting of 200 branches for 20 of them).
    /// </summary>
    [Test]
    public async Task ComplianceReportSeeksItsOwnBranchesOnly()
    {
        if (TestSqlServer.ServerConnectionString is not null)
        {
            Assert.Ignore("EXPLAIN QUERY PLAN is SQLite's: on SQL Server this plan check does not apply (the SQL Server migration carries the same indexes).");
        }

        var (org, admin) = await App.SeedSignedInAsync(branches: 2, members: 1, who: o => o.Admin);
        var url = $"/api/org/units/{org.GeneralBranchId}/compliance";
        Assert.That((await admin.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "fills the access cache");

        var before = App.Logs.Lines.Count;
        var response = await admin.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var commands = SelectsSince(before);
        int signs;
        using (var scope = App.Services.CreateScope())
        {
            signs = scope.ServiceProvider.GetServices<IBranchLifeSign>().Count();
        }

        Assert.That(commands, Has.Count.EqualTo(3 + signs), "the cadences, the meetings held, the themed activities, one query per sign of life:\n" + string.Join("\n\n", commands));
        await using var connection = await OpenAsync();
        var wide = new List<string>();
        foreach (var sql in commands)
        {
            var aliases = Aliases(sql);
            foreach (var step in await PlanAsync(connection, sql))
            {
                if (ReadStep().Match(step) is { Success: true } read
                    && aliases.GetValueOrDefault(read.Groups[1].Value, read.Groups[1].Value) is "Meetings" or "Notices" or "Activities"
                    && !BranchSeek().IsMatch(step))
                {
                    wide.Add($"{step}\n    in: {sql}");
                }
            }
        }

        Assert.That(wide, Is.Empty, string.Join("\n\n", wide));
    }

    private List<string> SelectsSince(int before) => App.Logs.Lines.Skip(before)
        .Where(l => l.Contains("Executed DbCommand", StringComparison.Ordinal))
        .Select(l => l[(l.IndexOf('\n', StringComparison.Ordinal) + 1)..].Trim())
        .Where(sql => sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        .ToList();

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(App.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default"));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
        {
            // The plan does not depend on the values.
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    /// <summary>Alias → table, from <c>FROM "Table" AS "a"</c> and <c>JOIN "Table" AS "a"</c>.</summary>
    private static Dictionary<string, string> Aliases(string sql) =>
        TableAlias().Matches(sql).GroupBy(m => m.Groups[2].Value).ToDictionary(g => g.Key, g => g.First().Groups[1].Value);

    // "SCAN n" or "SCAN Notices" alone is a full table scan; "SCAN n USING [COVERING] INDEX ix" reads an index.
    [GeneratedRegex(@"^SCAN (\w+)$")]
    private static partial Regex ScanStep();

    [GeneratedRegex(@"^(?:SCAN|SEARCH) (\w+)\b")]
    private static partial Regex ReadStep();

    // A seek on the leading branch or unit column: "SEARCH m USING INDEX IX_Meetings_BranchId_Status_StartsAt (BranchId=? AND …".
    [GeneratedRegex(@"^SEARCH \w+ USING (?:COVERING )?INDEX IX_\w+ \((?:BranchId|UnitId)=\?")]
    private static partial Regex BranchSeek();

    [GeneratedRegex(@"(?:FROM|JOIN)\s+""(\w+)""\s+AS\s+""(\w+)""", RegexOptions.IgnoreCase)]
    private static partial Regex TableAlias();

    // EF Core writes an empty list's Contains as WHERE 0: SQLite tests the constant once and never enters the loop.
    [GeneratedRegex(@"AS ""(\w+)""\s+WHERE 0\s*(?:\)|$|UNION|ORDER|LIMIT)")]
    private static partial Regex NeverRead();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
