using System.Text.Json;
using System.Text.RegularExpressions;
using SmartBranch.Api.Areas.Console;
using SmartBranch.Api.Common;
using SmartBranch.Api.Common.Errors;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.ConsoleLogin;
using SmartBranch.Api.Tests.Features.Notices;
using SmartBranch.Api.Tests.Features.Portal;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// A 404 says what was not found: an address nothing answers says the address does not exist; a known route whose
/// resource is missing names the resource, with the same answer for a stranger as for a missing row.
/// </summary>
public sealed partial class NotFoundTests() : SeededTest(branches: 2, members: 2)
{
    private HttpClient _secretary = null!;
    private HttpClient _stranger = null!;

    [OneTimeSetUp]
    public async Task SignInAsync()
    {
        _secretary = await App.SignInAsync(Org.A.Secretary);
        _stranger = await App.SignInAsync(Org.B.Members[0]);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.AssertProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString();

    [TestCase("/api/no-such-thing")]
    [TestCase("/api/notices/not-a-number")]
    [TestCase("/lib/no-such-library.js")]
    public async Task SaysTheAddressDoesNotExist_WhenNothingAnswersIt(string url)
    {
        Assert.That(await DetailAsync(await _secretary.GetAsync(url)), Is.EqualTo("请求的地址不存在。"));
    }

    [Test]
    public async Task SaysTheNoticeWasNotFound_WhenItIsMissingOrNotTheCallers()
    {
        var committee = await _secretary.PostNoticeAsync(NoticeTestApi.Request(unitIds: [Org.A.Id], visibility: "Committee"));

        var missing = await DetailAsync(await _secretary.GetAsync("/api/notices/2147480001"));
        var hidden = await DetailAsync(await _stranger.GetAsync($"/api/notices/{committee}"));

        Assert.That(missing, Is.EqualTo("未找到该通知，或您无权查看。"));
        Assert.That(hidden, Is.EqualTo(missing), "a stranger gets the same answer as for a missing notice");
    }

    [Test]
    public async Task SaysTheActivityWasNotFound_WhenItIsMissingOrNotTheCallers()
    {
        var committee = await ActivityApi.CreateAsync(_secretary, Org.A.Id, DateTimeOffset.UtcNow, visibility: "Committee");

        var missing = await DetailAsync(await _secretary.GetAsync("/api/activities/2147480001"));
        var hidden = await DetailAsync(await _stranger.GetAsync($"/api/activities/{committee}"));
        var signUp = await DetailAsync(await _stranger.PostAsync($"/api/activities/{committee}/enrollment", null));

        Assert.That(missing, Is.EqualTo("未找到该活动，或您无权查看。"));
        Assert.That(hidden, Is.EqualTo(missing));
        Assert.That(signUp, Is.EqualTo(missing));
    }

    [Test]
    public async Task SaysTheFileWasNotFound_WhenTheScreenAssetIsUnknown()
    {
        Assert.That(await DetailAsync(await App.CreateClient().GetAsync("/screen/assets/no-such-file.js")), Is.EqualTo("大屏页面没有这个文件。"));
    }

    [Test]
    public async Task SaysThePageWasNotFound_WhenAMemberOpensACommitteeConsolePage()
    {
        var browser = await App.SignInToConsoleAsync(Org.A.Members[1]);

        Assert.That(await DetailAsync(await browser.Client.GetAsync("/console/roster")), Is.EqualTo(CommitteePageModel.NotFoundDetail));
    }

    [TestCase("/portal/notices/2147480001", "您访问的通知不存在或未公开。")]
    [TestCase("/portal/activities/2147480001", "您访问的活动不存在或未公开。")]
    [TestCase("/portal/stories/2147480001", "您访问的事迹不存在或未公开。")]
    [TestCase("/portal/units/2147480001", "您访问的党组织不存在或未公开。")]
    [TestCase("/portal/notices?unit=2147480001", "您访问的党组织不存在或未公开。")]
    public async Task PortalPageSaysWhatWasNotFound(string url, string detail)
    {
        var page = await App.CreateClient().PageAsync(url, HttpStatusCode.NotFound);

        Assert.That(page.QuerySelector("main h1, h1")?.TextContent, Is.EqualTo("未找到"));
        Assert.That(page.VisibleText(), Does.Contain(detail));
    }

    /// <summary>
    /// Every GET route with an id, asked for a row that does not exist: a 404 never says the address does not exist,
    /// and none falls back to the generic detail.
    /// </summary>
    [Test]
    public async Task SaysWhatWasNotFound_OnEveryKnownGetRoute()
    {
        var document = JsonSerializer.Deserialize<JsonElement>(await _secretary.GetStringAsync("/swagger/v1/swagger.json"));
        var asked = 0;
        var unknownAddress = new List<string>();
        var generic = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.Contains('{')))
        {
            if (!path.Value.TryGetProperty("get", out var get))
            {
                continue;
            }

            var parameters = get.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            var url = Placeholder().Replace(path.Name, m =>
            {
                var schema = parameters.First(p => p.GetProperty("name").GetString() == m.Groups[1].Value).GetProperty("schema");
                return schema.TryGetProperty("type", out var type) && type.ToString().Contains("integer", StringComparison.Ordinal) ? "2147480001"
                    : schema.TryGetProperty("format", out var format) && format.GetString() == "uuid" ? Guid.NewGuid().ToString()
                    : $"missing{Guid.NewGuid():N}";
            });
            var response = await _secretary.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                continue;
            }

            asked++;
            var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
            if (detail == ErrorHandling.UnknownAddressDetail)
            {
                unknownAddress.Add(path.Name);
            }
            else if (detail == Refusals.NotFoundDetail)
            {
                generic.Add(path.Name);
            }
        }

        Assert.That(asked, Is.GreaterThan(20));
        Assert.That(unknownAddress, Is.Empty, "known routes answering as if the address did not exist");
        Assert.That(generic, Is.Empty, "known routes not saying what was not found");
    }

    [GeneratedRegex("{([^}:]+)[^}]*}")]
    private static partial Regex Placeholder();
}
