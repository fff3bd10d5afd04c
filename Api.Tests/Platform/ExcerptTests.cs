using System.Text.Json;
using SmartBranch.Api.Tests.Features.Brand;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>Every place that shortens text (notice feed, story list, big screen) cuts between whole characters.</summary>
public sealed class ExcerptTests : FunctionalTest
{
    private static readonly string SeventyNineAndAnEmoji = new string('学', 79) + "😀";

    [Test]
    public async Task ShowsTheWholeEmoji_WhenANoticeBodyIsSeventyNineCharactersAndAnEmoji()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var whole = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], body: $"<p>{SeventyNineAndAnEmoji}</p>"));
        var longer = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], body: $"<p>{SeventyNineAndAnEmoji}还有后文</p>"));

        var items = (await (await App.SignInAsync(org.A.Members[0])).GetJsonAsync("/api/notices")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt32(), i => i.GetProperty("excerpt").GetString()!);

        Assert.That(items[whole], Is.EqualTo(SeventyNineAndAnEmoji));
        Assert.That(items[longer], Is.EqualTo(new string('学', 79) + "…"));
        Assert.That(items.Values.Any(e => e.Contains('\uFFFD') || EndsInHalfAPair(e)), Is.False);
    }

    [Test]
    public async Task CutsBetweenWholeCharacters_WhenStoryListAndBigScreenShortenText()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var body = new string('学', 79) + "👨‍👩‍👧‍👦" + new string('习', 60);
        var title = new string('题', 39) + "🇨🇳" + "后续标题文字";
        await secretary.PostStoryAsync(BrandTestApi.Story(title: title, body: body));
        await MeetingApi.ScheduleAsync(secretary, "ThemedPartyDay", org.A.Id, DateTimeOffset.UtcNow.AddHours(3), new string('会', 39) + "🎉🎉", new { visibility = "Public" });
        var link = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/screen-links", new { label = "大屏" })).ReadAsync<JsonElement>();

        var list = await secretary.GetJsonAsync("/api/stories");
        var screen = await App.CreateClient().JsonAsync($"/screen/{link.GetProperty("token").GetString()}/data");

        var listed = list.GetProperty("items").EnumerateArray().Single();
        Assert.That(listed.GetProperty("excerpt").GetString(), Is.EqualTo(new string('学', 79) + "…"), "the family emoji is dropped whole");
        var card = screen.GetProperty("stories").EnumerateArray().Single();
        Assert.That(card.GetProperty("excerpt").GetString(), Is.EqualTo(new string('学', 79) + "👨‍👩‍👧‍👦" + new string('习', 39) + "…"));
        Assert.That(card.GetProperty("title").GetString(), Is.EqualTo(new string('题', 39) + "…"), "the flag is dropped whole");
        var meetingTitle = screen.GetProperty("upcoming").EnumerateArray().Single().GetProperty("title").GetString()!;
        Assert.That(meetingTitle, Is.EqualTo(new string('会', 39) + "…"));
        Assert.That(EndsInHalfAPair(meetingTitle) || meetingTitle.Contains('\uFFFD'), Is.False);
    }

    private static bool EndsInHalfAPair(string text) => text.Any(char.IsSurrogate) && Enumerable.Range(0, text.Length).Any(i =>
        (char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
        || (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))));
}
