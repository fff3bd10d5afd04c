using System.Net.Http.Headers;
using System.Security.Cryptography;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Tests.Features.Study;

/// <summary>
/// Issue 20's upload and serving acceptance, run once on the local storage and once on the S3 storage (against
/// s3rver): a 50 MB video in chunks with a chunk re-sent after a drop, its hash, a byte range, its probed
/// duration and poster; types by content.
/// </summary>
[TestFixture(MediaProvider.Local)]
[TestFixture(MediaProvider.S3)]
public sealed class UploadStudyMediaTests(MediaProvider provider) : SeededTest(branches: 2, members: 3)
{
    private HttpClient _secretary = null!;

    protected override AppFactory CreateApp()
    {
        var settings = new Dictionary<string, string?>();
        if (provider == MediaProvider.S3)
        {
            foreach (var (key, value) in S3TestServer.SharedAsync().GetAwaiter().GetResult().Settings)
            {
                settings[key] = value;
            }
        }
        else
        {
            settings["Media:Folder"] = Directory.CreateTempSubdirectory("smartbranch-study-media-").FullName;
        }

        return new AppFactory(settings);
    }

    [OneTimeSetUp]
    public async Task Seed()
    {
        _secretary = await App.SignInAsync(Org.A.Secretary);
    }

    [Test]
    public async Task StoresTheVideoByteForByte_WhenAChunkIsResentAfterADrop()
    {
        var video = await StudyTestApi.LargeVideoAsync();
        var bytes = video.Bytes;
        Assert.That(bytes.Length, Is.GreaterThanOrEqualTo(50 * 1024 * 1024), "the generated video is at least 50 MB");
        const int ChunkSize = 8 * 1024 * 1024;
        var upload = await _secretary.StartUploadAsync("党课.mp4", bytes.Length, ChunkSize);
        var count = (bytes.Length + ChunkSize - 1) / ChunkSize;

        for (var i = 0; i < count; i++)
        {
            var chunk = bytes.AsMemory(i * ChunkSize, Math.Min(ChunkSize, bytes.Length - (i * ChunkSize)));
            if (i == 2)
            {
                // The connection drops half-way through chunk 2: the server got a short body and keeps nothing of it.
                var cut = await _secretary.PutChunkAsync(upload, i, chunk[..(chunk.Length / 2)]);
                await cut.AssertProblemAsync(HttpStatusCode.BadRequest);
                var resumed = await (await _secretary.GetAsync($"/api/study/uploads/{upload}")).JsonAsync(HttpStatusCode.OK);
                Assert.That(resumed.GetProperty("missing").EnumerateArray().Select(e => e.GetInt32()), Does.Contain(2));
            }

            await (await _secretary.PutChunkAsync(upload, i, chunk)).JsonAsync(HttpStatusCode.OK);
            if (i == 4)
            {
                // The answer to chunk 4 was lost with the connection: the client cannot know it arrived, so it sends it again.
                var again = await (await _secretary.PutChunkAsync(upload, i, chunk)).JsonAsync(HttpStatusCode.OK);
                Assert.That(again.GetProperty("missing").EnumerateArray().Select(e => e.GetInt32()), Does.Not.Contain(4));
            }
        }

        var done = await (await _secretary.PostAsync($"/api/study/uploads/{upload}/complete", null)).JsonAsync(HttpStatusCode.OK);

        Assert.That(done.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        Assert.That(done.GetProperty("kind").GetString(), Is.EqualTo("Video"));
        Assert.That(done.GetProperty("contentType").GetString(), Is.EqualTo("video/mp4"));
        Assert.That(done.GetProperty("durationSeconds").GetDouble(), Is.EqualTo(video.DurationSeconds).Within(0.1));
        Assert.That(done.GetProperty("hasPoster").GetBoolean(), Is.True);
        var stored = await App.WithDbAsync(db => db.StudyMedia.AsNoTracking().SingleAsync(m => m.Id == upload));
        var storage = App.Services.GetRequiredService<IMediaStorage>();
        await using (var file = await storage.OpenAsync(stored.StorageKey!, CancellationToken.None))
        {
            Assert.That(Convert.ToHexStringLower(await SHA256.HashDataAsync(file!)), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))), "the stored file's hash");
        }

        Assert.That(await storage.GetSizeAsync($"study/uploads/{upload:N}/00000", CancellationToken.None), Is.Null, "chunks are removed once assembled");

        // Served with ranges once a material uses it (approved by the general branch's admin: the author may not).
        var (materialId, status) = await _secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Video", upload, minutes: 1));
        Assert.That(status, Is.EqualTo("PendingApproval"));
        await (await (await App.SignInAsync(Org.Admin)).PostAsync($"/api/study/materials/{materialId}/approve", null)).JsonAsync(HttpStatusCode.OK);
        var member = await App.SignInAsync(Org.A.Members[0]);
        var material = await (await member.GetAsync($"/api/study/materials/{materialId}")).JsonAsync(HttpStatusCode.OK);
        var player = App.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, material.GetProperty("mediaUrl").GetString());
        request.Headers.Range = new RangeHeaderValue(1_000_000, 1_999_999);
        var ranged = await player.SendAsync(request);

        Assert.That(ranged.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(ranged.Content.Headers.ContentRange?.ToString(), Is.EqualTo($"bytes 1000000-1999999/{bytes.Length}"));
        Assert.That(await ranged.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[1_000_000..2_000_000]));

        var poster = await player.GetAsync(material.GetProperty("posterUrl").GetString());
        Assert.That(poster.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(poster.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
        Assert.That((await poster.Content.ReadAsByteArrayAsync())[..3], Is.EqualTo(new byte[] { 0xFF, 0xD8, 0xFF }));
    }

    [Test]
    public async Task Answers416_WhenTheRangeLiesBeyondTheFile()
    {
        var video = await StudyTestApi.SmallVideoAsync();
        var upload = await _secretary.UploadAsync(video.Bytes, video.FileName, 256 * 1024);
        var (materialId, _) = await _secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Video", upload.GetProperty("id").GetGuid()));
        var material = await (await _secretary.GetAsync($"/api/study/materials/{materialId}")).JsonAsync(HttpStatusCode.OK);
        var request = new HttpRequestMessage(HttpMethod.Get, material.GetProperty("mediaUrl").GetString());
        request.Headers.Range = new RangeHeaderValue(video.Bytes.Length + 10, video.Bytes.Length + 20);

        var response = await App.CreateClient().SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
        Assert.That(upload.GetProperty("durationSeconds").GetDouble(), Is.EqualTo(video.DurationSeconds).Within(0.2));
    }

    [Test]
    public async Task RecognisesTheTypeByContent_NotByTheFileName()
    {
        var audio = await StudyTestApi.AudioAsync();
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

        var audioNamedPdf = await _secretary.UploadAsync(audio.Bytes, "讲话.pdf", 256 * 1024);
        var pdfNamedMp3 = await _secretary.UploadAsync(pdf, "讲话.mp3", 256 * 1024);

        Assert.That(audioNamedPdf.GetProperty("kind").GetString(), Is.EqualTo("Audio"));
        Assert.That(audioNamedPdf.GetProperty("contentType").GetString(), Is.EqualTo("audio/mp4"));
        Assert.That(audioNamedPdf.GetProperty("durationSeconds").GetDouble(), Is.EqualTo(audio.DurationSeconds).Within(0.2));
        Assert.That(pdfNamedMp3.GetProperty("kind").GetString(), Is.EqualTo("Pdf"));
        Assert.That(pdfNamedMp3.GetProperty("contentType").GetString(), Is.EqualTo("application/pdf"));
    }

    [Test]
    public async Task Answers415AndKeepsNothing_WhenTheContentIsNoMediaWeAccept()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var upload = await _secretary.StartUploadAsync("视频.mp4", bytes.Length, 256 * 1024);
        await (await _secretary.PutChunkAsync(upload, 0, bytes.AsMemory(0, 256 * 1024))).JsonAsync(HttpStatusCode.OK);
        await (await _secretary.PutChunkAsync(upload, 1, bytes.AsMemory(256 * 1024))).JsonAsync(HttpStatusCode.OK);

        var response = await _secretary.PostAsync($"/api/study/uploads/{upload}/complete", null);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(await App.WithDbAsync(db => db.StudyMedia.AnyAsync(m => m.Id == upload)), Is.False);
        Assert.That(await App.Services.GetRequiredService<IMediaStorage>().GetSizeAsync($"study/uploads/{upload:N}/00000", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Answers409_WhenCompletingWithChunksMissing()
    {
        var upload = await _secretary.StartUploadAsync("a.mp4", 600_000, 256 * 1024);
        await (await _secretary.PutChunkAsync(upload, 0, new byte[256 * 1024])).JsonAsync(HttpStatusCode.OK);

        var response = await _secretary.PostAsync($"/api/study/uploads/{upload}/complete", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var state = await (await _secretary.GetAsync($"/api/study/uploads/{upload}")).JsonAsync(HttpStatusCode.OK);
        Assert.That(state.GetProperty("missing").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task RefusesChunks_ThatDoNotFitTheDeclaredUpload()
    {
        var upload = await _secretary.StartUploadAsync("a.mp4", 600_000, 256 * 1024);

        await (await _secretary.PutChunkAsync(upload, 3, new byte[10])).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _secretary.PutChunkAsync(upload, 0, new byte[256 * 1024 + 1])).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _secretary.PutChunkAsync(upload, 2, new byte[600_000 - (2 * 256 * 1024) + 1])).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await App.WithDbAsync(db => db.StudyMediaChunks.CountAsync(c => c.MediaId == upload)), Is.Zero);
    }

    [Test]
    public async Task KeepsUploadsToTheirUploader_AndToTheCommittee()
    {
        var upload = await _secretary.StartUploadAsync("a.mp4", 1000, 256 * 1024);
        var otherSecretary = await App.SignInAsync(Org.B.Secretary);
        var member = await App.SignInAsync(Org.A.Members[0]);

        await (await otherSecretary.GetAsync($"/api/study/uploads/{upload}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherSecretary.PutChunkAsync(upload, 0, new byte[1000])).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherSecretary.PostAsync($"/api/study/uploads/{upload}/complete", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.PostAsJsonAsync("/api/study/uploads", new { fileName = "a.mp4", size = 1000, chunkSize = 256 * 1024 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await App.CreateClient().GetAsync($"/api/study/uploads/{upload}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase(0, 262144, "size")]
    [TestCase(2_000_000_000_000, 262144, "size")]
    [TestCase(1000, 100, "chunkSize")]
    public async Task Answers400_WhenTheUploadIsDeclaredBadly(long size, int chunkSize, string field)
    {
        var response = await _secretary.PostAsJsonAsync("/api/study/uploads", new { fileName = "a.mp4", size, chunkSize });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }
}
