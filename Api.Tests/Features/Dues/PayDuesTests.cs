using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmartBranch.Api.Common.Tables;
using SmartBranch.Api.Features.Dues;
using SmartBranch.Domain.Dues;
using SmartBranch.Infrastructure.WeChatPay.Emulator;

namespace SmartBranch.Api.Tests.Features.Dues;

/// <summary>Paying dues with WeChat Pay end to end, against the WeChat Pay emulator (clock: 2026-03-02 09:00 China time).</summary>
public sealed class PayDuesTests : DuesTest
{
    [Test]
    public async Task PaysThreeMonthsOnce_WhenNotificationArrivesTwice()
    {
        var (org, _) = await SeedAsync();
        var member = org.A.Members[1];
        var secretary = await App.SignInAsync(org.A.Secretary);
        var client = await App.SignInAsync(member);
        await SetBaseAsync(secretary, member, 450_000);

        var owed = await (await client.GetAsync("/api/dues/me")).ReadAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(owed.GetProperty("basis").GetProperty("rateBasisPoints").GetInt32(), Is.EqualTo(100));
            Assert.That(owed.GetProperty("basis").GetProperty("monthlyFen").GetInt64(), Is.EqualTo(4_500));
            Assert.That(owed.GetProperty("basis").GetProperty("explanation").GetString(), Does.Contain("按1%交纳"));
            Assert.That(owed.GetProperty("unpaid").EnumerateArray().Select(m => m.GetProperty("month").GetString()), Is.EqualTo(Months(1, 2, 3)));
            Assert.That(owed.GetProperty("unpaidFen").GetInt64(), Is.EqualTo(13_500));
            Assert.That(owed.GetProperty("payable").GetArrayLength(), Is.EqualTo(12));
        });

        var order = await OrderAsync(client, "2026-03");
        var again = await OrderAsync(client, "2026-03");
        var outTradeNo = OutTradeNo(order);
        Assert.Multiple(() =>
        {
            Assert.That(order.GetProperty("payment").GetProperty("amountFen").GetInt64(), Is.EqualTo(13_500));
            Assert.That(order.GetProperty("payment").GetProperty("status").GetString(), Is.EqualTo("Pending"));
            Assert.That(OutTradeNo(again), Is.EqualTo(outTradeNo), "asking again for the same months returns the same open order");
            Assert.That(PaySignVerifies(order.GetProperty("requestPayment")), Is.True, "paySign verifies with the merchant's public key");
            Assert.That(order.GetProperty("requestPayment").GetProperty("package").GetString(), Does.StartWith("prepay_id=wx"));
        });

        Pay.ScriptNext(PaymentScript.NotifyTwice);
        var answers = await Pay.PayAsync(outTradeNo);

        var payment = await PaymentAsync(outTradeNo);
        var history = await (await client.GetAsync("/api/dues/me/payments")).ReadAsync<JsonElement>();
        Assert.Multiple(async () =>
        {
            Assert.That(answers, Is.EqualTo(new[] { 204, 204 }));
            Assert.That(payment.Status, Is.EqualTo(DuesPaymentStatus.Paid));
            Assert.That(payment.ReceiptNumber, Does.StartWith("4200"));
            Assert.That(Paid(await BillsAsync(member)), Is.EqualTo(Months(1, 2, 3)));
            Assert.That(await App.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.MemberId == member.Id)), Is.EqualTo(1));
            Assert.That(history.GetProperty("items").EnumerateArray().Single().GetProperty("receiptNumber").GetString(), Is.EqualTo(payment.ReceiptNumber));
        });

        var branch = await (await secretary.GetAsync($"/api/dues/branches/{org.A.Id}?month=2026-03")).ReadAsync<JsonElement>();
        var report = await (await client.GetAsync("/api/dues/report?year=2026")).ReadAsync<JsonElement>();
        var reportBranch = report.GetProperty("branches").EnumerateArray().Single(b => b.GetProperty("branchId").GetInt32() == org.A.Id);
        Assert.Multiple(() =>
        {
            Assert.That(branch.GetProperty("paid").EnumerateArray().Select(p => (p.GetProperty("memberId").GetInt32(), p.GetProperty("paidFen").GetInt64())), Is.EqualTo(new[] { (member.Id, 4_500L) }));
            Assert.That(branch.GetProperty("paidFen").GetInt64(), Is.EqualTo(4_500));
            Assert.That(reportBranch.GetProperty("totalFen").GetInt64(), Is.EqualTo(13_500));
            Assert.That(reportBranch.GetProperty("months").EnumerateArray().Take(4).Select(m => m.GetProperty("membersPaid").GetInt32()), Is.EqualTo(new[] { 1, 1, 1, 0 }));
            Assert.That(report.GetProperty("branches").GetArrayLength(), Is.EqualTo(1), "a member sees their own branch's report only");
        });

        var xlsx = await secretary.GetAsync("/api/dues/report?year=2026&format=xlsx");
        var rows = TableFile.Read(await xlsx.Content.ReadAsStreamAsync(), TableFormat.Xlsx);
        Assert.Multiple(() =>
        {
            Assert.That(xlsx.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            Assert.That(rows.Where(r => r["支部"] == org.A.Name).Select(r => (r["月份"], r["党费收入（元）"])).Take(3), Is.EqualTo(new[] { ("2026-01", "45"), ("2026-02", "45"), ("2026-03", "45") }));
        });
    }

    [Test]
    public async Task ChangesNothing_WhenNotificationSignatureIsBad()
    {
        var (member, outTradeNo) = await OpenOrderAsync();

        Pay.ScriptNext(PaymentScript.BadSignature);
        var answers = await Pay.PayAsync(outTradeNo);

        Assert.Multiple(async () =>
        {
            Assert.That(answers, Is.EqualTo(new[] { 401 }));
            Assert.That((await PaymentAsync(outTradeNo)).Status, Is.EqualTo(DuesPaymentStatus.Pending));
            Assert.That(Paid(await BillsAsync(member)), Is.Empty);
            Assert.That(App.Logs.Lines, Has.Some.Contains("Refused a WeChat Pay notification").And.Contains("does not verify"));
        });
    }

    [Test]
    public async Task ChangesNothing_WhenOldNotificationIsReplayed()
    {
        var (member, outTradeNo) = await OpenOrderAsync();
        Pay.ScriptNext(PaymentScript.NeverNotify);
        await Pay.PayAsync(outTradeNo);

        var replay = Pay.TransactionNotification(outTradeNo, Now.AddMinutes(-6));
        var answer = await Pay.DeliverAsync(replay);

        Assert.Multiple(async () =>
        {
            Assert.That(answer, Is.EqualTo(401));
            Assert.That((await PaymentAsync(outTradeNo)).Status, Is.EqualTo(DuesPaymentStatus.Pending));
            Assert.That(Paid(await BillsAsync(member)), Is.Empty);
            Assert.That(App.Logs.Lines, Has.Some.Contains("Refused a WeChat Pay notification").And.Contains("replay"));
        });
    }

    [Test]
    public async Task ChangesNothing_WhenNotificationBodyIsTampered()
    {
        var (member, outTradeNo) = await OpenOrderAsync();
        Pay.ScriptNext(PaymentScript.NeverNotify);
        await Pay.PayAsync(outTradeNo);
        var genuine = Pay.TransactionNotification(outTradeNo, Now);
        var body = System.Text.Json.Nodes.JsonNode.Parse(genuine.Body)!;
        var ciphertext = Convert.FromBase64String(body["resource"]!["ciphertext"]!.GetValue<string>());
        ciphertext[^20] ^= 0x01; // one bit of the encrypted amount

        // An attacker can flip bits but has neither the platform key to sign nor the APIv3 key to encrypt.
        body["resource"]!["ciphertext"] = Convert.ToBase64String(ciphertext);
        var tampered = genuine with { Body = body.ToJsonString() };
        var answer = await Pay.DeliverAsync(tampered);

        Assert.Multiple(async () =>
        {
            Assert.That(answer, Is.EqualTo(401));
            Assert.That((await PaymentAsync(outTradeNo)).Status, Is.EqualTo(DuesPaymentStatus.Pending));
            Assert.That(Paid(await BillsAsync(member)), Is.Empty);
        });
    }

    [Test]
    public async Task DisputesAndTellsOrganizer_WhenPaidAmountDiffersFromOrder()
    {
        var (org, organizer) = await SeedAsync();
        var member = org.A.Members[1];
        await SetBaseAsync(await App.SignInAsync(org.A.Secretary), member, 300_000);
        var outTradeNo = OutTradeNo(await OrderAsync(await App.SignInAsync(member), "2026-01"));

        Pay.ScriptNext(PaymentScript.WrongAmount);
        var answers = await Pay.PayAsync(outTradeNo);

        var payment = await PaymentAsync(outTradeNo);
        var branch = await (await (await App.SignInAsync(organizer)).GetAsync($"/api/dues/branches/{org.A.Id}?month=2026-01")).ReadAsync<JsonElement>();
        var told = await App.WithDbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectType == "dues" && r.SubjectId == member.Id && r.Slot.StartsWith("disputed-")).Select(r => r.MemberId).ToListAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(answers, Is.EqualTo(new[] { 204 }), "a verified notification is acknowledged even when it is disputed");
            Assert.That(payment.Status, Is.EqualTo(DuesPaymentStatus.Disputed));
            Assert.That(payment.Problem, Does.Contain("金额不符"));
            Assert.That(Paid(await BillsAsync(member)), Is.Empty);
            Assert.That(branch.GetProperty("disputed").EnumerateArray().Single().GetProperty("outTradeNo").GetString(), Is.EqualTo(outTradeNo));
            Assert.That(told, Is.EqualTo(new[] { organizer.Id }));
        });
    }

    [Test]
    public async Task MarksPaidByQuery_WhenNotificationNeverArrives()
    {
        var (member, outTradeNo) = await OpenOrderAsync();
        Pay.ScriptNext(PaymentScript.NeverNotify);
        await Pay.PayAsync(outTradeNo);
        var before = (await PaymentAsync(outTradeNo)).Status;

        App.Time!.Advance(TimeSpan.FromMinutes(6));
        DuesJobReport report;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<DuesJobs>().RunOnceAsync(CancellationToken.None);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(before, Is.EqualTo(DuesPaymentStatus.Pending));
            Assert.That(report.Paid, Is.GreaterThanOrEqualTo(1), "earlier tests of this fixture may leave orders for the same run");
            Assert.That((await PaymentAsync(outTradeNo)).Status, Is.EqualTo(DuesPaymentStatus.Paid));
            Assert.That(Paid(await BillsAsync(member)), Is.EqualTo(Months(1, 2)));
        });
    }

    [Test]
    public async Task MarksPaidOnOpen_WhenNotificationHasNotComeYet()
    {
        var (member, outTradeNo) = await OpenOrderAsync();
        Pay.ScriptNext(PaymentScript.NeverNotify);
        await Pay.PayAsync(outTradeNo);

        var owed = await (await (await App.SignInAsync(member)).GetAsync("/api/dues/me")).ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(owed.GetProperty("unpaid").EnumerateArray().Select(m => m.GetProperty("month").GetString()), Is.EqualTo(Months(3)));
            Assert.That(owed.GetProperty("openOrders").GetArrayLength(), Is.Zero);
            Assert.That((await PaymentAsync(outTradeNo)).Status, Is.EqualTo(DuesPaymentStatus.Paid));
        });
    }

    [Test]
    public async Task ClosesOrder_WhenLeftUnpaidPastItsExpiry()
    {
        var (member, outTradeNo) = await OpenOrderAsync();

        App.Time!.Advance(TimeSpan.FromMinutes(31));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DuesJobs>().RunOnceAsync(CancellationToken.None);
        }

        Assert.Multiple(async () =>
        {
            Assert.That((await PaymentAsync(outTradeNo)).Status, Is.EqualTo(DuesPaymentStatus.Closed));
            Assert.That(Pay.StateOf(outTradeNo), Is.EqualTo("CLOSED"));
            Assert.That(Paid(await BillsAsync(member)), Is.Empty);
        });
    }

    [Test]
    public async Task OrdersOnlyTheMonthsStillUnpaid_WhenPreviousOrderWasPaidWithoutNotification()
    {
        var (member, first) = await OpenOrderAsync();
        Pay.ScriptNext(PaymentScript.NeverNotify);
        await Pay.PayAsync(first);

        var second = await OrderAsync(await App.SignInAsync(member), "2026-03");

        Assert.Multiple(async () =>
        {
            Assert.That((await PaymentAsync(first)).Status, Is.EqualTo(DuesPaymentStatus.Paid));
            Assert.That(second.GetProperty("payment").GetProperty("months").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(Months(3)));
            Assert.That(OutTradeNo(second), Is.Not.EqualTo(first));
        });
    }

    [Test]
    public async Task ReopensMonths_WhenRefundNotificationArrives()
    {
        var (org, organizer) = await SeedAsync();
        var member = org.A.Members[1];
        var committee = await App.SignInAsync(organizer);
        await SetBaseAsync(committee, member, 300_000);
        var outTradeNo = OutTradeNo(await OrderAsync(await App.SignInAsync(member), "2026-02"));
        await Pay.PayAsync(outTradeNo);
        var paymentId = (await PaymentAsync(outTradeNo)).Id;

        var response = await committee.PostAsJsonAsync($"/api/dues/payments/{paymentId}/refund", new { reason = "重复支付" });
        var refunding = await response.ReadAsync<JsonElement>();
        await Pay.NotificationsDelivered;

        var payment = await PaymentAsync(outTradeNo);
        var audit = await App.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.UnitId == org.A.Id && a.Action.StartsWith("dues.refund")).Select(a => a.Action).ToListAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refunding.GetProperty("status").GetString(), Is.EqualTo("Refunding"));
            Assert.That(payment.Status, Is.EqualTo(DuesPaymentStatus.Refunded));
            Assert.That(Paid(await BillsAsync(member)), Is.Empty);
            Assert.That(audit, Is.EqualTo(new[] { "dues.refund_requested" }));
            Assert.That(Pay.StateOf(outTradeNo), Is.EqualTo("REFUND"));
        });
    }

    [Test]
    public async Task Returns400_WhenNothingIsOwedOrMonthIsBeyondTheYear()
    {
        var (org, _) = await SeedAsync();
        var client = await App.SignInAsync(org.A.Members[2]);

        var noBase = await client.PostAsJsonAsync("/api/dues/me/payments", new { through = "2026-03" });
        var nextYear = await client.PostAsJsonAsync("/api/dues/me/payments", new { through = "2027-01" });
        var badMonth = await client.PostAsJsonAsync("/api/dues/me/payments", new { through = "2026-13" });

        Assert.Multiple(async () =>
        {
            Assert.That((await noBase.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("title").GetString(), Is.EqualTo("没有待交月份"));
            await nextYear.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That((await badMonth.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("through", out _), Is.True);
            Assert.That(await App.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.MemberId == org.A.Members[2].Id)), Is.Zero);
        });
    }

    private async Task<(SeededMember Member, string OutTradeNo)> OpenOrderAsync()
    {
        var (org, _) = await SeedAsync();
        var member = org.A.Members[1];
        await SetBaseAsync(await App.SignInAsync(org.A.Secretary), member, 300_000);
        return (member, OutTradeNo(await OrderAsync(await App.SignInAsync(member), "2026-02")));
    }

    private bool PaySignVerifies(JsonElement parameters)
    {
        var keys = App.Services.GetRequiredService<WeChatPayEmulatorKeys>();
        string P(string name) => parameters.GetProperty(name).GetString()!;
        var message = $"{P("appId")}\n{P("timeStamp")}\n{P("nonceStr")}\n{P("package")}\n";
        return P("signType") == "RSA"
            && keys.Merchant.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(P("paySign")), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
