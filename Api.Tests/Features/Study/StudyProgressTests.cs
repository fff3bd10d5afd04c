namespace SmartBranch.Api.Tests.Features.Study;

/// <summary>
/// Study time is credited only as the server's clock moves (controlled here): playing at 2×, skipping or
/// reporting from two devices earns no more than real time; 90 % completes a material and adds its hours once.
/// </summary>
public sealed class StudyProgressTests() : StudyMediaTest(members: 6)
{
    private Guid _audio;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _audio = (await UploadAudioAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A fresh audio material (100 s, worth 45 minutes = 1 class hour) each test uses alone.</summary>
    private async Task<int> AudioMaterialAsync() =>
        (await Secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Audio", _audio, minutes: 45, topic: "党章学习"))).Id;

    private void Wait(double seconds) => App.Time!.Advance(TimeSpan.FromSeconds(seconds));

    [Test]
    public async Task EarnsNoMoreThanRealTime_WhenPlayingAtDoubleSpeed()
    {
        var material = await AudioMaterialAsync();
        var member = await App.SignInAsync(Org.A.Members[0]);
        await member.ReportAsync(material, "Start", 0);

        JsonElementish last = default;
        for (var t = 1; t <= 5; t++)
        {
            Wait(10);
            last = new(await member.ReportAsync(material, "Progress", t * 20));
        }

        Assert.That(last.Credited, Is.EqualTo(50), "50 s of real time at 2× covered 100 s of audio");
        Assert.That(last.Completed, Is.False);
    }

    [Test]
    public async Task EarnsNoMoreThanRealTime_WhenSkippingAhead()
    {
        var material = await AudioMaterialAsync();
        var member = await App.SignInAsync(Org.A.Members[1]);
        await member.ReportAsync(material, "Start", 0);
        Wait(5);
        await member.ReportAsync(material, "Progress", 5);
        Wait(2);
        var skipped = new JsonElementish(await member.ReportAsync(material, "End", 100));

        Assert.That(skipped.Credited, Is.EqualTo(7));
        Assert.That(skipped.Completed, Is.False);
    }

    [Test]
    public async Task EarnsNothing_WhileNoReportsCome_OrThePlayerStandsStill()
    {
        var material = await AudioMaterialAsync();
        var member = await App.SignInAsync(Org.A.Members[2]);
        await member.ReportAsync(material, "Start", 0);
        Wait(3600);
        var afterSilence = new JsonElementish(await member.ReportAsync(material, "Progress", 30));
        Wait(30);
        var stuck = new JsonElementish(await member.ReportAsync(material, "Progress", 30));
        await member.ReportAsync(material, "Pause", 30);
        Wait(600);
        await member.ReportAsync(material, "Start", 30);
        var afterPause = new JsonElementish(await member.ReportAsync(material, "Progress", 30));

        Assert.That(afterSilence.Credited, Is.EqualTo(30), "an hour of silence earns at most what the position moved, within the 1-minute gap");
        Assert.That(stuck.Credited, Is.EqualTo(30), "a position that does not move earns nothing");
        Assert.That(afterPause.Credited, Is.EqualTo(30), "paused time earns nothing");
    }

    [Test]
    public async Task DoesNotAddUpTime_FromTwoDevicesAtOnce()
    {
        var material = await AudioMaterialAsync();
        var phone = await App.SignInAsync(Org.A.Members[3]);
        var tablet = await App.SignInAsync(Org.A.Members[3]);
        await phone.ReportAsync(material, "Start", 0);
        await tablet.ReportAsync(material, "Start", 0);

        JsonElementish last = default;
        for (var t = 1; t <= 4; t++)
        {
            Wait(10);
            await phone.ReportAsync(material, "Progress", t * 10);
            last = new(await tablet.ReportAsync(material, "Progress", t * 10));
        }

        Assert.That(last.Credited, Is.EqualTo(40), "40 s of real time on two devices is 40 s");
    }

    [Test]
    public async Task CompletesAt90Percent_AndAddsTheHoursOnce()
    {
        var material = await AudioMaterialAsync();
        var member = await App.SignInAsync(Org.A.Members[4]);
        var reports = new List<System.Text.Json.JsonElement>();
        for (var round = 0; round < 2; round++)
        {
            await member.ReportAsync(material, "Start", 0);
            for (var t = 1; t <= 11; t++)
            {
                Wait(10);
                reports.Add(await member.ReportAsync(material, t == 11 ? "End" : "Progress", Math.Min(t * 10, 100)));
            }
        }

        var required = reports[0].GetProperty("progress").GetProperty("requiredSeconds").GetInt32();
        var parsed = reports.Select(r => new JsonElementish(r)).ToList();
        var completing = parsed.Select((p, i) => (p, i)).Where(x => x.p.CompletedNow).Select(x => x.i).ToList();
        Assert.That(required, Is.InRange(100, 101), "the audio's probed length");
        Assert.That(completing, Has.Count.EqualTo(1), "completed once, however often it is played");
        Assert.That(parsed[completing[0]].Credited, Is.GreaterThanOrEqualTo(0.9 * required));
        Assert.That(parsed[completing[0] - 1].Credited, Is.LessThan(0.9 * required), "completed by the first report at 90 %");
        var hours = await (await member.GetAsync($"/api/study/hours/me?year={Now.Year}")).JsonAsync(HttpStatusCode.OK);
        Assert.That(hours.GetProperty("materialHours").GetDecimal(), Is.EqualTo(1m));
        Assert.That(hours.GetProperty("byTopic").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == "党章学习").GetProperty("hours").GetDecimal(), Is.EqualTo(1m));
        Assert.That(hours.GetProperty("targetHours").GetDecimal(), Is.EqualTo(32m));
        Assert.That(hours.GetProperty("remainingHours").GetDecimal(), Is.EqualTo(31m));
        Assert.That(await App.WithDbAsync(db => db.StudyProgress.CountAsync(p => p.MaterialId == material && p.CompletedAt != null)), Is.EqualTo(1));
    }

    [Test]
    public async Task CompletesText_OnlyWhenReadToTheEndAfterEnoughTime()
    {
        var (material, _) = await Secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Text", minutes: 2));
        var member = await App.SignInAsync(Org.A.Members[5]);
        await member.ReportAsync(material, "Start");
        Wait(20);
        var early = new JsonElementish(await member.ReportAsync(material, "End"));
        await member.ReportAsync(material, "Start");
        var reading = new List<JsonElementish>();
        for (var i = 0; i < 4; i++)
        {
            Wait(30);
            reading.Add(new(await member.ReportAsync(material, "Progress")));
        }

        Assert.That(early.Completed, Is.False, "20 s of a 2-minute text");
        Assert.That(reading.Select(r => r.Credited), Is.EqualTo(new[] { 50, 80, 110, 120 }), "never more than the text's 2 minutes");
        Assert.That(reading.Select(r => r.CompletedNow), Is.EqualTo(new[] { false, false, true, false }), "read to the end earlier, and 90 % of 120 s reached at 110 s");
    }

    [Test]
    public async Task CreditsNothing_ForAMaterialAwaitingApproval()
    {
        var video = await StudyTestApi.SmallVideoAsync();
        var upload = await Secretary.UploadAsync(video.Bytes, video.FileName, 256 * 1024);
        var (material, _) = await Secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Video", upload.GetProperty("id").GetGuid()));

        await (await Secretary.PostAsJsonAsync($"/api/study/materials/{material}/progress", new { @event = "Start", position = 0 })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await Secretary.PostAsJsonAsync($"/api/study/materials/{material}/progress", new { @event = "Jump", position = 0 })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>The parts of a progress answer the tests read.</summary>
    private readonly record struct JsonElementish(int Credited, bool Completed, bool CompletedNow)
    {
        public JsonElementish(System.Text.Json.JsonElement e)
            : this(e.GetProperty("progress").GetProperty("creditedSeconds").GetInt32(), e.GetProperty("progress").GetProperty("completed").GetBoolean(), e.GetProperty("completedNow").GetBoolean())
        {
        }
    }
}
