using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SmartBranch.Api.Tests.Features.Portal;

/// <summary>Reads portal pages the way a visitor's browser does: anonymous, parsed as HTML.</summary>
internal static class PortalTestSite
{
    private static readonly HtmlParser Parser = new();

    /// <summary>GETs a page and parses it; fails the test unless the status is <paramref name="status"/>.</summary>
    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), $"{url}: {html}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), url);
        return Parser.ParseDocument(html);
    }

    /// <summary>Everything a visitor can read on the page, including the head's title and meta contents.</summary>
    public static string VisibleText(this IHtmlDocument page) =>
        string.Join('\n', new[] { page.Title ?? string.Empty, page.Body?.TextContent ?? string.Empty }
            .Concat(page.QuerySelectorAll("meta[content]").Select(m => m.GetAttribute("content") ?? string.Empty))
            .Concat(page.QuerySelectorAll("[alt]").Select(m => m.GetAttribute("alt") ?? string.Empty)));

    public static string? Meta(this IHtmlDocument page, string selector) => page.QuerySelector(selector)?.GetAttribute("content");

    /// <summary>Portal addresses the page links to (site-relative, without fragments).</summary>
    public static IEnumerable<string> PortalLinks(this IHtmlDocument page) =>
        page.QuerySelectorAll("a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith("/portal", StringComparison.Ordinal))
            .Select(h => h.Split('#')[0])
            .Distinct();

    /// <summary>
    /// Opens <paramref name="start"/> and every portal page reachable from it by links, at most <paramref name="limit"/>
    /// pages; returns each page's address and visible text.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> CrawlAsync(this HttpClient client, IEnumerable<string> start, int limit = 400)
    {
        var seen = new Dictionary<string, string>();
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && seen.Count < limit)
        {
            var url = queue.Dequeue();
            if (seen.ContainsKey(url))
            {
                continue;
            }

            var page = await client.PageAsync(url);
            seen[url] = page.VisibleText();
            foreach (var link in page.PortalLinks().Where(l => !seen.ContainsKey(l)))
            {
                queue.Enqueue(link);
            }
        }

        return seen;
    }
}
