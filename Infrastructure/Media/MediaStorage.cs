using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SmartBranch.Infrastructure.Media;

/// <summary>
/// Where uploaded media's bytes live (images, audio, video, PDF, upload chunks). Rows about them are in
/// the database; this holds only bytes, under keys such as <c>3f2a….png</c> or <c>study/uploads/…/00003</c>
/// (see <see cref="MediaKeys"/>). Two implementations pass the same tests: <see cref="LocalMediaStorage"/>
/// (the embedded default) and <see cref="S3MediaStorage"/> (MinIO or any S3-compatible store). See README.md beside this file.
/// </summary>
public interface IMediaStorage
{
    /// <summary>Stores <paramref name="content"/> under a new key made of the id and extension, and returns the key.</summary>
    Task<string> SaveAsync(Guid id, string extension, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="content"/> (read from its current position to the end) under <paramref name="key"/>,
    /// replacing what was there: storing the same bytes twice is harmless, and a reader never sees half of them.
    /// </summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// The bytes stored under <paramref name="key"/> as a read-only, seekable stream whose <c>Length</c> is the
    /// stored size (so HTTP range requests can be answered from it), or null when nothing is stored there.
    /// </summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>The stored size in bytes, or null when nothing is stored under <paramref name="key"/>.</summary>
    Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes what is stored under <paramref name="key"/>; nothing happens when nothing is there.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every key that starts with <paramref name="folder"/> followed by '/', e.g. all chunks of an upload under
    /// <c>study/uploads/{id}</c>, and anything a write cut short left there; keys merely beginning with the same
    /// letters (<c>{folder}x/…</c>) stay. Nothing happens for an empty or invalid folder. Returns how many keys went
    /// (the local storage counts files, including leftovers of interrupted writes).
    /// </summary>
    Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken);
}

/// <summary>The shape every storage key has: segments of letters, digits, '.', '_' and '-' joined by '/'.</summary>
public static partial class MediaKeys
{
    public const int MaxLength = 200;

    /// <summary>True for a key both storages accept; never a path that could leave the storage's folder.</summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= MaxLength && Shape().IsMatch(key) && key.Split('/').All(s => s is not "." and not "..");

    /// <summary>Throws for a key that is not <see cref="IsValid"/>: keys are made by the server, so a bad one is a bug.</summary>
    public static string Checked(string key) =>
        IsValid(key) ? key : throw new ArgumentException($"Not a media storage key: '{key}'.", nameof(key));

    [GeneratedRegex("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")]
    private static partial Regex Shape();
}

/// <summary>Which implementation of <see cref="IMediaStorage"/> the app uses.</summary>
public enum MediaProvider
{
    /// <summary>A folder on the local disk (the embedded default; several instances need a shared folder).</summary>
    Local,

    /// <summary>An S3-compatible object store (MinIO in deploy/compose.yaml).</summary>
    S3,
}

/// <summary>Section "Media".</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary><c>Local</c> (default) or <c>S3</c>.</summary>
    public MediaProvider Provider { get; set; } = MediaProvider.Local;

    /// <summary>Folder of the local storage; empty → <c>data/media</c> under the content root.</summary>
    public string? Folder { get; set; }

    /// <summary>The S3-compatible store, when <see cref="Provider"/> is <c>S3</c>.</summary>
    public S3MediaOptions S3 { get; set; } = new();

    /// <summary>Largest accepted image upload in bytes (default 5 MB).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Submit every upload to WeChat's mediaCheckAsync and hide it until the verdict arrives.</summary>
    public bool WeChatCheck { get; set; }

    /// <summary>Public base address WeChat downloads images from (e.g. https://api.example.edu.cn); empty → the request's own.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Section "Media:S3".</summary>
public sealed class S3MediaOptions
{
    /// <summary>The store's address, e.g. <c>http://minio:9000</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The bucket holding every object (created beforehand, e.g. by the compose stack's minio-setup step).</summary>
    public string? Bucket { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Signing region; MinIO accepts the default.</summary>
    public string Region { get; set; } = "us-east-1";
}

/// <summary>A folder on the local disk (the default). Several instances need a shared folder or the S3 storage.</summary>
public sealed class LocalMediaStorage(string folder) : IMediaStorage
{
    public async Task<string> SaveAsync(Guid id, string extension, Stream content, CancellationToken cancellationToken)
    {
        var key = $"{id:N}{extension}";
        await PutAsync(key, content, cancellationToken);
        return key;
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(MediaKeys.Checked(key));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written beside the target and renamed over it: a reader sees the old bytes or the new ones, never a part.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = MediaKeys.IsValid(key) ? PathOf(key) : null;
        return Task.FromResult<Stream?>(path is not null && File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true)
            : null);
    }

    public Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken)
    {
        var file = MediaKeys.IsValid(key) ? new FileInfo(PathOf(key)) : null;
        return Task.FromResult(file is { Exists: true } ? file.Length : (long?)null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (MediaKeys.IsValid(key))
        {
            File.Delete(PathOf(key));
        }

        return Task.CompletedTask;
    }

    public Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var path = MediaKeys.IsValid(folder) ? PathOf(folder) : null;
        if (path is null || !Directory.Exists(path))
        {
            return Task.FromResult(0);
        }

        var count = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Count();
        Directory.Delete(path, recursive: true);
        return Task.FromResult(count);
    }

    // Keys are checked by MediaKeys: no rooted paths, no "..", so the path stays inside the folder.
    private string PathOf(string key) => Path.Combine(folder, key.Replace('/', Path.DirectorySeparatorChar));
}

public static class MediaStorageSetup
{
    /// <summary>Registers <see cref="MediaOptions"/> and the configured storage (the local folder unless <c>Media:Provider</c> is <c>S3</c>).</summary>
    public static IServiceCollection AddMediaStorage(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        var configured = configuration.GetSection(MediaOptions.SectionName).Get<MediaOptions>() ?? new MediaOptions();
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName).ValidateDataAnnotations()
            .Validate(
                o => o.Provider != MediaProvider.S3 || (!string.IsNullOrWhiteSpace(o.S3.Endpoint) && !string.IsNullOrWhiteSpace(o.S3.Bucket)
                    && !string.IsNullOrWhiteSpace(o.S3.AccessKey) && !string.IsNullOrWhiteSpace(o.S3.SecretKey)),
                "Media:S3:Endpoint, Media:S3:Bucket, Media:S3:AccessKey and Media:S3:SecretKey are required when Media:Provider is S3.")
            .ValidateOnStart();
        if (configured.Provider == MediaProvider.S3)
        {
            services.AddSingleton<IMediaStorage>(sp => S3MediaStorage.Create(sp.GetRequiredService<IOptions<MediaOptions>>().Value.S3));
        }
        else
        {
            var folder = string.IsNullOrWhiteSpace(configured.Folder) ? Path.Combine(environment.ContentRootPath, "data", "media") : configured.Folder;
            services.AddSingleton<IMediaStorage>(new LocalMediaStorage(folder));
        }

        return services;
    }
}
