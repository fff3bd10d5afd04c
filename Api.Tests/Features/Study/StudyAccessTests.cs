namespace SmartBranch.Api.Tests.Features.Study;

/// <summary>
/// Who sees which material and its media (the levels of notices): another branch gets 404 on internal
/// materials and on their media links; links are not guessable and expire; committee material reaches the
/// committee only; a video reaches members only once another committee member approved it.
/// </summary>
public sealed class StudyAccessTests() : StudyMediaTest(members: 3)
{
    private int _internalAudio;
    private int _committeeText;
    private int _publicText;
    private int _generalText;

    [OneTimeSetUp]
    public async Task Seed()
    {
        var upload = await UploadAudioAsync();
        _internalAudio = (await Secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Audio", upload.GetProperty("id").GetGuid()))).Id;
        _committeeText = (await Secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Text", visibility: "Committee"))).Id;
        _publicText = (await Secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Text", visibility: "Public"))).Id;
        _generalText = (await (await App.SignInAsync(Org.Admin)).PublishAsync(StudyTestApi.Material(Org.GeneralBranchId, "Text"))).Id;
    }

    [Test]
    public async Task Answers404_ToAnotherBranch_OnInternalMaterialsAndTheirMediaLinks()
    {
        var own = await App.SignInAsync(Org.A.Members[0]);
        var mediaUrl = (await (await own.GetAsync($"/api/study/materials/{_internalAudio}")).JsonAsync(HttpStatusCode.OK)).GetProperty("mediaUrl").GetString()!;

        foreach (var stranger in new[] { Org.B.Members[0], Org.B.Secretary })
        {
            var client = await App.SignInAsync(stranger);
            await (await client.GetAsync($"/api/study/materials/{_internalAudio}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsJsonAsync($"/api/study/materials/{_internalAudio}/progress", new { @event = "Start", position = 0 })).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync(mediaUrl)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.That((await App.CreateClient().GetAsync(mediaUrl)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the link itself works for the <audio> player");
    }

    [Test]
    public async Task Answers404_ForGuessedOrAlteredMediaLinks()
    {
        var own = await App.SignInAsync(Org.A.Members[0]);
        var mediaUrl = (await (await own.GetAsync($"/api/study/materials/{_internalAudio}")).JsonAsync(HttpStatusCode.OK)).GetProperty("mediaUrl").GetString()!;
        var mediaId = await App.WithDbAsync(db => db.StudyMaterials.Where(m => m.Id == _internalAudio).Select(m => m.MediaId).SingleAsync());
        var altered = mediaUrl[..^3] + (mediaUrl[^3] == 'A' ? "B" : "A") + mediaUrl[^2..];

        foreach (var url in new[] { $"/api/study/media/{mediaId}", $"/api/study/media/{mediaId:N}", altered, "/api/study/media/x" })
        {
            await (await App.CreateClient().GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Test]
    public async Task MediaLinksExpire_AfterTheirLifetime()
    {
        var own = await App.SignInAsync(Org.A.Members[1]);
        var mediaUrl = (await (await own.GetAsync($"/api/study/materials/{_internalAudio}")).JsonAsync(HttpStatusCode.OK)).GetProperty("mediaUrl").GetString()!;
        var player = App.CreateClient();
        Assert.That((await player.GetAsync(mediaUrl)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        App.Time!.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        await (await player.GetAsync(mediaUrl)).AssertProblemAsync(HttpStatusCode.NotFound);
        var fresh = (await (await own.GetAsync($"/api/study/materials/{_internalAudio}")).JsonAsync(HttpStatusCode.OK)).GetProperty("mediaUrl").GetString()!;
        Assert.That((await player.GetAsync(fresh)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a fresh material gives a fresh link");
    }

    [Test]
    public async Task ShowsEachLevelToItsReaders()
    {
        var member = await App.SignInAsync(Org.A.Members[0]);
        var otherBranch = await App.SignInAsync(Org.B.Members[0]);

        await (await member.GetAsync($"/api/study/materials/{_committeeText}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Secretary.GetAsync($"/api/study/materials/{_committeeText}")).JsonAsync(HttpStatusCode.OK);
        await (await otherBranch.GetAsync($"/api/study/materials/{_publicText}")).JsonAsync(HttpStatusCode.OK);
        await (await otherBranch.GetAsync($"/api/study/materials/{_generalText}")).JsonAsync(HttpStatusCode.OK);

        var memberList = await ListIdsAsync(member);
        var otherList = await ListIdsAsync(otherBranch);
        Assert.That(memberList, Is.SupersetOf(new[] { _internalAudio, _publicText, _generalText }));
        Assert.That(memberList, Does.Not.Contain(_committeeText));
        Assert.That(otherList, Is.SupersetOf(new[] { _publicText, _generalText }));
        Assert.That(otherList, Does.Not.Contain(_internalAudio).And.Not.Contain(_committeeText));
    }

    [Test]
    public async Task ShowsAVideoToMembers_OnlyAfterAnotherCommitteeMemberApprovedIt()
    {
        var video = await StudyTestApi.SmallVideoAsync();
        var upload = await Secretary.UploadAsync(video.Bytes, video.FileName, 256 * 1024);
        var (id, status) = await Secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Video", upload.GetProperty("id").GetGuid()));
        var member = await App.SignInAsync(Org.A.Members[0]);
        Assert.That(status, Is.EqualTo("PendingApproval"));
        await (await member.GetAsync($"/api/study/materials/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(await ListIdsAsync(member), Does.Not.Contain(id));

        await (await Secretary.PostAsync($"/api/study/materials/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.PostAsync($"/api/study/materials/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await App.SignInAsync(Org.B.Secretary)).PostAsync($"/api/study/materials/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var approved = await (await (await App.SignInAsync(Org.Admin)).PostAsync($"/api/study/materials/{id}/approve", null)).JsonAsync(HttpStatusCode.OK);

        Assert.That(approved.GetProperty("status").GetString(), Is.EqualTo("Published"));
        var seen = await (await member.GetAsync($"/api/study/materials/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.That(seen.GetProperty("posterUrl").GetString(), Does.StartWith("/api/study/media/"));
        Assert.That(await ListIdsAsync(member), Does.Contain(id));
    }

    [Test]
    public async Task RefusesPublishing_ToPlainMembersAndOutsideTheCallersUnits()
    {
        var member = await App.SignInAsync(Org.A.Members[0]);

        await (await member.PostAsJsonAsync("/api/study/materials", StudyTestApi.Material(Org.A.Id, "Text"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Secretary.PostAsJsonAsync("/api/study/materials", StudyTestApi.Material(Org.B.Id, "Text"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Secretary.PostAsJsonAsync("/api/study/materials", StudyTestApi.Material(Org.GeneralBranchId, "Text"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await App.CreateClient().PostAsJsonAsync("/api/study/materials", StudyTestApi.Material(Org.A.Id, "Text"))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task SanitisesTheBody_AndRefusesClassifiedText()
    {
        var (id, _) = await Secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Text", body: "<p onclick=\"x()\">学习<script>alert(1)</script>内容</p>"));
        var stored = await (await Secretary.GetAsync($"/api/study/materials/{id}")).JsonAsync(HttpStatusCode.OK);

        Assert.That(stored.GetProperty("body").GetString(), Is.EqualTo("<p>学习内容</p>"));
        await (await Secretary.PostAsJsonAsync("/api/study/materials", StudyTestApi.Material(Org.A.Id, "Text", body: "<p>机密★1年 文件</p>"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Answers400_ForMaterialsWithoutTheirParts()
    {
        var problems = new[]
        {
            StudyTestApi.Material(Org.A.Id, "Video"),
            StudyTestApi.Material(Org.A.Id, "Text", body: ""),
            StudyTestApi.Material(Org.A.Id, "Audio", mediaId: Guid.NewGuid()),
            StudyTestApi.Material(Org.A.Id, "Text", minutes: 0),
        };

        foreach (var request in problems)
        {
            await (await Secretary.PostAsJsonAsync("/api/study/materials", request)).AssertProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    private static async Task<IReadOnlyList<int>> ListIdsAsync(HttpClient client)
    {
        var list = await (await client.GetAsync("/api/study/materials")).JsonAsync(HttpStatusCode.OK);
        return list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();
    }
}
