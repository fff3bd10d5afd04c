using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Caching.Memory;
using SmartBranch.Infrastructure.Caching;

namespace SmartBranch.Api.Features.Notices;

/// <summary>
/// Members' first feed pages as the UTF-8 JSON the API answers, kept in process (a bounded
/// <see cref="MemoryCache"/> of its own) so a repeated feed request runs no query and serialises nothing.
/// Each entry is keyed by everything the page is made from: the member, the page size, the China date (a
/// committee term that ends or starts changes which notices a member manages), and the three generations the
/// session lookup read (<see cref="RequestGenerations"/>: access for the member, units and unit names; notices for
/// every notice, audience and recipient row; the session's own for the member's reads and sign-offs). A change
/// starts a new generation in Redis once committed, so every instance misses on its next request; entries of old
/// generations are never read again and leave by expiry or when the size limit compacts the cache.
/// See deploy/bench/README.md, "Feed page cache".
/// </summary>
public sealed class FeedCache : IDisposable
{
    /// <summary>The bytes kept at most (pages are 5–15 KB: some thousands of members' first pages).</summary>
    public const long SizeLimitBytes = 32L * 1024 * 1024;

    // Key strings and the entry itself, counted beside the page's bytes.
    private const int EntryOverheadBytes = 256;

    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    /// <summary>What a member's first page depends on.</summary>
    public readonly record struct Key(int MemberId, int Take, DateOnly Today, string Access, string Notices, string Session);

    /// <summary>The key for this request, or null when the request's generations are unknown (nothing is cached then).</summary>
    public static Key? For(CurrentMember current, int memberId, int take, DateOnly today) =>
        current.Generations is { Access: { } access, Notices: { } notices, Session: { } session }
            ? new Key(memberId, take, today, access, notices, session)
            : null;

    public bool TryGet(Key key, out byte[] page) => _pages.TryGetValue(key, out page!) && page is not null;

    public void Set(Key key, byte[] page) =>
        _pages.Set(key, page, new MemoryCacheEntryOptions { Size = page.Length + EntryOverheadBytes, SlidingExpiration = Sliding });

    public void Dispose() => _pages.Dispose();
}

/// <summary>
/// A page of JSON already serialised with the API's options, written as is. Documented in OpenAPI as
/// <typeparamref name="T"/> with 200, exactly as <see cref="Ok{TValue}"/> would be.
/// </summary>
/// <typeparam name="T">The shape the bytes hold.</typeparam>
public sealed class Utf8JsonPage<T>(byte[] json) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
    }

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
