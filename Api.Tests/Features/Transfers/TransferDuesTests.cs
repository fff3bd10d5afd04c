using System.Text.Json;
using UglyToad.PdfPig;

namespace SmartBranch.Api.Tests.Features.Transfers;

/// <summary>
/// 党费交至 on a transfer comes from the dues records, never from the calendar: the approving committee is offered
/// the month the member has actually paid through (or told there is no record), approving without a month takes it,
/// and the letter prints it or says plainly that there is none. The clock starts on 2026-03-02.
/// </summary>
public sealed class TransferDuesTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task OffersAndPrintsThePaidThroughMonthOfTheDuesRecords_AndSaysPlainlyWhenThereIsNone()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var (paying, unrecorded) = (org.A.Members[0], org.A.Members[1]);
        var setBase = await secretary.PutAsJsonAsync($"/api/dues/members/{paying.Id}/bases/2026", new { category = "Student", owedFrom = "2026-01" });
        var cash = await secretary.PostAsJsonAsync($"/api/dues/members/{paying.Id}/payments", new { through = "2026-02", method = "Cash", receiptNumber = "T-1" });
        var paidId = await RequestAsync(secretary, paying);
        var noneId = await RequestAsync(secretary, unrecorded);

        var offered = await (await secretary.GetAsync($"/api/transfers/{paidId}")).ReadAsync<JsonElement>();
        var nothing = await (await secretary.GetAsync($"/api/transfers/{noneId}")).ReadAsync<JsonElement>();
        var memberSees = await (await App.SignInAsync(paying)).GetAsync($"/api/transfers/{paidId}");
        var approvedPaid = await (await secretary.PostAsJsonAsync($"/api/transfers/{paidId}/approve", new { })).ReadAsync<JsonElement>();
        var approvedNone = await (await secretary.PostAsJsonAsync($"/api/transfers/{noneId}/approve", new { })).ReadAsync<JsonElement>();
        var paidLetter = await LetterTextAsync(secretary, paidId, "11010520000501123");
        var noneLetter = await LetterTextAsync(secretary, noneId, "11010520000502123");

        Assert.Multiple(async () =>
        {
            Assert.That(setBase.StatusCode, Is.EqualTo(HttpStatusCode.OK), await setBase.Content.ReadAsStringAsync());
            Assert.That(cash.StatusCode, Is.EqualTo(HttpStatusCode.Created), await cash.Content.ReadAsStringAsync());
            Assert.That(offered.GetProperty("duesOnRecord").GetProperty("paidThrough").GetString(), Is.EqualTo("2026-02"), "paid through February; March, the current month, is not paid");
            Assert.That(offered.GetProperty("duesOnRecord").GetProperty("text").GetString(), Is.EqualTo("党费记录显示已交至2026年2月"));
            Assert.That(nothing.GetProperty("duesOnRecord").GetProperty("paidThrough").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(nothing.GetProperty("duesOnRecord").GetProperty("text").GetString(), Is.EqualTo("本系统没有该党员的党费交纳记录"));
            Assert.That((await memberSees.ReadAsync<JsonElement>()).GetProperty("duesOnRecord").ValueKind, Is.EqualTo(JsonValueKind.Null), "only the approving committee is offered it");
            Assert.That(approvedPaid.GetProperty("duesPaidUpTo").GetString(), Is.EqualTo("2026-02"));
            Assert.That(approvedNone.GetProperty("duesPaidUpTo").ValueKind, Is.EqualTo(JsonValueKind.Null), "no record: nothing is assumed");
            Assert.That(paidLetter, Does.Contain("该同志党费已交到2026年2月。"));
            Assert.That(noneLetter, Does.Contain("该同志在转出党组织无党费交纳记录。").And.Not.Contain("党费已交到"), "never the current month by assumption");
        });
    }

    private static async Task<int> RequestAsync(HttpClient secretary, SeededMember member)
    {
        var response = await secretary.PostAsJsonAsync("/api/transfers", new { memberId = member.Id, kind = "Outgoing", toOrganization = "中共某某大学计算机学院委员会" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<string> LetterTextAsync(HttpClient secretary, int id, string first17)
    {
        var issued = await secretary.PostAsJsonAsync($"/api/transfers/{id}/letter", new { sex = "Male", ethnicity = "汉", birthDate = "2000-05-01", idNumber = TransferTestData.IdNumber(first17), validDays = 30 });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK), await issued.Content.ReadAsStringAsync());
        using var document = PdfDocument.Open(await secretary.GetByteArrayAsync($"/api/transfers/{id}/letter.pdf"));
        return string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
    }
}
