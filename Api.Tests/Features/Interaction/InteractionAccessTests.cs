using SmartBranch.Api.Tests.Features.Activities;

namespace SmartBranch.Api.Tests.Features.Interaction;

/// <summary>
/// Every mailbox, appraisal, poll and wall endpoint, called by each kind of caller. Rows run in order and callers
/// in the order of <see cref="Callers"/>, so a row that changes state (answer, close) shows the later callers'
/// answer to the changed state (409).
/// </summary>
public sealed class InteractionAccessTests : FunctionalTest
{
    private static readonly string[] Callers = ["anonymous", "unbound", "member", "other branch member", "secretary", "other branch secretary", "admin"];

    private sealed record Row(string Name, HttpMethod Method, string Path, Func<object?> Body, int[] Expected);

    private const int Unauthorized = 401;
    private const int Forbidden = 403;
    private const int NotFound = 404;

    [Test]
    public async Task EveryEndpointAnswersEachCallerKindAsSpecified()
    {
        var org = await App.SeedAsync(members: 4);
        var clients = new[]
        {
            App.CreateClient(),
            await App.SignInUnboundAsync(),
            await App.SignInAsync(org.A.Members[1]),
            await App.SignInAsync(org.B.Members[0]),
            await App.SignInAsync(org.A.Secretary),
            await App.SignInAsync(org.B.Secretary),
            await App.SignInAsync(org.Admin),
        };
        var secretary = clients[4];

        var writer = await App.SignInAsync(org.A.Members[0]);
        var message = await writer.WriteToMailboxAsync("希望组织一次读书分享会。");
        var round = (await secretary.PostOkAsync("/api/appraisals", new { branchId = org.A.Id, title = "年度评议", periodStart = "2025-01-01", periodEnd = "2025-12-31", appraisedMemberIds = new[] { org.A.Members[2].Id } }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var poll = await secretary.PostOkAsync("/api/polls", PollBody(org.A.Id), HttpStatusCode.Created);
        var pollId = poll.GetProperty("id").GetInt32();
        var option = poll.GetProperty("options")[0].GetProperty("id").GetInt32();
        var activity = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow);
        var secondActivity = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow);
        var wall = (await secretary.PostOkAsync("/api/walls", new { targetKind = "Activity", targetId = activity, requiresApproval = true }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var wallMessage = (await writer.PostOkAsync($"/api/walls/{wall}/messages", new { text = "加油！" }, HttpStatusCode.Created)).GetProperty("id").GetInt32();

        object Ballot() => new { choices = new[] { new { memberId = org.A.Members[2].Id, grade = "Qualified" } } };
        Row R(string name, string method, string path, int[] expected, Func<object?>? body = null) => new(name, new HttpMethod(method), path, body ?? (() => null), expected);

        Row[] rows =
        [
            // Mailbox
            R("SendMailboxMessage", "POST", "/api/mailbox", [Unauthorized, Forbidden, 201, 201, 201, 201, 201], () => new { addressee = "Branch", category = "Question", text = "请问党费标准？", anonymous = false }),
            R("ListMyMailboxMessages", "GET", "/api/mailbox/mine", [Unauthorized, Forbidden, 200, 200, 200, 200, 200]),
            R("ListMailbox", "GET", "/api/mailbox", [Unauthorized, Forbidden, 200, 200, 200, 200, 200]),
            R("GetMailboxFigures", "GET", $"/api/mailbox/figures?generalBranchId={org.GeneralBranchId}", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, 200]),
            R("GetMailboxMessage", "GET", $"/api/mailbox/{message}", [Unauthorized, Forbidden, NotFound, NotFound, 200, NotFound, NotFound]),
            R("AnswerMailboxMessage", "POST", $"/api/mailbox/{message}/answer", [Unauthorized, Forbidden, NotFound, NotFound, 200, NotFound, NotFound], () => new { text = "好的，下月安排。" }),
            R("MarkMailboxResolution", "POST", $"/api/mailbox/{message}/resolution", [Unauthorized, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound], () => new { resolved = true }),

            // Appraisals
            R("OpenAppraisalRound", "POST", "/api/appraisals", [Unauthorized, Forbidden, Forbidden, NotFound, 201, NotFound, 201],
                () => new { branchId = org.A.Id, title = "补充评议", periodStart = "2025-01-01", periodEnd = "2025-12-31", appraisedMemberIds = new[] { org.A.Members[3].Id } }),
            R("ListAppraisalRounds", "GET", $"/api/appraisals?branchId={org.A.Id}", [Unauthorized, Forbidden, 200, NotFound, 200, NotFound, 200]),
            R("GetAppraisalRound", "GET", $"/api/appraisals/{round}", [Unauthorized, Forbidden, 200, NotFound, 200, NotFound, 200]),
            R("CastBallots", "POST", $"/api/appraisals/{round}/ballots", [Unauthorized, Forbidden, 204, NotFound, 204, NotFound, 204], Ballot),
            R("WriteSelfAppraisal", "PUT", $"/api/appraisals/{round}/self-appraisal", [Unauthorized, Forbidden, Forbidden, NotFound, Forbidden, NotFound, Forbidden], () => new { text = "自评" }),
            R("GetAppraisalResults (open)", "GET", $"/api/appraisals/{round}/results", [Unauthorized, Forbidden, Forbidden, NotFound, 409, NotFound, 409]),
            R("CloseAppraisalRound", "POST", $"/api/appraisals/{round}/close", [Unauthorized, Forbidden, Forbidden, NotFound, 204, NotFound, 409]),
            R("GetAppraisalResults", "GET", $"/api/appraisals/{round}/results", [Unauthorized, Forbidden, Forbidden, NotFound, 200, NotFound, 200]),
            R("ExportAppraisalResults", "GET", $"/api/appraisals/{round}/results.xlsx", [Unauthorized, Forbidden, Forbidden, NotFound, 200, NotFound, 200]),

            // Polls
            R("CreatePoll", "POST", "/api/polls", [Unauthorized, Forbidden, Forbidden, NotFound, 201, NotFound, 201], () => PollBody(org.A.Id)),
            R("ListPolls", "GET", $"/api/polls?targetKind=Unit&targetId={org.A.Id}", [Unauthorized, Forbidden, 200, NotFound, 200, NotFound, 200]),
            R("GetPoll", "GET", $"/api/polls/{pollId}", [Unauthorized, Forbidden, 200, NotFound, 200, NotFound, 200]),
            R("VoteInPoll", "POST", $"/api/polls/{pollId}/votes", [Unauthorized, Forbidden, 200, NotFound, 200, NotFound, 200], () => new { optionIds = new[] { option } }),
            R("ClosePoll", "POST", $"/api/polls/{pollId}/close", [Unauthorized, Forbidden, Forbidden, NotFound, 200, NotFound, 409]),

            // Walls
            R("OpenMessageWall", "POST", "/api/walls", [Unauthorized, Forbidden, Forbidden, NotFound, 201, NotFound, 409], () => new { targetKind = "Activity", targetId = secondActivity, requiresApproval = false }),
            R("FindMessageWall", "GET", $"/api/walls?targetKind=Activity&targetId={activity}", [Unauthorized, Forbidden, 200, NotFound, 200, NotFound, 200]),
            R("GetMessageWall", "GET", $"/api/walls/{wall}", [Unauthorized, Forbidden, 200, NotFound, 200, NotFound, 200]),
            R("PostWallMessage", "POST", $"/api/walls/{wall}/messages", [Unauthorized, Forbidden, 201, NotFound, 201, NotFound, 201], () => new { text = "赞！" }),
            R("DecideWallMessage", "POST", $"/api/walls/{wall}/messages/{wallMessage}/decision", [Unauthorized, Forbidden, Forbidden, NotFound, 200, NotFound, 409], () => new { approve = true }),
            R("CloseMessageWall", "POST", $"/api/walls/{wall}/close", [Unauthorized, Forbidden, Forbidden, NotFound, 204, NotFound, 409]),
        ];

        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            for (var c = 0; c < Callers.Length; c++)
            {
                var body = row.Body();
                var response = await clients[c].SendAsync(new HttpRequestMessage(row.Method, row.Path) { Content = body is null ? null : JsonContent.Create(body) });
                if ((int)response.StatusCode != row.Expected[c])
                {
                    mismatches.Add($"{row.Name} as {Callers[c]}: expected {row.Expected[c]}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.That(mismatches, Is.Empty, string.Join("\n", mismatches));

        // Lists answer 200 to everyone bound, but hold only what the caller may read.
        var memberList = await clients[2].GetOkAsync("/api/mailbox");
        Assert.That(memberList.Ids(), Does.Not.Contain(message));
        Assert.That((await clients[5].GetOkAsync("/api/mailbox")).Ids(), Does.Not.Contain(message));
        Assert.That((await secretary.GetOkAsync("/api/mailbox")).Ids(), Does.Contain(message));
    }

    private static object PollBody(int unitId) => new
    {
        targetKind = "Unit",
        targetId = unitId,
        question = "活动时间？",
        options = new[] { "周六上午", "周日下午" },
        multipleChoice = false,
        anonymous = true,
        closesAt = DateTimeOffset.UtcNow.AddDays(3),
    };
}
