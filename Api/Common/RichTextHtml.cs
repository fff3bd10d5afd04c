using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace SmartBranch.Api.Common;

/// <summary>
/// Rich text (notice bodies, study texts) shown by the mini-program's rich-text component and the portal. Whatever the client sends
/// goes through an allow-list: a few formatting tags, links to http(s) only, images from https only,
/// simple tables, a handful of harmless CSS properties. Scripts, event handlers, frames, forms, SVG,
/// javascript:/data: URLs and CSS expressions never survive.
/// </summary>
internal static partial class RichTextHtml
{
    private static readonly string[] Tags =
    [
        "p", "br", "div", "section", "span", "strong", "b", "em", "i", "u", "sub", "sup", "blockquote", "hr",
        "h1", "h2", "h3", "h4", "ul", "ol", "li", "a", "img",
        "table", "thead", "tbody", "tr", "th", "td",
    ];

    private static readonly string[] Attributes = ["href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "style"];

    private static readonly string[] CssProperties =
    [
        "color", "background-color", "font-size", "font-weight", "font-style", "text-align", "text-decoration", "text-indent", "line-height",
    ];

    /// <summary>The allow-listed form of <paramref name="html"/>.</summary>
    public static string Sanitize(string html)
    {
        // A fresh sanitizer per call: its event handlers and sets are not meant to be shared across threads.
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(Tags);
        options.AllowedAttributes.UnionWith(Attributes);
        options.AllowedCssProperties.UnionWith(CssProperties);
        options.AllowedSchemes.UnionWith(["http", "https"]);
        options.UriAttributes.UnionWith(["href", "src"]);
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.FilterUrl += (_, e) =>
        {
            // Only absolute URLs: relative ones would resolve against the mini-program, and images load from https only.
            var allowed = Uri.TryCreate(e.OriginalUrl.Trim(), UriKind.Absolute, out var uri)
                && (e.Tag.TagName.Equals("IMG", StringComparison.OrdinalIgnoreCase) ? uri.Scheme == Uri.UriSchemeHttps : uri.Scheme is "http" or "https");
            if (!allowed)
            {
                e.SanitizedUrl = null;
            }
        };
        return sanitizer.Sanitize(html).Trim();
    }

    /// <summary>The text a reader sees, one line per block, for checks and excerpts.</summary>
    public static string ToPlainText(string html)
    {
        var withBreaks = BlockEnd().Replace(html, "\n");
        var text = WebUtility.HtmlDecode(AnyTag().Replace(withBreaks, string.Empty));
        return ManyBlankLines().Replace(text.Replace("\r", string.Empty, StringComparison.Ordinal), "\n\n").Trim();
    }

    /// <summary>True when the body shows something: text or an image.</summary>
    public static bool HasContent(string sanitized) =>
        ToPlainText(sanitized).Length > 0 || sanitized.Contains("<img", StringComparison.OrdinalIgnoreCase);

    /// <summary>A one-line excerpt for the feed: at most <paramref name="length"/> characters, cut between whole characters.</summary>
    public static string Excerpt(string html, int length = 80) =>
        SmartBranch.Domain.Common.TextCut.Shorten(Whitespace().Replace(ToPlainText(html), " "), length);

    [GeneratedRegex(@"<br\s*/?>|</(p|div|section|li|h[1-4]|tr|td|th|blockquote|table)>|<hr\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
