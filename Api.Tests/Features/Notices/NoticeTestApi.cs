using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Notices;

/// <summary>Posting and reading notices the way the mini-program does.</summary>
internal static class NoticeTestApi
{
    public const string DefaultBody = "<p>请全体党员本周五下午参加主题党日活动。</p>";

    public static object Request(
        int[]? unitIds = null,
        int[]? memberIds = null,
        string visibility = "Internal",
        string? title = null,
        string body = DefaultBody,
        bool requiresAck = false,
        bool pinned = false,
        bool confirmNotClassified = true) => new
        {
            title = title ?? $"通知{Guid.NewGuid():N}"[..20],
            body,
            visibility,
            audience = new { unitIds, memberIds },
            requiresAck,
            pinned,
            confirmNotClassified,
        };

    /// <summary>Posts a notice and returns its id; fails the test unless it was stored (201).</summary>
    public static async Task<int> PostNoticeAsync(this HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/notices", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonSerializer.Deserialize<JsonElement>(body).GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static IEnumerable<string> Names(this JsonElement array, string property = "name") =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!);
}
