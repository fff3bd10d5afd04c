using System.Text.Json;
using SmartBranch.Api.Features.Org;
using SmartBranch.Domain.Common;
using UglyToad.PdfPig;

namespace SmartBranch.Api.Tests.Features.Transfers;

/// <summary>A transfer out of the installation: the letter PDF, its QR code, the public verification page, receipt and expiry.</summary>
public sealed class OutgoingLetterTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task PrintsVerifiableLetter_ValidThenExpired_WhenLetterIsIssued()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var leaver = org.A.Members[0];
        var idNumber = TransferTestData.IdNumber("11010520000501123");

        var id = (await (await secretary.PostAsJsonAsync("/api/transfers", new { memberId = leaver.Id, kind = "Outgoing", toOrganization = "中共某某大学计算机学院委员会" })).ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
        await secretary.PostAsJsonAsync($"/api/transfers/{id}/approve", new { duesPaidUpTo = "2026-02" });
        var issued = await secretary.PostAsJsonAsync($"/api/transfers/{id}/letter", new { sex = "Male", ethnicity = "汉", birthDate = "2000-05-01", idNumber, validDays = 30 });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK), await issued.Content.ReadAsStringAsync());
        var letter = await issued.ReadAsync<JsonElement>();
        var code = letter.GetProperty("verificationCode").GetString()!;

        var pdfResponse = await secretary.GetAsync($"/api/transfers/{id}/letter.pdf");
        Assert.That(pdfResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), await pdfResponse.Content.ReadAsStringAsync());
        var pdf = await pdfResponse.Content.ReadAsByteArrayAsync();
        TestContext.Out.WriteLine($"transfer letter: {pdf.Length:N0} bytes");
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var text = string.Concat(page.Letters.Select(l => l.Value));
        var qr = TransferTestData.DecodeQr(page);

        var anonymous = App.CreateClient();
        var valid = await anonymous.GetAsync($"/verify/letters/{code}");
        var validPage = await valid.Content.ReadAsStringAsync();
        App.Time!.Advance(TimeSpan.FromDays(30));
        var expired = await anonymous.GetAsync($"/verify/letters/{code}");
        var expiredPage = await expired.Content.ReadAsStringAsync();
        var unknown = await anonymous.GetAsync("/verify/letters/ABCDEFGHJKLMNPQR");
        var roster = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/members")).ReadAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(letter.GetProperty("state").GetString(), Is.EqualTo("LetterIssued"));
            Assert.That(letter.GetProperty("idNumberMasked").GetString(), Is.EqualTo($"110105********{idNumber[14..]}"));
            Assert.That(letter.GetProperty("validUntil").GetString(), Is.EqualTo("2026-03-31"));
            Assert.That(pdfResponse.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(pdf, Has.Length.LessThan(1024 * 1024), "the CJK font is embedded as a subset (Infrastructure/Pdf/README.md)");
            Assert.That(pdfResponse.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(pdfResponse.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo($"letter-{letter.GetProperty("letterNumber").GetString()}.pdf"), "the RFC 6266 UTF-8 name (filename*)");
            Assert.That(text, Does.Contain("中国共产党党员组织关系介绍信"));
            Assert.That(text, Does.Contain(leaver.Name));
            Assert.That(text, Does.Contain(idNumber), "the printed letter carries the full ID number");
            Assert.That(text, Does.Contain("2026年2月"), "dues paid up to");
            Assert.That(text, Does.Contain("25岁"));
            Assert.That(text, Does.Contain(code));
            Assert.That(qr, Does.EndWith($"/verify/letters/{code}"));
            Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(validPage, Does.Contain("data-state=\"valid\"").And.Contain("真实介绍信").And.Not.Contain(leaver.Name));
            Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(expiredPage, Does.Contain("data-state=\"expired\"").And.Contain("已过有效期"));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(roster.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()), Does.Not.Contain(leaver.Id), "the member left the roster");
        });

        // Expired without a receipt: flagged on the transfer and reminded to the sending secretary, once.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrgFlags>().SweepAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<OrgFlags>().SweepAsync(CancellationToken.None);
        }

        var flagged = await (await secretary.GetAsync($"/api/transfers/{id}")).ReadAsync<JsonElement>();
        var reminders = await App.WithDbAsync(db => db.Reminders.Where(r => r.SubjectType == SubjectTypes.Transfer && r.SubjectId == id && r.Slot == "letter-expired").Select(r => r.MemberId).ToListAsync());
        var receipt = await secretary.PostAsJsonAsync($"/api/transfers/{id}/receipt", new { note = "已收到回执" });
        var events = await (await secretary.GetAsync($"/api/members/{leaver.Id}/status")).ReadAsync<JsonElement>();
        var archived = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/members?archived=true")).ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(flagged.GetProperty("expired").GetBoolean(), Is.True);
            Assert.That(reminders, Is.EqualTo(new[] { org.A.Secretary.Id }));
            Assert.That(receipt.StatusCode, Is.EqualTo(HttpStatusCode.OK), await receipt.Content.ReadAsStringAsync());
            Assert.That((await receipt.ReadAsync<JsonElement>()).GetProperty("state").GetString(), Is.EqualTo("Received"));
            Assert.That(archived.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == leaver.Id).GetProperty("archivedOn").GetString(), Is.EqualTo("2026-03-02"));
            Assert.That(events.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("change").GetString()), Is.EqualTo(new[] { "Left" }));
        });
    }

    [Test]
    public async Task Returns400AndIssuesNothing_WhenIdNumberCheckDigitIsWrong()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await (await secretary.PostAsJsonAsync("/api/transfers", new { memberId = org.A.Members[0].Id, kind = "Outgoing", toOrganization = "外单位党委" })).ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
        await secretary.PostAsJsonAsync($"/api/transfers/{id}/approve", new { });
        var good = TransferTestData.IdNumber("11010520000501123");
        var bad = good[..17] + (good[17] == '1' ? '2' : '1');

        var response = await secretary.PostAsJsonAsync($"/api/transfers/{id}/letter", new { sex = "Female", ethnicity = "汉", birthDate = "2000-05-01", idNumber = bad });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var state = await App.WithDbAsync(db => db.Transfers.Where(t => t.Id == id).Select(t => t.State).SingleAsync());
        Assert.That(state.ToString(), Is.EqualTo("Approved"));
    }
}
