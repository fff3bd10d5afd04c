using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using static SmartBranch.Api.Tests.Features.Development.DevelopmentApi;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>Files kept with a record: recognised by their first bytes, within the size limit, readable by the person and the committee only.</summary>
public sealed class AttachmentTests : FunctionalTest
{
    protected override AppFactory CreateApp() => new(settings: new Dictionary<string, string?> { ["Media:MaxBytes"] = "4096" });

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

    [Test]
    public async Task KeepsAPdf_AndRefusesOtherTypesAndOversizedFiles()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 1);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var number = $"F{Guid.NewGuid():N}"[..12];
        var id = (await CreateAsync(secretary, org.A.Id, "陈小兰", number, today.AddYears(-20), today)).GetProperty("id").GetInt32();

        var letter = await UploadAsync(secretary, $"/api/development/records/{id}/attachments", Pdf, "ApplicationLetter", "application/msword");
        var exe = await UploadAsync(secretary, $"/api/development/records/{id}/attachments", [0x4D, 0x5A, 0x90, 0x00, .. new byte[60]], "Other", "application/pdf");
        var big = await UploadAsync(secretary, $"/api/development/records/{id}/attachments", [.. Pdf, .. new byte[5000]], "Other", "application/pdf");
        var badKind = await UploadAsync(secretary, $"/api/development/records/{id}/attachments", Pdf, "Letter", "application/pdf");
        var other = await UploadAsync(await App.SignInAsync(org.B.Secretary), $"/api/development/records/{id}/attachments", Pdf, "Other", "application/pdf");

        var invitation = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/invitations", new { })).ReadAsync<JsonElement>();
        var applicant = await App.SignInUnboundAsync();
        var bound = await applicant.PostAsJsonAsync("/api/development/bind", new { scene = invitation.GetProperty("scene").GetString(), name = "陈小兰", number });
        var report = await UploadAsync(applicant, "/api/development/me/attachments", Pdf, "ThoughtReport", "application/pdf");
        var letterUrl = (await letter.ReadAsync<JsonElement>()).GetProperty("url").GetString();
        var byApplicant = await applicant.GetAsync(letterUrl);
        var byPlainMember = await (await App.SignInAsync(org.A.Members[0])).GetAsync(letterUrl);
        var byStranger = await (await App.SignInUnboundAsync()).GetAsync(letterUrl);
        var record = await (await secretary.GetAsync($"/api/development/records/{id}")).ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(letter.StatusCode, Is.EqualTo(HttpStatusCode.Created), await letter.Content.ReadAsStringAsync());
            Assert.That((await letter.ReadAsync<JsonElement>()).GetProperty("contentType").GetString(), Is.EqualTo("application/pdf"), "the bytes decide, not the declared type");
            await exe.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
            await big.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            Assert.That((await badKind.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), Is.EqualTo("请选择附件类别：入党申请书、思想汇报、政审材料或其他。"), "the kinds in words, no form field names");
            await other.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.That(bound.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.Created), await report.Content.ReadAsStringAsync());
            Assert.That(byApplicant.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await byApplicant.Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
            await byPlainMember.AssertProblemAsync(HttpStatusCode.NotFound);
            await byStranger.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.That(record.GetProperty("attachments").EnumerateArray().Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("byApplicant").GetBoolean())),
                Is.EqualTo(new[] { ("ApplicationLetter", false), ("ThoughtReport", true) }));
        });
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] bytes, string kind, string declaredType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", "file.bin");
        form.Add(new StringContent(kind), "kind");
        return await client.PostAsync(url, form);
    }
}
