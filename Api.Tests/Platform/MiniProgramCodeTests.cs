using System.Text.Json;
using SmartBranch.Api.Common;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Meetings;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Every kind of mini-program code the app requests honours WeChat:MiniProgramState the same way: what the
/// emulator received (env_version, check_path, page, scene), and that the body came with Content-Length.
/// </summary>
[TestFixture("formal", "release", true)]
[TestFixture("trial", "trial", false)]
[TestFixture("developer", "develop", false)]
public sealed class MiniProgramCodeTests(string state, string envVersion, bool checkPath) : SeededTest(branches: 1, members: 1)
{
    private HttpClient _secretary = null!;

    protected override AppFactory CreateApp() => new(new Dictionary<string, string?> { ["WeChat:MiniProgramState"] = state }, fakeTime: true);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _secretary = await App.SignInAsync(Org.A.Secretary);
    }

    [Test]
    public async Task InvitationCode_FollowsTheState()
    {
        var created = await (await _secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/invitations", new { singleUse = true })).ReadAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();

        var response = await _secretary.GetAsync($"/api/invitations/{id}/qrcode");

        AssertImage(response, await response.Content.ReadAsByteArrayAsync());
        AssertLastCode(MiniProgramPages.Bind);
    }

    [Test]
    public async Task ActivityCheckInCode_FollowsTheState()
    {
        var id = await ActivityApi.CreateAsync(_secretary, Org.A.Id, Now, startsAt: Now.AddMinutes(30), signUpOpensAt: Now.AddHours(-1));

        var response = await _secretary.GetAsync($"/api/activities/{id}/check-in-code/image");

        AssertImage(response, await response.Content.ReadAsByteArrayAsync());
        AssertLastCode(MiniProgramPages.ActivityCheckIn, scenePrefix: $"a={id}&");
    }

    [Test]
    public async Task MeetingCheckInCode_FollowsTheState()
    {
        var id = (await MeetingApi.ScheduleAsync(_secretary, "PartyLesson", Org.A.Id, Now.AddMinutes(20))).GetProperty("id").GetInt32();

        var code = await (await _secretary.GetAsync($"/api/meetings/{id}/check-in-code")).ReadAsync<JsonElement>();

        Assert.That(code.GetProperty("imageBase64").GetString(), Is.Not.Null.And.Not.Empty);
        AssertLastCode(MiniProgramPages.MeetingCheckIn, scenePrefix: $"m={id}&");
    }

    [Test]
    public async Task EveryBodySentToWeChat_HasContentLength()
    {
        var created = await (await _secretary.PostAsJsonAsync($"/api/org/units/{Org.A.Id}/invitations", new { singleUse = true })).ReadAsync<JsonElement>();
        Assert.That((await _secretary.GetAsync($"/api/invitations/{created.GetProperty("id").GetInt32()}/qrcode")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var posts = App.Emulator.Requests.Where(r => r.Method == "POST" && !r.Path.StartsWith("/__emulator", StringComparison.Ordinal)).ToList();

        Assert.That(posts.Select(p => p.Path), Does.Contain("/cgi-bin/stable_token").Or.Contain("/wxa/getwxacodeunlimit"));
        Assert.That(posts.Where(p => p.Chunked || p.ContentLength is null or 0), Is.Empty);
    }

    private static void AssertImage(HttpResponseMessage response, byte[] body)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), System.Text.Encoding.UTF8.GetString(body));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
    }

    private void AssertLastCode(string page, string? scenePrefix = null)
    {
        var received = App.Emulator.QrCodeRequests[^1];
        Assert.Multiple(() =>
        {
            Assert.That(received.Page, Is.EqualTo(page));
            Assert.That(received.EnvVersion, Is.EqualTo(envVersion));
            Assert.That(received.CheckPath, Is.EqualTo(checkPath));
            if (scenePrefix is not null)
            {
                Assert.That(received.Scene, Does.StartWith(scenePrefix));
            }
        });
    }
}
