namespace SmartBranch.Api.Tests.Features.Brand;

/// <summary>
/// A fixture whose app keeps uploaded media (POST /api/media) in a temporary folder of its own, deleted once the app has
/// stopped. Override <see cref="MoreSettings"/> to add settings (a size limit, the WeChat media check).
/// </summary>
public abstract class MediaAppTest : FunctionalTest
{
    /// <summary>Where the app stores uploaded files.</summary>
    protected string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), $"sb-media-{Guid.NewGuid():N}");

    /// <summary>Settings beside <c>Media:Folder</c>; none by default.</summary>
    protected virtual (string Key, string Value)[] MoreSettings => [];

    protected override AppFactory CreateApp() => new(BrandTestApi.MediaSettings(MediaFolder, MoreSettings));

    protected override void Stopped()
    {
        if (Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }
    }
}
