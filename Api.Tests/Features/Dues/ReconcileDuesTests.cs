using System.Text.Json;
using SmartBranch.Domain.Dues;
using SmartBranch.Infrastructure.WeChatPay.Emulator;

namespace SmartBranch.Api.Tests.Features.Dues;

/// <summary>Reconciliation against the emulator's trade bill of 2026-03-02 (fetched the next day).</summary>
public sealed class ReconcileDuesTests : DuesTest
{
    [Test]
    public async Task ListsPaymentsTheEmulatorHasAndWeDoNot_AndFixesOneOnlyWhenAsked()
    {
        var (org, organizer) = await SeedAsync();
        var member = org.A.Members[1];
        var committee = await App.SignInAsync(organizer);
        await SetBaseAsync(committee, member, 300_000);
        var outTradeNo = OutTradeNo(await OrderAsync(await App.SignInAsync(member), "2026-01"));
        Pay.ScriptNext(PaymentScript.NeverNotify);
        await Pay.PayAsync(outTradeNo);
        Pay.AddForeignTransaction("FOREIGN" + Guid.NewGuid().ToString("N")[..12], 2_000, SmartBranch.Infrastructure.WeChat.Emulator.WeChatEmulator.OpenIdFor(member.Name), Now);
        var today = LocalToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var tooEarly = await committee.GetAsync($"/api/dues/branches/{org.A.Id}/reconciliation?date={today}");
        App.Time!.Advance(TimeSpan.FromDays(1));
        var response = await committee.GetAsync($"/api/dues/branches/{org.A.Id}/reconciliation?date={today}");
        var body = await response.ReadAsync<JsonElement>();
        var differences = body.GetProperty("differences").EnumerateArray()
            .Select(d => (Kind: d.GetProperty("kind").GetString(), Order: d.GetProperty("outTradeNo").GetString(), Member: d.GetProperty("memberId").GetInt32()))
            .ToList();
        var statusBefore = (await PaymentAsync(outTradeNo)).Status;

        Assert.Multiple(async () =>
        {
            await tooEarly.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(differences.Count(d => d.Kind == "PaidThereNotHere" && d.Member == member.Id), Is.EqualTo(2), "our unpaid order and the payer's unknown trade");
            Assert.That(differences.Select(d => d.Order), Does.Contain(outTradeNo));
            Assert.That(body.GetProperty("weChatFen").GetInt64(), Is.EqualTo(3_500), "1,500 fen ordered here, 2,000 fen from an order we never made");
            Assert.That(body.GetProperty("ourFen").GetInt64(), Is.Zero);
            Assert.That(statusBefore, Is.EqualTo(DuesPaymentStatus.Pending), "listing a difference fixes nothing");
        });

        var resolve = await committee.PostAsJsonAsync($"/api/dues/branches/{org.A.Id}/reconciliation/resolve", new { outTradeNo });
        var again = await (await committee.GetAsync($"/api/dues/branches/{org.A.Id}/reconciliation?date={today}")).ReadAsync<JsonElement>();
        var audit = await App.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.UnitId == org.A.Id && a.Action == "dues.reconciled").Select(a => a.ActorMemberId).ToListAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(resolve.StatusCode, Is.EqualTo(HttpStatusCode.OK), await resolve.Content.ReadAsStringAsync());
            Assert.That((await PaymentAsync(outTradeNo)).Status, Is.EqualTo(DuesPaymentStatus.Paid));
            Assert.That(Paid(await BillsAsync(member)), Is.EqualTo(Months(1)));
            Assert.That(again.GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("outTradeNo").GetString()), Does.Not.Contain(outTradeNo));
            Assert.That(audit, Is.EqualTo(new[] { organizer.Id }));
        });
    }
}
