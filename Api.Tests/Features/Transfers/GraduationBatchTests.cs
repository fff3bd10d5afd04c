using System.Text;
using System.Text.Json;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Tests.Features.Transfers;

/// <summary>The graduation batch of a student branch: all or nothing, bad rows reported, dry run first.</summary>
public sealed class GraduationBatchTests : FunctionalTest
{
    private static readonly string[] Destinations = ["升学", "就业", "出国(境)", "暂缓就业", "其他"];

    [Test]
    public async Task ReportsExactlyBadRowsAndWritesNothing_ThenCreates300Transfers_WhenFileIsCorrected()
    {
        var org = await App.SeedAsync(branches: 1, members: 0);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var graduates = await App.WithDbAsync(async db =>
        {
            var added = Enumerable.Range(0, 300).Select(i => new Member($"毕业生{tag}{i}", $"G{tag}{i:D3}", org.A.Id, MembershipStatus.Full)).ToList();
            db.Members.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(m => (m.Name, m.Number)).ToList();
        });
        var secretary = await App.SignInAsync(org.A.Secretary);

        string[] Row(int i) => [graduates[i].Number, graduates[i].Name, Destinations[i % 5], i % 5 == 3 ? string.Empty : $"中共某单位{i}委员会"];
        var rows = Enumerable.Range(0, 300).Select(Row).ToList();
        var bad = rows.ToList();
        bad[49] = [graduates[49].Number, graduates[49].Name, "旅游", "某单位"];
        bad[200] = [$"X{tag}", "查无此人", "就业", "某单位"];

        var refused = await secretary.PostAsync($"/api/org/units/{org.A.Id}/transfers/graduation?dryRun=true", Upload(bad));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        var refusedForReal = await secretary.PostAsync($"/api/org/units/{org.A.Id}/transfers/graduation", Upload(bad));
        var afterRefusal = await CountAsync(org.A.Id);

        var dry = await secretary.PostAsync($"/api/org/units/{org.A.Id}/transfers/graduation?dryRun=true", Upload(rows));
        var afterDryRun = await CountAsync(org.A.Id);
        var done = await secretary.PostAsync($"/api/org/units/{org.A.Id}/transfers/graduation?dryRun=false", Upload(rows));
        var created = await App.WithDbAsync(db => db.Transfers.Where(t => t.FromBranchId == org.A.Id).Select(t => new { t.Kind, t.State, t.Destination }).ToListAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()), Is.EqualTo(new[] { 51, 202 }));
            await refusedForReal.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(afterRefusal, Is.Zero);
            Assert.That(dry.StatusCode, Is.EqualTo(HttpStatusCode.OK), await dry.Content.ReadAsStringAsync());
            Assert.That((await dry.ReadAsync<JsonElement>()).GetProperty("rows").GetInt32(), Is.EqualTo(300));
            Assert.That(afterDryRun, Is.Zero);
            Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), await done.Content.ReadAsStringAsync());
            Assert.That((await done.ReadAsync<JsonElement>()).GetProperty("created").GetInt32(), Is.EqualTo(300));
            Assert.That(created, Has.Count.EqualTo(300));
            Assert.That(created.All(t => t.Kind == TransferKind.Outgoing && t.State == TransferState.Approved), Is.True);
            Assert.That(created.Count(t => t.Destination == GraduationDestination.Abroad), Is.EqualTo(60));
        });
    }

    [Test]
    public async Task CreatesTheTransfersOnce_WhenTheConfirmationIsSentTwiceWithOneKey()
    {
        var org = await App.SeedAsync(branches: 1, members: 0);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var graduates = await App.WithDbAsync(async db =>
        {
            var added = Enumerable.Range(0, 3).Select(i => new Member($"毕业生{tag}{i}", $"G{tag}{i:D3}", org.A.Id, MembershipStatus.Full)).ToList();
            db.Members.AddRange(added);
            await db.SaveChangesAsync();
            return added;
        });
        var secretary = await App.SignInAsync(org.A.Secretary);
        var rows = graduates.Select(g => new[] { g.Number, g.Name, "就业", "中共某单位委员会" }).ToList();
        var key = Guid.NewGuid().ToString();

        HttpRequestMessage Confirm() => new(HttpMethod.Post, $"/api/org/units/{org.A.Id}/transfers/graduation")
        {
            Content = Upload(rows),
            Headers = { { "Idempotency-Key", key } },
        };

        var first = await secretary.SendAsync(Confirm());
        var again = await secretary.SendAsync(Confirm());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
        Assert.That(again.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        Assert.That((await again.ReadAsync<JsonElement>()).GetProperty("created").GetInt32(), Is.EqualTo(3));
        Assert.That(await CountAsync(org.A.Id), Is.EqualTo(3));
    }

    private Task<int> CountAsync(int branchId) => App.WithDbAsync(db => db.Transfers.CountAsync(t => t.FromBranchId == branchId));

    private static MultipartFormDataContent Upload(IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder("学工号,姓名,毕业去向,转入党组织\r\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row)).Append("\r\n");
        }

        return Org.OrgTestData.Upload(Encoding.UTF8.GetBytes(csv.ToString()), "graduates.csv");
    }
}
