using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Brand;

public sealed class MediaTests : MediaAppTest
{
    protected override (string Key, string Value)[] MoreSettings => [("Media:MaxBytes", "2048")];

    private int StoredFiles => Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder).Length : 0;

    [Test]
    public async Task StoresAndServesAPublicImage_ToAnyone()
    {
        var (_, client) = await App.SeedSignedInAsync(members: 1, who: o => o.A.Members[0]);

        var response = await client.UploadAsync(BrandTestApi.Png);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.ReadAsync<JsonElement>();
        Assert.That(created.GetProperty("contentType").GetString(), Is.EqualTo("image/png"));
        var anonymous = App.CreateClient();
        var image = await anonymous.GetAsync(created.GetProperty("url").GetString());
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(image.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(await image.Content.ReadAsByteArrayAsync(), Is.EqualTo(BrandTestApi.Png));
    }

    [Test]
    public async Task Returns415AndStoresNothing_WhenTheFileIsNotAnImage()
    {
        var (_, client) = await App.SeedSignedInAsync(members: 1, who: o => o.A.Members[0]);
        var before = await App.WithDbAsync(db => db.Media.CountAsync());
        var files = StoredFiles;

        // Declared as a PNG, but the bytes are a script.
        var response = await client.UploadAsync("#!/bin/sh\necho not an image\n"u8.ToArray(), "photo.png", "image/png");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("PNG、JPEG、GIF 或 WebP"));
        Assert.That(await App.WithDbAsync(db => db.Media.CountAsync()), Is.EqualTo(before));
        Assert.That(StoredFiles, Is.EqualTo(files));
    }

    [Test]
    public async Task Returns400InPlainWordsAndStoresNothing_WhenTheImageHasNoLevelOrAnUnknownOne()
    {
        var (_, client) = await App.SeedSignedInAsync(members: 1, who: o => o.A.Members[0]);
        var before = await App.WithDbAsync(db => db.Media.CountAsync());

        var missing = await (await client.UploadAsync(BrandTestApi.Png, visibility: null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await (await client.UploadAsync(BrandTestApi.Png, visibility: "Secret")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Multiple(async () =>
        {
            Assert.That(missing.GetProperty("detail").GetString(), Is.EqualTo("请为图片选择信息级别（公开、党内或支委）。"));
            Assert.That(unknown.GetProperty("detail").GetString(), Is.EqualTo("信息级别无效，请选择公开、党内或支委。"));
            Assert.That(await App.WithDbAsync(db => db.Media.CountAsync()), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Returns413AndStoresNothing_WhenTheImageIsTooLarge()
    {
        var (_, client) = await App.SeedSignedInAsync(members: 1, who: o => o.A.Members[0]);
        var before = await App.WithDbAsync(db => db.Media.CountAsync());
        var files = StoredFiles;
        var large = BrandTestApi.Png.Concat(new byte[4096]).ToArray();

        var response = await client.UploadAsync(large);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("不能超过2 KB"));
        Assert.That(await App.WithDbAsync(db => db.Media.CountAsync()), Is.EqualTo(before));
        Assert.That(StoredFiles, Is.EqualTo(files));
    }

    [Test]
    public async Task HidesAnInternalImage_FromOtherBranchesAndAnonymousCallers()
    {
        var (org, client) = await App.SeedSignedInAsync(members: 2, who: o => o.A.Members[0]);
        var id = await client.UploadImageAsync(visibility: "Internal");

        Assert.That((await App.CreateClient().GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await (await App.SignInAsync(org.B.Members[0])).GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await (await App.SignInAsync(org.A.Members[1])).GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

/// <summary>Runs in plaintext mode and, with a PushEncodingAesKey configured, with the verdicts pushed encrypted (safe mode).</summary>
[TestFixture(false)]
[TestFixture(true)]
public sealed class MediaCheckTests(bool safeMode) : MediaAppTest
{
    protected override (string Key, string Value)[] MoreSettings => safeMode
        ? [("Media:WeChatCheck", "true"), ("WeChat:PushEncodingAesKey", WeChatMessageCryptoTests.Key)]
        : [("Media:WeChatCheck", "true")];

    [OneTimeSetUp]
    public void DeliverPushes() => App.Emulator.DeliverPushesTo(App.CreateClient());

    [Test]
    public async Task ShowsTheImage_OnlyAfterWeChatSaysPass()
    {
        var (_, client) = await App.SeedSignedInAsync(members: 1, who: o => o.A.Members[0]);
        var anonymous = App.CreateClient();

        var response = await client.UploadAsync(BrandTestApi.Png);
        var created = await response.ReadAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("Pending"));
        var stored = await App.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id));
        Assert.That(stored.CheckTraceId, Does.StartWith("emu-"), "the trace_id of media_check_async is kept to match the event");
        var hidden = await anonymous.GetAsync($"/api/media/{id}");
        if (hidden.StatusCode == HttpStatusCode.OK)
        {
            // The emulator may already have pushed the verdict; then it must say pass.
            Assert.That((await App.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id))).CheckSuggest, Is.EqualTo("pass"));
        }

        await App.Emulator.PushesDelivered;

        Assert.That((await anonymous.GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await App.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id))).Status.ToString(), Is.EqualTo("Approved"));
    }

    [Test]
    public async Task NeverShowsTheImage_WhenWeChatSaysRisky()
    {
        var (_, client) = await App.SeedSignedInAsync(members: 1, who: o => o.A.Members[0]);
        App.Emulator.QueueMediaVerdict("risky");

        var created = await (await client.UploadAsync(BrandTestApi.Png)).ReadAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        await App.Emulator.PushesDelivered;

        var stored = await App.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id));
        Assert.That(stored.Status.ToString(), Is.EqualTo("Rejected"));
        Assert.That((await App.CreateClient().GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.GetAsync($"/api/media/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not even the uploader");
        var story = await client.PostAsJsonAsync("/api/stories", BrandTestApi.Story(imageIds: [id]));
        await story.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }
}
