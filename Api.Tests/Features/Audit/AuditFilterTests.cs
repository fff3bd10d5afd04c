using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Audit;

/// <summary>
/// The audit log's server-side filters (action or its area, actor, subject type, text, China-time dates) on a controlled
/// clock (starts Monday 2026-03-02 09:00 China time), paged after filtering; malformed filters are refused in Chinese.
/// </summary>
public sealed class AuditFilterTests() : SeededTest(branches: 2, members: 1, fakeTime: true)
{
    private HttpClient _secretary = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _secretary = await App.SignInAsync(Org.A.Secretary);
        var admin = await App.SignInAsync(Org.Admin);

        // 2026-03-02 09:00: the secretary adds 甲; 2026-03-03 23:30 China time (15:30 UTC): the admin adds 乙;
        // 2026-03-04 09:00: the secretary adds 丙 and posts a notice.
        await AddMemberAsync(_secretary, "审计甲");
        App.Time!.Advance(TimeSpan.FromHours(38.5));
        await AddMemberAsync(admin, "审计乙");
        App.Time.Advance(TimeSpan.FromHours(9.5));
        await AddMemberAsync(_secretary, "审计丙");
        var notice = await _secretary.PostAsJsonAsync("/api/notices", new
        {
            title = "审计通知",
            body = "<p>周五下午学习。</p>",
            visibility = "Internal",
            audience = new { unitIds = new[] { Org.A.Id } },
            requiresAck = false,
            pinned = false,
            confirmNotClassified = true,
        });
        Assert.That(notice.StatusCode, Is.EqualTo(HttpStatusCode.Created), await notice.Content.ReadAsStringAsync());
    }

    private async Task AddMemberAsync(HttpClient caller, string name)
    {
        var response = await caller.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/members", new { name, number = $"U{Guid.NewGuid():N}"[..16], status = "Full" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every page of the filtered log, following nextCursor with the same filters.</summary>
    private async Task<(List<JsonElement> Items, int Pages)> AllAsync(string filters, int limit = 200)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await _secretary.GetAsync($"/api/audit?unitId={Org.A.Id}&limit={limit}{filters}{(cursor is null ? string.Empty : $"&cursor={cursor}")}")).ReadAsync<JsonElement>();
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);
        return (items, pages);
    }

    private static IEnumerable<string> Summaries(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("summary").GetString()!);

    [Test]
    public async Task FiltersByActor_AndPagesOnlyTheMatchingRows()
    {
        var (everything, _) = await AllAsync(string.Empty);
        var (mine, pages) = await AllAsync($"&actor={Uri.EscapeDataString(Org.A.Secretary.Name)}", limit: 1);

        Assert.Multiple(() =>
        {
            Assert.That(mine.Select(i => i.GetProperty("id").GetInt64()), Is.EqualTo(everything.Where(i => i.GetProperty("actorName").GetString() == Org.A.Secretary.Name).Select(i => i.GetProperty("id").GetInt64())));
            Assert.That(mine, Has.Count.GreaterThanOrEqualTo(3), "甲, 丙 and the notice");
            Assert.That(pages, Is.EqualTo(mine.Count), "one matching row a page, and no empty last page");
            Assert.That(Summaries(mine), Has.None.Contains("审计乙"));
        });
    }

    [Test]
    public async Task FiltersByActionOrItsArea_AndBySubjectType_AndByText()
    {
        var (members, _) = await AllAsync("&action=member");
        var (created, _) = await AllAsync("&action=member.created");
        var (notices, _) = await AllAsync("&targetType=notice");
        var (text, _) = await AllAsync($"&text={Uri.EscapeDataString("审计丙")}");

        Assert.Multiple(() =>
        {
            Assert.That(members.Select(i => i.GetProperty("action").GetString()), Is.All.StartsWith("member."));
            Assert.That(created.Select(i => i.GetProperty("action").GetString()), Is.All.EqualTo("member.created"));
            Assert.That(Summaries(created).Count(s => s.Contains("审计", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(notices, Is.Not.Empty);
            Assert.That(notices.Select(i => i.GetProperty("targetType").GetString()), Is.All.EqualTo("notice"));
            Assert.That(Summaries(notices), Has.Some.Contains("审计通知"));
            Assert.That(Summaries(text).ToList(), Is.EqualTo(Summaries(created).Where(s => s.Contains("审计丙", StringComparison.Ordinal)).ToList()));
            Assert.That(Summaries(text).ToList(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task FiltersByChinaDate_InclusiveOfBothDays()
    {
        var (third, _) = await AllAsync("&from=2026-03-03&to=2026-03-03");
        var (fromFourth, _) = await AllAsync("&from=2026-03-04");
        var (toSecond, _) = await AllAsync("&to=2026-03-02");

        Assert.Multiple(() =>
        {
            Assert.That(Summaries(third), Has.Some.Contains("审计乙"), "23:30 China time is still the 3rd (15:30 UTC)");
            Assert.That(third.Select(i => i.GetProperty("actorName").GetString()), Is.All.EqualTo(Org.Admin.Name));
            Assert.That(Summaries(fromFourth), Has.Some.Contains("审计丙"));
            Assert.That(Summaries(fromFourth), Has.Some.Contains("审计通知"));
            Assert.That(Summaries(fromFourth), Has.None.Contains("审计乙"));
            Assert.That(Summaries(fromFourth), Has.None.Contains("审计甲"));
            Assert.That(Summaries(toSecond), Has.Some.Contains("审计甲"));
            Assert.That(Summaries(toSecond), Has.None.Contains("审计乙"));
        });
    }

    [TestCase("from=2026-13-01", "起始日期")]
    [TestCase("to=03%2F04%2F2026", "截止日期")]
    [TestCase("from=2026-03-05&to=2026-03-04", "起始日期不能晚于截止日期")]
    public async Task RefusesAMalformedFilter_InChinese(string query, string detail)
    {
        var problem = await (await _secretary.GetAsync($"/api/audit?unitId={Org.A.Id}&{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(detail));
    }

    [Test]
    public async Task RefusesAFilterLongerThan64Characters()
    {
        var problem = await (await _secretary.GetAsync($"/api/audit?unitId={Org.A.Id}&text={new string('审', 65)}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("64"));
    }
}
