using System.Reflection;
using System.Text.Json;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// The WeChat error table (Infrastructure/WeChat/WeChatErrors.cs, ERRORS.md) code by code, through the
/// emulator's fault injection: what the caller sees and how often WeChat was asked.
/// </summary>
public sealed class WeChatErrorTests : FunctionalTest
{
    private const string Code2Session = "sns/jscode2session";
    private const string QrCode = "wxa/getwxacodeunlimit";

    private SeededOrg _org = null!;
    private HttpClient _secretary = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _org = await App.SeedAsync(branches: 1, members: 1);
        _secretary = await App.SignInAsync(_org.A.Secretary);
    }

    /// <param name="errCode">What WeChat answers to auth.code2Session.</param>
    /// <param name="status">What the mini-program gets from POST /api/auth/wechat-login.</param>
    /// <param name="calls">How often the code was sent to WeChat (3 = first call and the two busy retries).</param>
    /// <param name="retryAfter">Whether the answer carries Retry-After (transient errors only).</param>
    [TestCase(-1, 503, 3, true)]
    [TestCase(-2, 503, 3, true)]
    [TestCase(45009, 503, 1, true)]
    [TestCase(45011, 429, 1, true)]
    [TestCase(40029, 400, 1, false)]
    [TestCase(40163, 400, 1, false)]
    [TestCase(40226, 403, 1, false)]
    [TestCase(43101, 409, 1, false)]
    [TestCase(61010, 409, 1, false)]
    [TestCase(40001, 502, 1, false)]
    [TestCase(40014, 502, 1, false)]
    [TestCase(42001, 502, 1, false)]
    [TestCase(40002, 502, 1, false)]
    [TestCase(40003, 502, 1, false)]
    [TestCase(40013, 502, 1, false)]
    [TestCase(40037, 502, 1, false)]
    [TestCase(40097, 502, 1, false)]
    [TestCase(40125, 502, 1, false)]
    [TestCase(40129, 502, 1, false)]
    [TestCase(40164, 502, 1, false)]
    [TestCase(40169, 502, 1, false)]
    [TestCase(40243, 502, 1, false)]
    [TestCase(41002, 502, 1, false)]
    [TestCase(41004, 502, 1, false)]
    [TestCase(41008, 502, 1, false)]
    [TestCase(41030, 502, 1, false)]
    [TestCase(43104, 502, 1, false)]
    [TestCase(43302, 502, 1, false)]
    [TestCase(44002, 502, 1, false)]
    [TestCase(45109, 502, 1, false)]
    [TestCase(47001, 502, 1, false)]
    [TestCase(47003, 502, 1, false)]
    [TestCase(48001, 502, 1, false)]
    [TestCase(61004, 502, 1, false)]
    [TestCase(89503, 502, 1, false)]
    [TestCase(99999, 502, 1, false)]
    public async Task LoginAnswersByTheTable_WhenWeChatAnswersTheCode(int errCode, int status, int calls, bool retryAfter)
    {
        var before = App.Emulator.CallCount(Code2Session);
        App.Emulator.FailNext(Code2Session, errCode, times: calls);

        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = $"dev-errors-{Guid.NewGuid():N}" });

        var problem = await response.AssertProblemAsync((HttpStatusCode)status);
        Assert.Multiple(() =>
        {
            Assert.That(App.Emulator.CallCount(Code2Session) - before, Is.EqualTo(calls), "calls to WeChat");
            Assert.That(response.Headers.RetryAfter is not null, Is.EqualTo(retryAfter), "Retry-After");
            Assert.That(problem.GetProperty("errcode").GetInt32(), Is.EqualTo(errCode));
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
        });
        if (status == 502)
        {
            Assert.That(App.Logs.Lines.Any(l => l.Contains("WeChat configuration error", StringComparison.Ordinal) && l.Contains(errCode.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)), Is.True, "logged as a configuration error");
        }
    }

    [Test]
    public void EveryCodeOfTheTable_HasATestCase()
    {
        var tested = typeof(WeChatErrorTests).GetMethod(nameof(LoginAnswersByTheTable_WhenWeChatAnswersTheCode))!
            .GetCustomAttributes<TestCaseAttribute>().Select(t => (int)t.Arguments[0]!).ToHashSet();

        Assert.That(WeChatErrors.All.Select(e => e.Code).Where(c => !tested.Contains(c)), Is.Empty);
    }

    [Test]
    public void EveryCodeOfTheTable_IsInErrorsMd()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "Infrastructure", "WeChat", "ERRORS.md"));

        Assert.That(WeChatErrors.All.Where(e => !doc.Contains($"| {e.Code} |", StringComparison.Ordinal)).Select(e => e.Code), Is.Empty);
    }

    [Test]
    public async Task Returns400AskingForANewLoginCode_WhenTheCodeWasAlreadyUsed()
    {
        var code = $"dev-{Guid.NewGuid():N}~1";
        var client = App.CreateClient();
        Assert.That((await client.PostAsJsonAsync("/api/auth/wechat-login", new { code })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var again = await client.PostAsJsonAsync("/api/auth/wechat-login", new { code });

        var problem = await again.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("登录凭证无效"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("重新打开小程序登录"));
            Assert.That(problem.GetProperty("action").GetString(), Is.EqualTo("wx.login"));
            Assert.That(problem.GetProperty("errcode").GetInt32(), Is.EqualTo(WeChatErrorCodes.CodeUsed));
            Assert.That(again.Headers.RetryAfter, Is.Null);
        });
    }

    [Test]
    public async Task GivesOne200AndOne400_WhenTwoLoginsUseOneCodeAtTheSameTime()
    {
        var code = $"dev-{Guid.NewGuid():N}~double-tap";
        var before = App.Emulator.CallCount(Code2Session);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code })));

        Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest }));
        Assert.That(App.Emulator.CallCount(Code2Session) - before, Is.EqualTo(2), "the used code is not retried");
    }

    [Test]
    public async Task Returns502NotBusy_WhenThePageOfTheCodeIsNotPublished()
    {
        var invitation = await InvitationAsync();
        var before = App.Emulator.CallCount(QrCode);
        App.Emulator.FailNext(QrCode, WeChatErrorCodes.PageNotFound);

        var response = await _secretary.GetAsync($"/api/invitations/{invitation}/qrcode");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("errcode").GetInt32(), Is.EqualTo(41030));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Not.Contain("稍后再试"));
            Assert.That(response.Headers.RetryAfter, Is.Null);
            Assert.That(App.Emulator.CallCount(QrCode) - before, Is.EqualTo(1), "not retried");
        });
    }

    [Test]
    public async Task RefreshesTheTokenAndAnswers200_WhenWeChatRejectsTheTokenOnce()
    {
        var invitation = await InvitationAsync();
        Assert.That((await _secretary.GetAsync($"/api/invitations/{invitation}/qrcode")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "token cached");
        var tokens = App.Emulator.CallCount("cgi-bin/stable_token");
        App.Emulator.FailNext(QrCode, WeChatErrorCodes.InvalidCredential);

        var response = await _secretary.GetAsync($"/api/invitations/{invitation}/qrcode");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(App.Emulator.CallCount("cgi-bin/stable_token") - tokens, Is.EqualTo(1), "one refetch");
    }

    [Test]
    public async Task Returns502_WhenWeChatKeepsRejectingTheToken()
    {
        var invitation = await InvitationAsync();
        App.Emulator.FailNext(QrCode, WeChatErrorCodes.AccessTokenExpired, times: 2);

        var response = await _secretary.GetAsync($"/api/invitations/{invitation}/qrcode");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.That(problem.GetProperty("errcode").GetInt32(), Is.EqualTo(42001));
    }

    [TestCase(-1, 3, 503)]
    [TestCase(45009, 1, 503)]
    public async Task Returns503WithRetryAfter_WhenCodesAreTemporarilyUnavailable(int errCode, int times, int status)
    {
        var invitation = await InvitationAsync();
        App.Emulator.FailNext(QrCode, errCode, times);

        var response = await _secretary.GetAsync($"/api/invitations/{invitation}/qrcode");

        await response.AssertProblemAsync((HttpStatusCode)status);
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
    }

    private async Task<int> InvitationAsync()
    {
        var created = await _secretary.PostAsJsonAsync($"/api/org/units/{_org.A.Id}/invitations", new { singleUse = true });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await created.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    internal static string RepositoryRoot()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SmartBranch.Api.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
