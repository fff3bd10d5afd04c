using System.Text.Json;

namespace SmartBranch.Api.Tests.Common;

/// <summary>Mini-program code images are fetched from WeChat once per encoded scene and kept (<c>MiniProgramCodeImages</c>).</summary>
public sealed class MiniProgramCodeImagesTests : FunctionalTest
{
    [Test]
    public async Task CallsWeChatOnce_WhenTheSameInvitationCodeIsAskedForTwice()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var invitation = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/invitations", new { singleUse = false })).ReadAsync<JsonElement>();
        var other = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/invitations", new { singleUse = false })).ReadAsync<JsonElement>();
        var calls = App.Emulator.CallCount("wxa/getwxacodeunlimit");

        var first = await secretary.GetAsync($"/api/invitations/{invitation.GetProperty("id").GetInt32()}/qrcode");
        var second = await secretary.GetAsync($"/api/invitations/{invitation.GetProperty("id").GetInt32()}/qrcode");
        var third = await secretary.GetAsync($"/api/invitations/{other.GetProperty("id").GetInt32()}/qrcode");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        var firstImage = await first.Content.ReadAsByteArrayAsync();
        Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(firstImage));
        Assert.That(await third.Content.ReadAsByteArrayAsync(), Is.Not.EqualTo(firstImage), "another scene is another image");
        Assert.That(App.Emulator.CallCount("wxa/getwxacodeunlimit") - calls, Is.EqualTo(2), "one call per invitation");
    }

    [Test]
    public async Task KeepsNoFailure_WhenWeChatRefusesOnce()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var invitation = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/invitations", new { singleUse = false })).ReadAsync<JsonElement>();
        App.Emulator.FailNext("wxa/getwxacodeunlimit", 45009);

        var refused = await secretary.GetAsync($"/api/invitations/{invitation.GetProperty("id").GetInt32()}/qrcode");
        var retried = await secretary.GetAsync($"/api/invitations/{invitation.GetProperty("id").GetInt32()}/qrcode");

        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(retried.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
    }
}
