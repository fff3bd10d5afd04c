using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Brand;

public sealed class MediaTests
{
    private AppFactory _app = null!;
    private string _media = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _media = Path.Combine(Path.GetTempPath(), $"sb-media-{Guid.NewGuid():N}");
        _app = new AppFactory(BrandTestApi.MediaSettings(_media, ("Media:MaxBytes", "2048")));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _app.Dispose();
        if (Directory.Exists(_media))
        {
            Directory.Delete(_media, recursive: true);
        }
    }

    private int StoredFiles => Directory.Exists(_media) ? Directory.GetFiles(_media).Length : 0;

    [Test]
    public async Task StoresAndServesAPublicImage_ToAnyone()
    {
        var org = await _app.SeedAsync(members: 1);
        var client = await _app.SignInAsync(org.A.Members[0]);

        var response = await client.UploadAsync(BrandTestApi.Png);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.ReadAsync<JsonElement>();
        Assert.That(created.GetProperty("contentType").GetString(), Is.EqualTo("image/png"));
        var anonymous = _app.CreateClient();
        var image = await anonymous.GetAsync(created.GetProperty("url").GetString());
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(image.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(await image.Content.ReadAsByteArrayAsync(), Is.EqualTo(BrandTestApi.Png));
    }

    [Test]
    public async Task Returns415AndStoresNothing_WhenTheFileIsNotAnImage()
    {
        var org = await _app.SeedAsync(members: 1);
        var client = await _app.SignInAsync(org.A.Members[0]);
        var before = await _app.WithDbAsync(db => db.Media.CountAsync());
        var files = StoredFiles;

        // Declared as a PNG, but the bytes are a script.
        var response = await client.UploadAsync("#!/bin/sh\necho not an image\n"u8.ToArray(), "photo.png", "image/png");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("PNG、JPEG、GIF 或 WebP"));
        Assert.That(await _app.WithDbAsync(db => db.Media.CountAsync()), Is.EqualTo(before));
        Assert.That(StoredFiles, Is.EqualTo(files));
    }

    [Test]
    public async Task Returns413AndStoresNothing_WhenTheImageIsTooLarge()
    {
        var org = await _app.SeedAsync(members: 1);
        var client = await _app.SignInAsync(org.A.Members[0]);
        var before = await _app.WithDbAsync(db => db.Media.CountAsync());
        var files = StoredFiles;
        var large = BrandTestApi.Png.Concat(new byte[4096]).ToArray();

        var response = await client.UploadAsync(large);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("不能超过2 KB"));
        Assert.That(await _app.WithDbAsync(db => db.Media.CountAsync()), Is.EqualTo(before));
        Assert.That(StoredFiles, Is.EqualTo(files));
    }

    [Test]
    public async Task HidesAnInternalImage_FromOtherBranchesAndAnonymousCallers()
    {
        var org = await _app.SeedAsync(members: 2);
        var client = await _app.SignInAsync(org.A.Members[0]);
        var id = await client.UploadImageAsync(visibility: "Internal");

        Assert.That((await _app.CreateClient().GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await (await _app.SignInAsync(org.B.Members[0])).GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await (await _app.SignInAsync(org.A.Members[1])).GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

/// <summary>Runs in plaintext mode and, with a PushEncodingAesKey configured, with the verdicts pushed encrypted (safe mode).</summary>
[TestFixture(false)]
[TestFixture(true)]
public sealed class MediaCheckTests(bool safeMode)
{
    private AppFactory _app = null!;
    private string _media = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _media = Path.Combine(Path.GetTempPath(), $"sb-media-{Guid.NewGuid():N}");
        _app = new AppFactory(safeMode
            ? BrandTestApi.MediaSettings(_media, ("Media:WeChatCheck", "true"), ("WeChat:PushEncodingAesKey", WeChatMessageCryptoTests.Key))
            : BrandTestApi.MediaSettings(_media, ("Media:WeChatCheck", "true")));
        _app.Emulator.DeliverPushesTo(_app.CreateClient());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _app.Dispose();
        if (Directory.Exists(_media))
        {
            Directory.Delete(_media, recursive: true);
        }
    }

    [Test]
    public async Task ShowsTheImage_OnlyAfterWeChatSaysPass()
    {
        var org = await _app.SeedAsync(members: 1);
        var client = await _app.SignInAsync(org.A.Members[0]);
        var anonymous = _app.CreateClient();

        var response = await client.UploadAsync(BrandTestApi.Png);
        var created = await response.ReadAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("Pending"));
        var stored = await _app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id));
        Assert.That(stored.CheckTraceId, Does.StartWith("emu-"), "the trace_id of media_check_async is kept to match the event");
        var hidden = await anonymous.GetAsync($"/api/media/{id}");
        if (hidden.StatusCode == HttpStatusCode.OK)
        {
            // The emulator may already have pushed the verdict; then it must say pass.
            Assert.That((await _app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id))).CheckSuggest, Is.EqualTo("pass"));
        }

        await _app.Emulator.PushesDelivered;

        Assert.That((await anonymous.GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id))).Status.ToString(), Is.EqualTo("Approved"));
    }

    [Test]
    public async Task NeverShowsTheImage_WhenWeChatSaysRisky()
    {
        var org = await _app.SeedAsync(members: 1);
        var client = await _app.SignInAsync(org.A.Members[0]);
        _app.Emulator.QueueMediaVerdict("risky");

        var created = await (await client.UploadAsync(BrandTestApi.Png)).ReadAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        await _app.Emulator.PushesDelivered;

        var stored = await _app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id));
        Assert.That(stored.Status.ToString(), Is.EqualTo("Rejected"));
        Assert.That((await _app.CreateClient().GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not even the uploader");
        var story = await client.PostAsJsonAsync("/api/stories", BrandTestApi.Story(imageIds: [id]));
        await story.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }
}
