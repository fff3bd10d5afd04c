using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SmartBranch.Infrastructure.Media;

/// <summary>Where uploaded images' bytes live. Rows about them are in the database; this holds only bytes.</summary>
public interface IMediaStorage
{
    /// <summary>Stores <paramref name="content"/> under a new key and returns the key.</summary>
    Task<string> SaveAsync(Guid id, string extension, Stream content, CancellationToken cancellationToken);

    /// <summary>The bytes stored under <paramref name="key"/>, or null when they are gone.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Section "Media".</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Folder of the local storage; empty → <c>data/media</c> under the content root.</summary>
    public string? Folder { get; set; }

    /// <summary>Largest accepted upload in bytes (default 5 MB).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Submit every upload to WeChat's mediaCheckAsync and hide it until the verdict arrives.</summary>
    public bool WeChatCheck { get; set; }

    /// <summary>Public base address WeChat downloads images from (e.g. https://api.example.edu.cn); empty → the request's own.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>A folder on the local disk (the default). Several instances need a shared folder or another implementation.</summary>
public sealed class LocalMediaStorage(string folder) : IMediaStorage
{
    public async Task<string> SaveAsync(Guid id, string extension, Stream content, CancellationToken cancellationToken)
    {
        var key = $"{id:N}{extension}";
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, key);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(path is not null && File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (PathOf(key) is { } path)
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    // Keys are our own file names; anything with a path separator is not one of them.
    private string? PathOf(string key) =>
        key.Length == 0 || key.IndexOfAny(['/', '\\']) >= 0 || key.Contains("..", StringComparison.Ordinal) ? null : Path.Combine(folder, key);
}

public static class MediaStorageSetup
{
    /// <summary>Registers <see cref="MediaOptions"/> and the local folder storage.</summary>
    public static IServiceCollection AddMediaStorage(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var configured = configuration.GetSection(MediaOptions.SectionName).Get<MediaOptions>()?.Folder;
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(environment.ContentRootPath, "data", "media") : configured;
        services.AddSingleton<IMediaStorage>(new LocalMediaStorage(folder));
        return services;
    }
}
