using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace SmartBranch.Api.Areas.Portal;

/// <summary>
/// Makes portal pages cacheable: a 200 page gets a strong ETag (a hash of the bytes sent) and
/// <c>Cache-Control: public, max-age=60</c>; a request whose <c>If-None-Match</c> names the current ETag gets 304 without the
/// body. Pages are rendered from the database on every request, so the server never answers with old content; a browser
/// or proxy may show a page at most <see cref="MaxAgeSeconds"/> seconds old. Anything else (404, errors, an answer
/// that sets a cookie) is <c>no-store</c>, so nothing personal can land in a shared cache.
/// </summary>
internal sealed class PortalCaching(RequestDelegate next)
{
    /// <summary>How long a browser or proxy may reuse a page without asking again (README: "Caching").</summary>
    public const int MaxAgeSeconds = 60;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            response.Headers.CacheControl = "no-store";
            if (buffer.Length == 0 && response.StatusCode >= StatusCodes.Status400BadRequest)
            {
                // Nothing was written (an address no page answers, e.g. /portal/stories/abc): leave the body to the
                // status code pages (the Chinese ProblemDetails every unknown address gets) instead of an empty page.
                return;
            }

            await SendAsync(response, buffer, context.RequestAborted);
            return;
        }

        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), 0, 18)}\"");
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        var asked = context.Request.GetTypedHeaders().IfNoneMatch;
        if (asked.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            return;
        }

        await SendAsync(response, buffer, context.RequestAborted);
    }

    private static async Task SendAsync(HttpResponse response, MemoryStream buffer, CancellationToken cancellationToken)
    {
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, cancellationToken);
    }
}
