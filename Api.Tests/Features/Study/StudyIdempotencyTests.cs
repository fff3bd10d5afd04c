using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Study;

/// <summary>
/// The committee's creating posts in study, and the graduation batch, honour <c>Idempotency-Key</c> (the mini-program and
/// the console send one per form submission): sent twice with one key, a material, an upload and an assignment are
/// created once and the repeat replays the first answer (the graduation batch: GraduationBatchTests).
/// </summary>
public sealed class StudyIdempotencyTests : FunctionalTest
{
    private static HttpRequestMessage Post(string path, HttpContent content, string key) => new(HttpMethod.Post, path)
    {
        Content = content,
        Headers = { { "Idempotency-Key", key } },
    };

    private static async Task<(HttpResponseMessage First, HttpResponseMessage Again)> TwiceAsync(HttpClient client, string path, Func<HttpContent> content)
    {
        var key = Guid.NewGuid().ToString();
        return (await client.SendAsync(Post(path, content(), key)), await client.SendAsync(Post(path, content(), key)));
    }

    private static async Task<JsonElement> AssertReplayedAsync(HttpResponseMessage first, HttpResponseMessage again, HttpStatusCode status)
    {
        var body = await first.Content.ReadAsStringAsync();
        Assert.That(first.StatusCode, Is.EqualTo(status), body);
        Assert.That(again.StatusCode, Is.EqualTo(status), await again.Content.ReadAsStringAsync());
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(body));
        Assert.That(again.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    [Test]
    public async Task CreatesOneMaterial_OneUpload_AndOneAssignment_WhenEachIsSentTwiceWithOneKey()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var title = $"资料{Guid.NewGuid():N}"[..12];

        var (published, publishedAgain) = await TwiceAsync(secretary, "/api/study/materials",
            () => JsonContent.Create(StudyTestApi.Material(org.A.Id, "Text", title: title), options: ApiClients.Json));
        var material = (await AssertReplayedAsync(published, publishedAgain, HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var (started, startedAgain) = await TwiceAsync(secretary, "/api/study/uploads",
            () => JsonContent.Create(new { fileName = "讲座.mp4", size = 1024, chunkSize = StudyTestApi.ChunkSize }, options: ApiClients.Json));
        var upload = (await AssertReplayedAsync(started, startedAgain, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var assignment = $"专题{Guid.NewGuid():N}"[..12];
        var (assigned, assignedAgain) = await TwiceAsync(secretary, "/api/study/assignments",
            () => JsonContent.Create(new { title = assignment, materialIds = new[] { material }, audience = new { unitIds = new[] { org.A.Id } }, dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) }, options: ApiClients.Json));
        await AssertReplayedAsync(assigned, assignedAgain, HttpStatusCode.Created);

        var (materials, uploads, assignments) = await App.WithDbAsync(async db => (
            await db.StudyMaterials.CountAsync(m => m.Title == title),
            await db.StudyMedia.CountAsync(m => m.Id == upload),
            await db.StudyAssignments.CountAsync(a => a.Title == assignment)));
        Assert.That((materials, uploads, assignments), Is.EqualTo((1, 1, 1)));
    }
}
