using System.Text.Json;
using SmartBranch.Api.Messaging;
using SmartBranch.Api.Tests.Messaging;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Tests.Features.Reminders;

public sealed class GetSubjectRemindersTests() : SeededTest(branches: 2, members: 3)
{
    private const string TestSubject = "test-subject";
    private readonly FakeSubjects _subjects = new();
    private int _subjectId;

    protected override AppFactory CreateApp() => new(
        new Dictionary<string, string?> { ["Reminders:SendConcurrency"] = "1" },
        fakeTime: true,
        configureServices: services => services.AddSingleton<ISubjectOwnerResolver>(_subjects));

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _subjectId = ReminderKit.NewSubjectId();
        _subjects.Owners[_subjectId] = Org.A.Id;
        var (reached, inboxOnly, failed) = (Org.A.Members[0], Org.A.Members[1], Org.A.Members[2]);
        await App.BankAsync(reached);
        await App.BankAsync(failed);
        var now = App.Time!.GetUtcNow();

        await App.ScheduleAsync(TestSubject, _subjectId, "24h", [failed.Id], now);
        App.Emulator.FailNext(WeChatSubscribeMessages.SendPath, WeChatErrorCodes.InvalidOpenId);
        await App.DrainAsync();
        await App.ScheduleAsync(TestSubject, _subjectId, "24h", [reached.Id, inboxOnly.Id], now);
        await App.DrainAsync();
        await App.ScheduleAsync(TestSubject, _subjectId, "1h", [reached.Id], now.AddHours(3));
    }

    [Test]
    public async Task ShowsWhoWasReachedByWeChatByInboxOnlyAndWhoFailed_WhenSecretaryAsks()
    {
        var client = await App.SignInAsync(Org.A.Secretary);

        var response = await client.GetAsync($"/api/reminders?subjectType={TestSubject}&subjectId={_subjectId}");

        var body = await response.ReadAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("reachedByWeChat").GetInt32(), Is.EqualTo(1));
            Assert.That(body.GetProperty("inboxOnly").GetInt32(), Is.EqualTo(1));
            Assert.That(body.GetProperty("failed").GetInt32(), Is.EqualTo(1));
            Assert.That(body.GetProperty("pending").GetInt32(), Is.EqualTo(1));
        });
        var statusByMember = body.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("slot").GetString() == "24h")
            .ToDictionary(i => i.GetProperty("memberName").GetString()!, i => i.GetProperty("status").GetString());
        Assert.That(statusByMember, Is.EquivalentTo(new Dictionary<string, string?>
        {
            [Org.A.Members[0].Name] = "Sent",
            [Org.A.Members[1].Name] = "NoQuota",
            [Org.A.Members[2].Name] = "Failed",
        }));
    }

    [Test]
    public async Task Returns200_WhenGeneralBranchAdminAsks()
    {
        var client = await App.SignInAsync(Org.Admin);

        var response = await client.GetAsync($"/api/reminders?subjectType={TestSubject}&subjectId={_subjectId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returns404_WhenAnotherBranchsSecretaryAsks()
    {
        var client = await App.SignInAsync(Org.B.Secretary);

        await (await client.GetAsync($"/api/reminders?subjectType={TestSubject}&subjectId={_subjectId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns404_WhenAPlainMemberOfTheBranchAsks()
    {
        var client = await App.SignInAsync(Org.A.Members[0]);

        await (await client.GetAsync($"/api/reminders?subjectType={TestSubject}&subjectId={_subjectId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns404_WhenTheSubjectDoesNotExist()
    {
        var client = await App.SignInAsync(Org.A.Secretary);

        await (await client.GetAsync($"/api/reminders?subjectType={TestSubject}&subjectId=999999999")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns400_WhenTheSubjectTypeIsUnknown()
    {
        var client = await App.SignInAsync(Org.A.Secretary);

        var problem = await (await client.GetAsync($"/api/reminders?subjectType=spaceship&subjectId={_subjectId}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("spaceship"));
    }

    [Test]
    public async Task Returns400_WhenSubjectIdIsMissing()
    {
        var client = await App.SignInAsync(Org.A.Secretary);

        var problem = await (await client.GetAsync($"/api/reminders?subjectType={TestSubject}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").TryGetProperty("subjectId", out _), Is.True);
    }

    private sealed class FakeSubjects : ISubjectOwnerResolver
    {
        public Dictionary<int, int> Owners { get; } = [];

        public string SubjectType => TestSubject;

        public Task<int?> FindOwnerUnitIdAsync(int subjectId, CancellationToken cancellationToken) =>
            Task.FromResult(Owners.TryGetValue(subjectId, out var unitId) ? unitId : (int?)null);
    }
}
