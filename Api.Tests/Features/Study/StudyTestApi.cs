using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Study;

/// <summary>A media file made by ffmpeg in the test, and what ffmpeg was asked to make.</summary>
internal sealed record TestMediaFile(string Path, double DurationSeconds, string FileName)
{
    public byte[] Bytes => File.ReadAllBytes(Path);
}

/// <summary>Uploading, publishing and studying the way the mini-program does.</summary>
internal static class StudyTestApi
{
    public const int ChunkSize = 4 * 1024 * 1024;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, TestMediaFile> Made = [];

    /// <summary>
    /// An MP4 of at least 50 MB (26 s of 320×240 noise at 25 fps, MPEG-4 at near-lossless quality, which noise
    /// does not compress), made once per test run.
    /// </summary>
    public static Task<TestMediaFile> LargeVideoAsync() => MakeAsync("large.mp4", 26,
        "-f rawvideo -pix_fmt gray -video_size 320x240 -framerate 25 -t 26 -i /dev/urandom -c:v mpeg4 -q:v 2 -pix_fmt yuv420p -movflags +faststart");

    /// <summary>A small MP4 video (5 s, a test pattern).</summary>
    public static Task<TestMediaFile> SmallVideoAsync() => MakeAsync("small.mp4", 5,
        "-f lavfi -i testsrc=size=160x120:rate=10 -t 5 -c:v mpeg4 -pix_fmt yuv420p");

    /// <summary>A 100-second AAC audio file in an M4A container.</summary>
    public static Task<TestMediaFile> AudioAsync() => MakeAsync("tone.m4a", 100,
        "-f lavfi -i sine=frequency=440:duration=100 -c:a aac -b:a 32k");

    private static async Task<TestMediaFile> MakeAsync(string name, double duration, string arguments)
    {
        await Gate.WaitAsync();
        try
        {
            if (Made.TryGetValue(name, out var made))
            {
                return made;
            }

            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"smartbranch-study-test-{Environment.ProcessId}-{name}");
            var info = new ProcessStartInfo("ffmpeg", $"-v error -y {arguments} {path}") { UseShellExecute = false, RedirectStandardError = true };
            using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start; install Debian's ffmpeg package.");
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, errors);
            return Made[name] = new TestMediaFile(path, duration, name);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static async Task<Guid> StartUploadAsync(this HttpClient client, string fileName, long size, int chunkSize = ChunkSize)
    {
        var started = await (await client.PostAsJsonAsync("/api/study/uploads", new { fileName, size, chunkSize })).JsonAsync(HttpStatusCode.Created);
        return started.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PutChunkAsync(this HttpClient client, Guid upload, int index, ReadOnlyMemory<byte> bytes)
    {
        var content = new ReadOnlyMemoryContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PutAsync($"/api/study/uploads/{upload}/chunks/{index}", content);
    }

    /// <summary>Uploads <paramref name="bytes"/> in chunks and completes the upload; returns the completed upload's facts.</summary>
    public static async Task<JsonElement> UploadAsync(this HttpClient client, byte[] bytes, string fileName, int chunkSize = ChunkSize)
    {
        var upload = await client.StartUploadAsync(fileName, bytes.Length, chunkSize);
        for (var i = 0; i * (long)chunkSize < bytes.Length; i++)
        {
            var start = i * chunkSize;
            var chunk = bytes.AsMemory(start, Math.Min(chunkSize, bytes.Length - start));
            await (await client.PutChunkAsync(upload, i, chunk)).JsonAsync(HttpStatusCode.OK);
        }

        return await (await client.PostAsync($"/api/study/uploads/{upload}/complete", null)).JsonAsync(HttpStatusCode.OK);
    }

    public static object Material(int unitId, string kind, Guid? mediaId = null, string visibility = "Internal", string? body = null, int minutes = 10, string topic = "党史学习", string? title = null) => new
    {
        unitId,
        title = title ?? $"资料{Guid.NewGuid():N}"[..12],
        topic,
        kind,
        body = body ?? (kind == "Text" ? "<p>学习党章，重温入党誓词。</p>" : null),
        mediaId,
        visibility,
        estimatedMinutes = minutes,
        confirmNotClassified = true,
    };

    /// <summary>Publishes a material and returns its id and status.</summary>
    public static async Task<(int Id, string Status)> PublishAsync(this HttpClient client, object request)
    {
        var published = await (await client.PostAsJsonAsync("/api/study/materials", request)).JsonAsync(HttpStatusCode.Created);
        return (published.GetProperty("id").GetInt32(), published.GetProperty("status").GetString()!);
    }

    public static async Task<JsonElement> ReportAsync(this HttpClient client, int materialId, string kind, double position = 0)
    {
        var response = await client.PostAsJsonAsync($"/api/study/materials/{materialId}/progress", new { @event = kind, position });
        return await response.JsonAsync(HttpStatusCode.OK);
    }
}
