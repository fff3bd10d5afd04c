using System.Net.Http.Headers;
using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Brand;

/// <summary>Helpers the brand tests share: images, stories and JSON the way the mini-program sends them.</summary>
internal static class BrandTestApi
{
    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] bytes, string fileName = "photo.png", string contentType = "image/png", string? visibility = "Public")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (visibility is not null)
        {
            form.Add(new StringContent(visibility), "visibility");
        }

        return await client.PostAsync("/api/media", form);
    }

    public static async Task<Guid> UploadImageAsync(this HttpClient client, string? visibility = "Public")
    {
        var response = await client.UploadAsync(Png, visibility: visibility);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonSerializer.Deserialize<JsonElement>(body).GetProperty("id").GetGuid();
    }

    public static object Story(string visibility = "Public", Guid[]? imageIds = null, string? title = null, string body = "王老师带领学生志愿服务队深入社区，开展义务辅导三十余次。", int? unitId = null) =>
        new { unitId, title = title ?? $"先锋事迹{Guid.NewGuid():N}"[..16], body, visibility, imageIds };

    public static async Task<JsonElement> PostStoryAsync(this HttpClient client, object story)
    {
        var response = await client.PostAsJsonAsync("/api/stories", story);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>Settings that keep uploaded files in a temporary folder of the test's own.</summary>
    public static Dictionary<string, string?> MediaSettings(string folder, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Media:Folder"] = folder };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
