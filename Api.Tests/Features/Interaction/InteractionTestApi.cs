using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Interaction;

/// <summary>Calls the interaction endpoints the way the mini-program does.</summary>
internal static class InteractionTestApi
{
    public static async Task<JsonElement> SendAsync(this HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {url}: {text}");
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    public static Task<JsonElement> PostOkAsync(this HttpClient client, string url, object? body, HttpStatusCode expected = HttpStatusCode.OK) =>
        client.SendAsync(HttpMethod.Post, url, body, expected);

    public static Task<JsonElement> GetOkAsync(this HttpClient client, string url) =>
        client.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.OK);

    /// <summary>Writes to the mailbox and returns the message id.</summary>
    public static async Task<int> WriteToMailboxAsync(this HttpClient client, string text = "建议在周末增加一次线上学习。", bool anonymous = false, string addressee = "Branch", string category = "Suggestion", Guid[]? imageIds = null)
    {
        var created = await client.PostOkAsync("/api/mailbox", new { addressee, category, text, anonymous, imageIds }, HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    /// <summary>The ids of the items in a list response.</summary>
    public static IReadOnlyList<int> Ids(this JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

    public static JsonElement Item(this JsonElement list, int id) =>
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
}
