using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Dues;

/// <summary>
/// Who reaches whose dues: a member only their own (/me), a branch committee only their branch's members,
/// payments and figures; someone outside the branch gets 404, a plain member of it 403, an unbound WeChat
/// user 403, nobody signed in 401.
/// </summary>
public sealed class DuesAccessTests : DuesTest
{
    private SeededOrg _org = null!;
    private SeededMember _organizer = null!;
    private long _paymentId;

    [OneTimeSetUp]
    public async Task SeedPaymentOfBranchA()
    {
        (_org, _organizer) = await SeedAsync();
        var committee = await App.SignInAsync(_organizer);
        await SetBaseAsync(committee, _org.A.Members[1], 300_000);
        var outTradeNo = OutTradeNo(await OrderAsync(await App.SignInAsync(_org.A.Members[1]), "2026-01"));
        await Pay.PayAsync(outTradeNo);
        _paymentId = (await PaymentAsync(outTradeNo)).Id;
    }

    /// <summary>Every committee route on branch A's member, payment or branch, with a body that passes validation.</summary>
    private IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Call)> CommitteeRoutes()
    {
        var member = _org.A.Members[1].Id;
        var branch = _org.A.Id;
        yield return ("SetDuesBase (someone else's)", c => c.PutAsJsonAsync($"/api/dues/members/{_org.A.Members[2].Id}/bases/2026", new { category = "Student" }));
        yield return ("ApproveDuesReduction", c => c.PostAsJsonAsync($"/api/dues/members/{member}/bases/2026/reduction", new { monthlyFen = 1, reason = "困难" }));
        yield return ("SetDuesAccount", c => c.PutAsJsonAsync($"/api/dues/members/{member}/account", new { paidUpTo = (string?)null }));
        yield return ("RecordDuesPayment", c => c.PostAsJsonAsync($"/api/dues/members/{member}/payments", new { through = "2026-02", method = "Cash", receiptNumber = Guid.NewGuid().ToString("N")[..10] }));
        yield return ("ListMemberDuesPayments", c => c.GetAsync($"/api/dues/members/{member}/payments"));
        yield return ("RefundDuesPayment", c => c.PostAsJsonAsync($"/api/dues/payments/{_paymentId}/refund", new { reason = "测试" }));
        yield return ("GetBranchDues", c => c.GetAsync($"/api/dues/branches/{branch}"));
        yield return ("RemindUnpaidDues", c => c.PostAsync($"/api/dues/branches/{branch}/remind", null));
        yield return ("ReconcileDues", c => c.GetAsync($"/api/dues/branches/{branch}/reconciliation?date=2026-03-01"));
        yield return ("ResolveDuesDifference", c => c.PostAsJsonAsync($"/api/dues/branches/{branch}/reconciliation/resolve", new { outTradeNo = "DUESNOPE0001" }));
    }

    [Test]
    public async Task Answers404_ToEveryCommitteeRoute_ForCallersOutsideTheBranch()
    {
        var outsiders = new[] { await App.SignInAsync(_org.B.Secretary), await App.SignInAsync(_org.B.Members[0]) };

        foreach (var client in outsiders)
        {
            foreach (var (name, call) in CommitteeRoutes())
            {
                var response = await call(client);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{name}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    [Test]
    public async Task Answers403_ToEveryCommitteeRoute_ForPlainMembersOfTheBranch()
    {
        var plain = await App.SignInAsync(_org.A.Members[1]);

        foreach (var (name, call) in CommitteeRoutes())
        {
            var response = await call(plain);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{name}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Test]
    public async Task LetsTheBranchCommitteeThrough_OnEveryCommitteeRoute()
    {
        var committee = await App.SignInAsync(_org.A.Secretary);

        foreach (var (name, call) in CommitteeRoutes())
        {
            var response = await call(committee);
            var body = await response.Content.ReadAsStringAsync();
            if (name == "ResolveDuesDifference")
            {
                Assert.That((response.StatusCode, body.Contains("本支部没有该微信支付订单", StringComparison.Ordinal)), Is.EqualTo((HttpStatusCode.NotFound, true)), body);
            }
            else
            {
                Assert.That(response.IsSuccessStatusCode, Is.True, $"{name}: {(int)response.StatusCode} {body}");
            }
        }
    }

    [Test]
    public async Task ListsAMembersPayments_ForTheCommittee_WithTheIdToRefund()
    {
        var committee = await App.SignInAsync(_org.A.Secretary);

        var page = await (await committee.GetAsync($"/api/dues/members/{_org.A.Members[1].Id}/payments")).ReadAsync<JsonElement>();
        var none = await (await committee.GetAsync($"/api/dues/members/{_org.A.Members[2].Id}/payments")).ReadAsync<JsonElement>();

        var payment = page.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == _paymentId);
        Assert.Multiple(() =>
        {
            Assert.That(payment.GetProperty("method").GetString(), Is.EqualTo("WeChatPay"));
            Assert.That(payment.GetProperty("months").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "2026-01" }));
            Assert.That(page.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(none.GetProperty("items").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task ShowsMembersOnlyTheirOwnDues()
    {
        var payer = await App.SignInAsync(_org.A.Members[1]);
        var other = await App.SignInAsync(_org.A.Members[2]);

        var mine = await (await payer.GetAsync("/api/dues/me/payments")).ReadAsync<JsonElement>();
        var theirs = await (await other.GetAsync("/api/dues/me/payments")).ReadAsync<JsonElement>();
        var otherOwed = await (await other.GetAsync("/api/dues/me")).ReadAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(mine.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()), Does.Contain(_paymentId));
            Assert.That(theirs.GetProperty("items").GetArrayLength(), Is.Zero);
            Assert.That(otherOwed.GetProperty("memberId").GetInt32(), Is.EqualTo(_org.A.Members[2].Id));
        });
    }

    [Test]
    public async Task ShowsReportOfOwnBranch_ToMembers_AndOfManagedBranches_ToAdmins()
    {
        var member = await (await (await App.SignInAsync(_org.B.Members[0])).GetAsync("/api/dues/report?year=2026")).ReadAsync<JsonElement>();
        var admin = await (await (await App.SignInAsync(_org.Admin)).GetAsync("/api/dues/report?year=2026")).ReadAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(member.GetProperty("branches").EnumerateArray().Select(b => b.GetProperty("branchId").GetInt32()), Is.EqualTo(new[] { _org.B.Id }));
            Assert.That(admin.GetProperty("branches").EnumerateArray().Select(b => b.GetProperty("branchId").GetInt32()), Is.EquivalentTo(new[] { _org.A.Id, _org.B.Id }));
        });
    }

    [TestCase("GET", "/api/dues/me")]
    [TestCase("POST", "/api/dues/me/payments")]
    [TestCase("GET", "/api/dues/me/payments")]
    [TestCase("GET", "/api/dues/report")]
    public async Task Answers401WhenSignedOut_And403WhenUnbound(string method, string path)
    {
        var anonymous = App.CreateClient();
        var unbound = await App.SignInUnboundAsync();

        Assert.Multiple(async () =>
        {
            Assert.That((await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await unbound.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }
}
