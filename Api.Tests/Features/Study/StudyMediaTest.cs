using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Study;

/// <summary>
/// A fixture over one app on controlled time that keeps study media in a temporary folder, one organisation of two
/// branches seeded for it, and the first branch's secretary signed in (<see cref="Secretary"/>).
/// </summary>
public abstract class StudyMediaTest(int members) : SeededTest(branches: 2, members, fakeTime: true)
{
    /// <summary>The first branch's secretary, signed in once for the fixture.</summary>
    protected HttpClient Secretary { get; private set; } = null!;

    protected override AppFactory CreateApp() => new(
        new Dictionary<string, string?> { ["Media:Folder"] = Directory.CreateTempSubdirectory("smartbranch-study-media-").FullName },
        fakeTime: true);

    [OneTimeSetUp]
    public async Task SignInSecretaryAsync() => Secretary = await App.SignInAsync(Org.A.Secretary);

    /// <summary>Uploads the test audio (100 s) as the secretary in 256 KiB chunks; returns the finished upload.</summary>
    protected async Task<JsonElement> UploadAudioAsync()
    {
        var audio = await StudyTestApi.AudioAsync();
        return await Secretary.UploadAsync(audio.Bytes, audio.FileName, 256 * 1024);
    }
}
