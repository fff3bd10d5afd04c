using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>HTTP clients signed in the way the mini-program signs in: a wx.login code through the emulator.</summary>
public static class ApiClients
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Signs in with a <c>dev-…</c> code and returns a client carrying the session token.</summary>
    public static async Task<HttpClient> SignInAsync(this AppFactory factory, string devCode)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/wechat-login", new { code = devCode });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var login = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
        return client;
    }

    public static Task<HttpClient> SignInAsync(this AppFactory factory, SeededMember member) => factory.SignInAsync(member.DevCode);

    /// <summary>A client of <paramref name="other"/> carrying this client's session (two instances sharing one session store).</summary>
    public static HttpClient SameSessionOn(this HttpClient signedIn, AppFactory other)
    {
        var client = other.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>A WeChat user who signed in but is bound to no roster entry.</summary>
    public static Task<HttpClient> SignInUnboundAsync(this AppFactory factory) => factory.SignInAsync($"dev-stranger-{Guid.NewGuid():N}");

    /// <summary>Reads a JSON body with the API's conventions (camelCase, enums as strings).</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new AssertionException($"Empty body: {body}");
    }

    /// <summary>
    /// Every page of a paged list (<c>{ items, nextCursor }</c>), following <c>nextCursor</c> as <c>cursor</c> until it is
    /// null (at most 10 pages): the item ids of each page, each answer asserted 200.
    /// </summary>
    public static async Task<List<int[]>> PageIdsAsync(this HttpClient client, string url)
    {
        var pages = new List<int[]>();
        string? cursor = null;
        do
        {
            var response = await client.GetAsync(cursor is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            var body = await response.ReadAsync<JsonElement>();
            pages.Add(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray());
            cursor = body.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 10);

        return pages;
    }

    /// <summary>Asserts the status and that the body is ProblemDetails; returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
        return problem;
    }

    /// <summary>Asserts the status, that the body is ProblemDetails and that its <c>code</c> is <paramref name="code"/>; returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.AssertProblemAsync(status);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo(code), problem.ToString());
        return problem;
    }
}
