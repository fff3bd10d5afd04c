using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Interaction;

/// <summary>
/// The list of a target's polls answers each poll exactly as <c>GET /api/polls/{id}</c> does (secret ballots stay
/// secret, open or closed), and builds them from the same number of queries whatever the number of polls.
/// </summary>
public sealed class PollListTests : FunctionalTest
{
    private SqlCounter? _voteQueries;

    [OneTimeTearDown]
    public void StopCounting() => _voteQueries?.Dispose();

    /// <summary>The app, with a counter of the commands that read the votes made before it starts (see <see cref="SqlCounter"/>).</summary>
    protected override AppFactory CreateApp()
    {
        var app = new AppFactory();
        _voteQueries = new SqlCounter(app, mentioning: "\"PollVotes\"");
        return app;
    }

    [Test]
    public async Task ListAnswersEachPollAsGetPollDoes_FromAFixedNumberOfVoteQueries()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 3);
        var m = await Task.WhenAll(org.A.Members.Select(App.SignInAsync));
        var named = await CreateAsync(secretary, org.A.Id, multipleChoice: false, anonymous: false);
        var secret = await CreateAsync(secretary, org.A.Id, multipleChoice: true, anonymous: true);
        var namedClosed = await CreateAsync(secretary, org.A.Id, multipleChoice: true, anonymous: false);
        var secretClosed = await CreateAsync(secretary, org.A.Id, multipleChoice: false, anonymous: true);
        await VoteAsync(m[0], named, 0);
        await VoteAsync(m[1], named, 1);
        await VoteAsync(secretary, named, 0);
        await VoteAsync(m[0], secret, 0, 2);
        await VoteAsync(m[1], secret, 2);
        await VoteAsync(secretary, secret, 1, 2);
        await VoteAsync(m[0], namedClosed, 0, 1);
        await VoteAsync(m[2], namedClosed, 1);
        await VoteAsync(m[1], secretClosed, 1);
        await VoteAsync(secretary, secretClosed, 0);
        await secretary.PostOkAsync($"/api/polls/{namedClosed.Id}/close", null);
        await secretary.PostOkAsync($"/api/polls/{secretClosed.Id}/close", null);
        string[] names = [org.A.Secretary.Name, .. org.A.Members.Select(x => x.Name)];
        var url = $"/api/polls?targetKind=Unit&targetId={org.A.Id}";

        foreach (var caller in new[] { secretary, m[0], m[2] })
        {
            var list = await caller.GetOkAsync(url);
            Assert.That(list.Ids(), Is.EquivalentTo(new[] { named.Id, secret.Id, namedClosed.Id, secretClosed.Id }));
            foreach (var id in list.Ids())
            {
                var single = await caller.GetOkAsync($"/api/polls/{id}");
                Assert.That(JsonElement.DeepEquals(list.Item(id), single), Is.True, $"poll {id}: listed {list.Item(id)}, alone {single}");
            }

            foreach (var poll in new[] { secret, secretClosed })
            {
                Assert.That(names.Where(list.Item(poll.Id).ToString().Contains), Is.Empty, "a secret ballot names nobody, open or closed");
                Assert.That(Voters(list.Item(poll.Id)), Is.All.Null);
            }
        }

        var bySecretary = await secretary.GetOkAsync(url);
        var byMember = await m[0].GetOkAsync(url);
        Assert.Multiple(() =>
        {
            Assert.That(Voters(bySecretary.Item(named.Id))[0], Is.EqualTo(new[] { org.A.Secretary.Name, org.A.Members[0].Name }.Order(StringComparer.Ordinal)), "the organiser sees who chose what");
            Assert.That(Voters(bySecretary.Item(namedClosed.Id))[1], Is.EquivalentTo(new[] { org.A.Members[0].Name, org.A.Members[2].Name }), "also once closed");
            Assert.That(Voters(byMember.Item(named.Id)), Is.All.Null, "members see counts, not names");
            Assert.That(Votes(bySecretary.Item(secret.Id)), Is.EqualTo(new[] { 1, 1, 3 }));
            Assert.That(bySecretary.Item(secret.Id).GetProperty("voters").GetInt32(), Is.EqualTo(3));
            Assert.That(MyChoices(bySecretary.Item(secret.Id)), Is.EqualTo(new[] { secret.Options[1], secret.Options[2] }));
            Assert.That(MyChoices(byMember.Item(secret.Id)), Is.EqualTo(new[] { secret.Options[0], secret.Options[2] }), "each caller sees their own choices");
            Assert.That(MyChoices(byMember.Item(secretClosed.Id)), Is.Empty);
            Assert.That(Votes(bySecretary.Item(namedClosed.Id)), Is.EqualTo(new[] { 1, 2, 0 }));
            Assert.That(bySecretary.Item(namedClosed.Id).GetProperty("voters").GetInt32(), Is.EqualTo(2));
            Assert.That(bySecretary.Item(secretClosed.Id).GetProperty("open").GetBoolean(), Is.False);
            Assert.That(bySecretary.Item(secret.Id).GetProperty("open").GetBoolean(), Is.True);
        });

        var sql = _voteQueries!;
        sql.ResetCommands();
        await secretary.GetOkAsync(url);
        await m[0].GetOkAsync(url);
        var withFour = sql.Commands;
        for (var i = 0; i < 4; i++)
        {
            var more = await CreateAsync(secretary, org.A.Id, multipleChoice: i % 2 == 0, anonymous: i < 2);
            await VoteAsync(m[i % 3], more, 0);
            await VoteAsync(secretary, more, 1);
        }

        sql.ResetCommands();
        var longer = await secretary.GetOkAsync(url);
        await m[0].GetOkAsync(url);
        Assert.That(longer.Ids(), Has.Count.EqualTo(8));
        Assert.That(sql.Commands, Is.EqualTo(withFour), "queries of the votes for a list of eight polls as for four (an organiser, then a member)");
        Assert.That(withFour, Is.EqualTo(5), "counts per option and voters per poll for both callers, who chose what for the organiser only");
    }

    private static async Task<(int Id, int[] Options)> CreateAsync(HttpClient client, int unitId, bool multipleChoice, bool anonymous)
    {
        var poll = await client.PostOkAsync("/api/polls", new
        {
            targetKind = "Unit",
            targetId = unitId,
            question = anonymous ? "本学期的组织生活满意吗？" : "主题党日去哪里？",
            options = new[] { "第一项", "第二项", "第三项" },
            multipleChoice,
            anonymous,
            closesAt = DateTimeOffset.UtcNow.AddDays(2),
        }, HttpStatusCode.Created);
        return (poll.GetProperty("id").GetInt32(), poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToArray());
    }

    private static Task VoteAsync(HttpClient client, (int Id, int[] Options) poll, params int[] choices) =>
        client.PostOkAsync($"/api/polls/{poll.Id}/votes", new { optionIds = choices.Select(c => poll.Options[c]).ToArray() });

    private static List<string?[]?> Voters(JsonElement poll) =>
        poll.GetProperty("options").EnumerateArray()
            .Select(o => o.GetProperty("voters").ValueKind == JsonValueKind.Null ? null : o.GetProperty("voters").EnumerateArray().Select(v => v.GetString()).ToArray())
            .ToList();

    private static int[] Votes(JsonElement poll) => poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("votes").GetInt32()).ToArray();

    private static int[] MyChoices(JsonElement poll) => poll.GetProperty("myChoices").EnumerateArray().Select(c => c.GetInt32()).ToArray();
}
