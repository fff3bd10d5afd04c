using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SmartBranch.Api.Common.Errors;

/// <summary>
/// A refusal or failure shown to a person in a browser: when the browser itself opens an address (an export or print
/// link of the console, a console page the member may not open) it asks for <c>text/html</c>, and instead of raw
/// ProblemDetails JSON it gets a short Chinese page with the same status, title and detail, and a way back. Callers
/// that do not ask for HTML (the console's fetch calls, the mini-program, API clients) keep the JSON; the title and
/// detail are the same, made by the ProblemDetails customisation in <see cref="ErrorHandling"/>.
/// </summary>
internal sealed class HtmlProblemWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    // Chinese text as it is (the default encoder writes every non-Latin character as an entity).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        options.Value.CustomizeProblemDetails?.Invoke(context);

        var encode = Encoder;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(encode.Encode(problem.Title ?? "出错了")).Append(" - 智慧党支部</title></head><body>")
            .Append("<main data-testid=\"problem\" data-status=\"").Append(problem.Status).Append("\">")
            .Append("<h1>").Append(encode.Encode(problem.Title ?? "出错了")).Append("</h1>");
        if (problem.Detail is { Length: > 0 } detail)
        {
            html.Append("<p>").Append(encode.Encode(detail)).Append("</p>");
        }

        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } invalid)
        {
            html.Append("<ul>");
            foreach (var message in invalid.Errors.SelectMany(e => e.Value))
            {
                html.Append("<li>").Append(encode.Encode(message)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<p><a href=\"").Append(encode.Encode(BackTo(http.Request))).Append("\">返回</a></p>");
        if (problem.Extensions.TryGetValue("traceId", out var traceId) && traceId is not null)
        {
            html.Append("<p><small>如需联系管理员，请告知编号：").Append(encode.Encode(traceId.ToString() ?? string.Empty)).Append("</small></p>");
        }

        html.Append("</main></body></html>");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html.ToString(), http.RequestAborted);
    }

    /// <summary>The page the link was on (same site only), else the area the address belongs to.</summary>
    private static string BackTo(HttpRequest request)
    {
        if (Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return referer.PathAndQuery;
        }

        return request.Path.StartsWithSegments("/portal", StringComparison.OrdinalIgnoreCase) ? "/portal" : "/console";
    }
}
