using System.Text.Json;
using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Tests.Features.Interaction;

/// <summary>民主评议 over HTTP: secret ballots, results only after closing, counts checked by hand.</summary>
public sealed class AppraisalTests : FunctionalTest
{
    /// <summary>
    /// Branch A: the secretary, 10 full and 2 probationary plain members, and the admin (a full member of A):
    /// 12 voters. The first five plain members are appraised.
    /// </summary>
    private async Task<(SeededOrg Org, int RoundId, IReadOnlyList<SeededMember> Voters, IReadOnlyList<SeededMember> Appraised)> OpenRoundAsync()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 12, probationary: 2);
        var appraised = org.A.Members.Take(5).ToList();
        var created = await secretary.PostOkAsync("/api/appraisals", new
        {
            branchId = org.A.Id,
            title = "2025年度民主评议党员",
            periodStart = "2025-01-01",
            periodEnd = "2025-12-31",
            appraisedMemberIds = appraised.Select(m => m.Id),
        }, HttpStatusCode.Created);
        Assert.That(created.GetProperty("voters").GetInt32(), Is.EqualTo(12));
        Assert.That(created.GetProperty("appraised").GetInt32(), Is.EqualTo(5));
        IReadOnlyList<SeededMember> voters = [org.A.Secretary, .. org.A.Members.Where(m => m.Status == SmartBranch.Domain.Organization.MembershipStatus.Full), org.Admin];
        Assert.That(voters, Has.Count.EqualTo(12));
        return (org, created.GetProperty("id").GetInt32(), voters, appraised);
    }

    /// <summary>The grade voter <paramref name="i"/> (0–10) gives appraised member <paramref name="j"/> (0–4).</summary>
    private static string GradeOf(int i, int j) => j switch
    {
        0 => "Excellent",
        1 => i < 6 ? "Qualified" : "Excellent",
        2 => i < 2 ? "Unqualified" : i < 5 ? "BasicallyQualified" : "Qualified",
        3 => "Qualified",
        _ => i % 2 == 0 ? "Excellent" : "BasicallyQualified",
    };

    private static object Ballot(IReadOnlyList<SeededMember> appraised, Func<int, string> grade) =>
        new { choices = appraised.Select((m, j) => new { memberId = m.Id, grade = grade(j) }) };

    [Test]
    public async Task ResultsMatchHandCountedBallots_AndTheNonVoterIsNamed()
    {
        var (org, id, voters, appraised) = await OpenRoundAsync();
        var secretary = await App.SignInAsync(org.A.Secretary);

        await secretary.SendAsync(HttpMethod.Get, $"/api/appraisals/{id}/results", null, HttpStatusCode.Conflict);
        var nonVoter = voters[^2];
        var voting = voters.Where(v => v != nonVoter).ToList();
        for (var i = 0; i < voting.Count; i++)
        {
            var client = await App.SignInAsync(voting[i]);
            var form = await client.GetOkAsync($"/api/appraisals/{id}");
            Assert.That(form.GetProperty("canVote").GetBoolean(), Is.True);
            var voter = i;
            await client.PostOkAsync($"/api/appraisals/{id}/ballots", Ballot(appraised, j => GradeOf(voter, j)), HttpStatusCode.NoContent);
            Assert.That((await client.GetOkAsync($"/api/appraisals/{id}")).GetProperty("hasVoted").GetBoolean(), Is.True);
        }

        Assert.That((await secretary.GetOkAsync($"/api/appraisals/{id}")).GetProperty("voted").GetInt32(), Is.EqualTo(11));
        await secretary.PostOkAsync($"/api/appraisals/{id}/close", null, HttpStatusCode.NoContent);
        var results = await secretary.GetOkAsync($"/api/appraisals/{id}/results");

        Assert.That(results.GetProperty("voters").GetInt32(), Is.EqualTo(12));
        Assert.That(results.GetProperty("voted").GetInt32(), Is.EqualTo(11));
        Assert.That(results.GetProperty("turnoutPercent").GetDouble(), Is.EqualTo(91.7));
        Assert.That(results.GetProperty("nonVoters").EnumerateArray().Select(n => n.GetProperty("name").GetString()), Is.EqualTo(new[] { nonVoter.Name }));

        // Counted by hand from GradeOf over voters 0–10.
        var expected = new[]
        {
            new Dictionary<string, int> { ["Excellent"] = 11, ["Qualified"] = 0, ["BasicallyQualified"] = 0, ["Unqualified"] = 0 },
            new Dictionary<string, int> { ["Excellent"] = 5, ["Qualified"] = 6, ["BasicallyQualified"] = 0, ["Unqualified"] = 0 },
            new Dictionary<string, int> { ["Excellent"] = 0, ["Qualified"] = 6, ["BasicallyQualified"] = 3, ["Unqualified"] = 2 },
            new Dictionary<string, int> { ["Excellent"] = 0, ["Qualified"] = 11, ["BasicallyQualified"] = 0, ["Unqualified"] = 0 },
            new Dictionary<string, int> { ["Excellent"] = 6, ["Qualified"] = 0, ["BasicallyQualified"] = 5, ["Unqualified"] = 0 },
        };
        var byMember = results.GetProperty("appraised").EnumerateArray().ToDictionary(a => a.GetProperty("memberId").GetInt32());
        for (var j = 0; j < appraised.Count; j++)
        {
            var result = byMember[appraised[j].Id];
            Assert.That(result.GetProperty("ballots").GetInt32(), Is.EqualTo(11), appraised[j].Name);
            var counts = result.GetProperty("grades").EnumerateObject().ToDictionary(g => g.Name, g => g.Value.GetInt32());
            Assert.That(counts, Is.EqualTo(expected[j]), appraised[j].Name);
        }

        var xlsx = await secretary.GetAsync($"/api/appraisals/{id}/results.xlsx");
        Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var sheet = TableFile.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), TableFormat.Xlsx);
        var third = sheet.Single(r => r["姓名"] == appraised[2].Name);
        Assert.That((third["票数"], third["优秀"], third["合格"], third["基本合格"], third["不合格"]), Is.EqualTo(("11", "0", "6", "3", "2")));
        Assert.That(sheet.Any(r => r["姓名"].Contains(nonVoter.Name, StringComparison.Ordinal)), Is.True, "the export names the non-voter");
    }

    [Test]
    public async Task ABallotCannotBeCastTwice_OrAfterClosing_OrByAProbationaryMember()
    {
        var (org, id, voters, appraised) = await OpenRoundAsync();
        var first = await App.SignInAsync(voters[1]);
        await first.PostOkAsync($"/api/appraisals/{id}/ballots", Ballot(appraised, _ => "Qualified"), HttpStatusCode.NoContent);
        await first.PostOkAsync($"/api/appraisals/{id}/ballots", Ballot(appraised, _ => "Excellent"), HttpStatusCode.Conflict);

        var incomplete = await App.SignInAsync(voters[2]);
        await incomplete.PostOkAsync($"/api/appraisals/{id}/ballots", Ballot(appraised.Take(4).ToList(), _ => "Qualified"), HttpStatusCode.BadRequest);
        await incomplete.PostOkAsync($"/api/appraisals/{id}/ballots", new { choices = appraised.Select(m => new { memberId = m.Id, grade = "Great" }) }, HttpStatusCode.BadRequest);

        var probationary = await App.SignInAsync(org.A.Members[^1]);
        Assert.That((await probationary.GetOkAsync($"/api/appraisals/{id}")).GetProperty("canVote").GetBoolean(), Is.False);
        await probationary.PostOkAsync($"/api/appraisals/{id}/ballots", Ballot(appraised, _ => "Qualified"), HttpStatusCode.Forbidden);

        var secretary = await App.SignInAsync(org.A.Secretary);
        await secretary.PostOkAsync($"/api/appraisals/{id}/close", null, HttpStatusCode.NoContent);
        await incomplete.PostOkAsync($"/api/appraisals/{id}/ballots", Ballot(appraised, _ => "Qualified"), HttpStatusCode.Conflict);
        await secretary.PostOkAsync($"/api/appraisals/{id}/close", null, HttpStatusCode.Conflict);

        Assert.That(await App.WithDbAsync(db => db.Ballots.CountAsync(b => b.RoundId == id)), Is.EqualTo(5), "one voter's five ballots, nothing else");
        var results = await secretary.GetOkAsync($"/api/appraisals/{id}/results");
        Assert.That(results.GetProperty("appraised").EnumerateArray().Select(a => a.GetProperty("grades").ValueKind), Is.All.EqualTo(JsonValueKind.Null),
            "one ballot per member: fewer than 3 show no breakdown");
        Assert.That(results.GetProperty("appraised").EnumerateArray().Select(a => a.GetProperty("ballots").GetInt32()), Is.All.EqualTo(1));
    }

    [Test]
    public async Task SelfAppraisalIsSeparateFromBallots()
    {
        var (org, id, _, appraised) = await OpenRoundAsync();
        var member = await App.SignInAsync(appraised[0]);
        await member.SendAsync(HttpMethod.Put, $"/api/appraisals/{id}/self-appraisal", new { text = "本年度认真参加组织生活，按时交纳党费。" }, HttpStatusCode.NoContent);
        await (await App.SignInAsync(org.A.Members[7])).SendAsync(HttpMethod.Put, $"/api/appraisals/{id}/self-appraisal", new { text = "我不在名单上" }, HttpStatusCode.Forbidden);

        var form = await (await App.SignInAsync(org.A.Members[6])).GetOkAsync($"/api/appraisals/{id}");
        var entry = form.GetProperty("appraisedMembers").EnumerateArray().Single(a => a.GetProperty("memberId").GetInt32() == appraised[0].Id);
        Assert.That(entry.GetProperty("selfAppraisal").GetString(), Does.Contain("按时交纳党费"));
        Assert.That(await App.WithDbAsync(db => db.Ballots.CountAsync(b => b.RoundId == id)), Is.Zero);
    }

    [Test]
    public async Task BallotsCarryNothingThatIdentifiesTheVoter()
    {
        var (_, id, voters, appraised) = await OpenRoundAsync();

        // The stored shape: a ballot row has no voter, no time, no ordering key; the participation row has no time.
        var (ballotColumns, voterColumns) = await App.WithDbAsync(async db =>
        {
            var ballot = db.Model.FindEntityType(typeof(Ballot))!;
            var voter = db.Model.FindEntityType(typeof(AppraisalVoter))!;
            Assert.That(ballot.FindPrimaryKey()!.Properties.Single().ValueGenerated, Is.EqualTo(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never), "the id comes from Guid.NewGuid, not a sequential generator");
            return (await ColumnsAsync(db, ballot.GetTableName()!), await ColumnsAsync(db, voter.GetTableName()!));
        });
        Assert.That(ballotColumns, Is.EquivalentTo(new[] { "Id", "RoundId", "AppraisedMemberId", "Grade", "Comment" }));
        Assert.That(voterColumns, Is.EquivalentTo(new[] { "Id", "RoundId", "MemberId", "HasVoted" }));

        // Three voters, each with a comment of their own; the stored ballots are checked value by value.
        var casting = voters.Take(3).ToList();
        foreach (var voter in casting)
        {
            var client = await App.SignInAsync(voter);
            await client.PostOkAsync($"/api/appraisals/{id}/ballots",
                new { choices = appraised.Select(m => new { memberId = m.Id, grade = "Qualified", comment = "表现良好" }) }, HttpStatusCode.NoContent);
        }

        var rows = await App.WithDbAsync(db => db.Ballots.AsNoTracking().Where(b => b.RoundId == id).ToListAsync());
        Assert.That(rows, Has.Count.EqualTo(15));
        var appraisedIds = appraised.Select(m => m.Id).ToHashSet();
        foreach (var row in rows)
        {
            Assert.That(row.Id.Version, Is.EqualTo(4), "random (version 4) ids: no order to match against anything");
            Assert.That(appraisedIds, Does.Contain(row.AppraisedMemberId), "the only member a ballot names is the one appraised");
            Assert.That(row.Comment, Is.EqualTo("表现良好"));
        }

        foreach (var voter in casting.Where(v => !appraisedIds.Contains(v.Id)))
        {
            Assert.That(rows.Select(r => r.AppraisedMemberId), Does.Not.Contain(voter.Id));
        }

        // Every voter's ballots look the same: each appraised member got one per voter, nothing groups them by voter.
        Assert.That(rows.GroupBy(r => r.AppraisedMemberId).Select(g => g.Count()), Is.All.EqualTo(3));
        var participation = await App.WithDbAsync(db => db.AppraisalVoters.AsNoTracking().Where(v => v.RoundId == id && v.HasVoted).Select(v => v.MemberId).ToListAsync());
        Assert.That(participation, Is.EquivalentTo(casting.Select(v => v.Id)));
    }

    private static async Task<List<string>> ColumnsAsync(AppDbContext db, string table) =>
        db.Database.IsSqlite()
            ? await db.Database.SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info({table})").ToListAsync()
            : await db.Database.SqlQuery<string>($"SELECT COLUMN_NAME AS Value FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = {table}").ToListAsync();
}
