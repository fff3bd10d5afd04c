using System.Security.Cryptography;
using SmartBranch.Api.Features.Study;
using SmartBranch.Domain.Study;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Tests.Features.Study;

/// <summary>
/// Abandoned uploads are swept (Api/Features/Study/README.md): an upload left unfinished longer than
/// <c>Study:AbandonedUploadAge</c> loses its stored chunks and its rows; a completed or a recent one is untouched.
/// Run on both media storages, the S3 one against s3rver, in controlled time.
/// </summary>
[TestFixture(MediaProvider.Local)]
[TestFixture(MediaProvider.S3)]
public sealed class UploadSweepTests(MediaProvider provider) : FunctionalTest
{
    private const int Chunk = 256 * 1024;

    protected override AppFactory CreateApp()
    {
        var settings = new Dictionary<string, string?> { ["Study:AbandonedUploadAge"] = "1.00:00:00" };
        if (provider == MediaProvider.S3)
        {
            foreach (var (key, value) in S3TestServer.SharedAsync().GetAwaiter().GetResult().Settings)
            {
                settings[key] = value;
            }
        }
        else
        {
            settings["Media:Folder"] = Directory.CreateTempSubdirectory("smartbranch-sweep-media-").FullName;
        }

        return new AppFactory(settings, fakeTime: true);
    }

    [Test]
    public async Task RemovesTheAbandonedUploadsBytesAndRows_AndLeavesFinishedAndRecentOnes()
    {
        var (_, secretary) = await App.SeedSignedInAsync();
        var storage = App.Services.GetRequiredService<IMediaStorage>();

        // Started and left after two of its three chunks.
        var abandoned = await secretary.StartUploadAsync("党课录像.mp4", (2 * Chunk) + 1000, Chunk);
        await (await secretary.PutChunkAsync(abandoned, 0, RandomNumberGenerator.GetBytes(Chunk))).JsonAsync(HttpStatusCode.OK);
        await (await secretary.PutChunkAsync(abandoned, 1, RandomNumberGenerator.GetBytes(Chunk))).JsonAsync(HttpStatusCode.OK);

        // Finished at the same time: as old, but complete.
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray().Concat(RandomNumberGenerator.GetBytes(Chunk)).ToArray();
        var finished = (await secretary.UploadAsync(pdf, "学习材料.pdf", Chunk)).GetProperty("id").GetGuid();

        // 23 hours on, the unfinished upload is not yet abandoned: the sweep leaves it, and it can still be resumed.
        App.Time!.Advance(TimeSpan.FromHours(23));
        var early = await SweepAsync();
        var stillThere = await (await secretary.GetAsync($"/api/study/uploads/{abandoned}")).JsonAsync(HttpStatusCode.OK);
        Assert.That(early, Is.EqualTo(new UploadSweepReport(0, 0)));
        Assert.That(stillThere.GetProperty("missing").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 2 }));

        // Started now: unfinished, but only 2 hours old at the next sweep.
        var recent = await secretary.StartUploadAsync("新录音.m4a", Chunk + 10, Chunk);
        await (await secretary.PutChunkAsync(recent, 0, RandomNumberGenerator.GetBytes(Chunk))).JsonAsync(HttpStatusCode.OK);

        App.Time.Advance(TimeSpan.FromHours(2));
        var report = await SweepAsync();

        var media = await App.WithDbAsync(db => db.StudyMedia.AsNoTracking().Where(m => m.Id == abandoned || m.Id == finished || m.Id == recent).ToDictionaryAsync(m => m.Id));
        var chunkRows = await App.WithDbAsync(db => db.StudyMediaChunks.AsNoTracking().Where(c => c.MediaId == abandoned || c.MediaId == recent).Select(c => c.MediaId).ToListAsync());
        var abandonedChunks = new[] { await SizeAsync(storage, $"study/uploads/{abandoned:N}/00000"), await SizeAsync(storage, $"study/uploads/{abandoned:N}/00001") };
        var finishedFile = media.TryGetValue(finished, out var done) && done.StorageKey is { } key ? await SizeAsync(storage, key) : null;
        var recentChunk = await SizeAsync(storage, $"study/uploads/{recent:N}/00000");
        var afterwards = await secretary.GetAsync($"/api/study/uploads/{abandoned}");

        Assert.Multiple(() =>
        {
            Assert.That(report, Is.EqualTo(new UploadSweepReport(Uploads: 1, Objects: 2)), "one upload, its two stored chunks");
            Assert.That(media.Keys, Is.EquivalentTo(new[] { finished, recent }), "only the abandoned upload's row is gone");
            Assert.That(chunkRows, Is.EqualTo(new[] { recent }), "its chunk rows went with it; the recent upload keeps its own");
            Assert.That(abandonedChunks, Is.All.Null, "its stored chunks are deleted");
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the uploader can no longer resume it");
            Assert.That(media.GetValueOrDefault(finished)?.Status, Is.EqualTo(StudyMediaStatus.Ready));
            Assert.That(finishedFile, Is.EqualTo(pdf.Length), "the finished file is still stored");
            Assert.That(media.GetValueOrDefault(recent)?.Status, Is.EqualTo(StudyMediaStatus.Uploading));
            Assert.That(recentChunk, Is.EqualTo(Chunk), "the recent upload's chunk is still stored");
        });

        // The recent upload resumes as usual after the sweep.
        var resumed = await (await secretary.PutChunkAsync(recent, 1, new byte[10])).JsonAsync(HttpStatusCode.OK);
        Assert.That(resumed.GetProperty("missing").GetArrayLength(), Is.Zero);
    }

    private async Task<UploadSweepReport> SweepAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UploadSweep>().RunOnceAsync(CancellationToken.None);
    }

    private static Task<long?> SizeAsync(IMediaStorage storage, string key) => storage.GetSizeAsync(key, CancellationToken.None);
}
