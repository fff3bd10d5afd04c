namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// A refused export opened by the browser itself (a console link: Accept text/html) shows a Chinese page with the
/// same status, title and detail; API clients (fetch, the mini-program: no text/html) keep the ProblemDetails JSON.
/// </summary>
public sealed class BrowserProblemPageTests() : SeededTest(branches: 2, members: 1)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    [Test]
    public async Task ShowsAChinesePage_WhenTheBrowserOpensARefusedExport_AndJsonToApiClients()
    {
        var stranger = await App.SignInAsync(Org.B.Secretary);
        var export = $"/api/org/units/{Org.A.Id}/members/export?format=xlsx";

        var page = await stranger.SendAsync(Browser(export, referer: "http://localhost/console/roster"));
        var html = await page.Content.ReadAsStringAsync();
        var json = await stranger.GetAsync(export);
        var problem = await json.AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("<html lang=\"zh-CN\">").And.Contain("<a href=\"/console/roster\">返回</a>"));
            Assert.That(html, Does.Contain($"<h1>{problem.GetProperty("title").GetString()}</h1>").And.Contain($"<p>{problem.GetProperty("detail").GetString()}</p>"));
            Assert.That(html, Does.Not.Contain("\"status\"").And.Not.Contain("traceId\""), "no raw JSON");
            Assert.That(json.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task ListsTheRefusedValues_WhenTheBrowserOpensABadExportAddress()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);

        var page = await secretary.SendAsync(Browser($"/api/org/units/{Org.A.Id}/members/export?format=pdf"));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("<h1>").And.Contain("<a href=\"/console\">返回</a>"));
            Assert.That(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty), Does.Match("[\u4e00-\u9fff]"), "says it in Chinese");
        });
    }

    private static HttpRequestMessage Browser(string url, string? referer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(BrowserAccept);
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return request;
    }
}
