using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Infrastructure.Caching;

/// <summary>
/// The app's shared <see cref="IMemoryCache"/> (HybridCache's in-process level: the access cache and mini-program code
/// images; the feed's excerpts) is bounded by size, counted in bytes: every entry states its size, and when the sum
/// passes <see cref="SizeLimitBytes"/> the cache drops the least recently used entries. HybridCache sizes its entries
/// itself (the serialised payload's length); an entry written directly must set <c>Size</c>, or MemoryCache
/// throws. The same unit as the feed page cache's own bounded MemoryCache. See deploy/bench/README.md, "Bounds on what
/// is kept in process".
/// </summary>
public static class ProcessMemoryCache
{
    /// <summary>Bytes the shared cache holds at most (a university's 50,000 notice excerpts need about 25 MB).</summary>
    public const long SizeLimitBytes = 64L * 1024 * 1024;

    /// <summary>What a cache entry costs beside its value: the entry object, its key and expiry state.</summary>
    public const int EntryOverheadBytes = 256;

    /// <summary>The size to give an entry holding <paramref name="value"/> (UTF-16: two bytes a character).</summary>
    public static long SizeOf(string value) => EntryOverheadBytes + (2L * value.Length);

    internal static IServiceCollection AddProcessMemoryCache(this IServiceCollection services) =>
        services.AddMemoryCache(o => o.SizeLimit = SizeLimitBytes);
}
