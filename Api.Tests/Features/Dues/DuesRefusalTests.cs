namespace SmartBranch.Api.Tests.Features.Dues;

/// <summary>
/// What a tester found: a member or payment of another branch answered a different 404 than an unknown id (revealing
/// that it exists), a base whose dues round to ¥0 left months nobody could pay, and the dues account took impossible months.
/// </summary>
public sealed class DuesRefusalTests : DuesTest
{
    private SeededOrg _org = null!;
    private long _paymentId;

    [OneTimeSetUp]
    public async Task SeedPaymentOfBranchA()
    {
        (_org, var organizer) = await SeedAsync();
        await SetBaseAsync(await App.SignInAsync(organizer), _org.A.Members[1], 300_000);
        var outTradeNo = OutTradeNo(await OrderAsync(await App.SignInAsync(_org.A.Members[1]), "2026-01"));
        await Pay.PayAsync(outTradeNo);
        _paymentId = (await PaymentAsync(outTradeNo)).Id;
    }

    /// <summary>The body without its per-request trace id: status, title, detail and code are what must not differ.</summary>
    private static string WithoutTraceId(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", string.Empty);

    [TestCase("PUT", "/api/dues/members/{0}/bases/2026")]
    [TestCase("GET", "/api/dues/members/{0}/payments")]
    [TestCase("PUT", "/api/dues/members/{0}/account")]
    [TestCase("POST", "/api/members/{0}/unbind")]
    public async Task AnswersTheSame404_ForAMemberOfAnotherBranch_AndAnUnknownId(string method, string route)
    {
        var outsider = await App.SignInAsync(_org.B.Secretary);
        var plainOutsider = await App.SignInAsync(_org.B.Members[0]);

        async Task<(HttpStatusCode, string)> Ask(HttpClient client, int memberId)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, route, memberId));
            if (method == "PUT")
            {
                request.Content = JsonContent.Create(route.Contains("bases", StringComparison.Ordinal) ? (object)new { category = "Student" } : new { paidUpTo = (string?)null });
            }

            var response = await client.SendAsync(request);
            return (response.StatusCode, WithoutTraceId(await response.Content.ReadAsStringAsync()));
        }

        var other = await Ask(outsider, _org.A.Members[1].Id);
        var unknown = await Ask(outsider, 99_999);
        var otherPlain = await Ask(plainOutsider, _org.A.Members[1].Id);

        Assert.Multiple(() =>
        {
            Assert.That(other.Item1, Is.EqualTo(HttpStatusCode.NotFound), other.Item2);
            Assert.That(other.Item2, Is.EqualTo(unknown.Item2));
            Assert.That(other.Item2, Does.Contain("未找到该党员，或您无权查看。"));
            Assert.That(otherPlain.Item2, Is.EqualTo(unknown.Item2));
        });
    }

    [Test]
    public async Task AnswersTheSame404_ForARefundOfAnotherBranchsPayment_AndAnUnknownPayment()
    {
        var outsider = await App.SignInAsync(_org.B.Secretary);

        var other = await outsider.PostAsJsonAsync($"/api/dues/payments/{_paymentId}/refund", new { reason = "测试" });
        var unknown = await outsider.PostAsJsonAsync("/api/dues/payments/999999/refund", new { reason = "测试" });
        var body = WithoutTraceId(await other.Content.ReadAsStringAsync());
        var unknownBody = WithoutTraceId(await unknown.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), body);
            Assert.That(body, Is.EqualTo(unknownBody));
            Assert.That(body, Does.Contain("未找到该党费缴纳记录，或您无权查看。"));
        });
    }

    [TestCase("Salaried", 0L)]
    [TestCase("Salaried", 99L)]
    [TestCase("Retired", 1L)]
    public async Task Refuses400_ABaseWhoseDuesRoundToNothing(string category, long baseFen)
    {
        var committee = await App.SignInAsync(_org.A.Secretary);
        var member = _org.A.Members[0];

        var response = await committee.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026", new { category, monthlyBaseFen = baseFen, owedFrom = "2026-11" });
        var body = await response.Content.ReadAsStringAsync();
        var stored = await App.WithDbAsync(db => db.DuesBases.AsNoTracking().AnyAsync(b => b.MemberId == member.Id));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(body, Does.Contain("按此基数每月应交党费为0元，请核对税后月收入。"));
            Assert.That(stored, Is.False);
        });
    }

    [Test]
    public async Task NeverCountsAMonthDueNothing_AsUnpaidOrArrears()
    {
        var committee = await App.SignInAsync(_org.A.Secretary);
        var member = _org.A.Members[2];
        await SetBaseAsync(committee, member, 300_000);
        var reduced = await committee.PostAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026/reduction", new { monthlyFen = 0, reason = "重病，经支委会批准免交" });
        Assert.That(reduced.IsSuccessStatusCode, Is.True, await reduced.Content.ReadAsStringAsync());

        var mine = await (await (await App.SignInAsync(member)).GetAsync("/api/dues/me")).ReadAsync<System.Text.Json.JsonElement>();
        var branch = await (await committee.GetAsync($"/api/dues/branches/{_org.A.Id}?month=2026-01")).ReadAsync<System.Text.Json.JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(mine.GetProperty("arrears").GetProperty("consecutiveMonths").GetInt32(), Is.Zero, mine.ToString());
            Assert.That(branch.GetProperty("unpaid").EnumerateArray().Select(l => l.GetProperty("memberId").GetInt32()), Does.Not.Contain(member.Id));
            Assert.That(branch.GetProperty("arrears").EnumerateArray().SelectMany(g => g.GetProperty("members").EnumerateArray()).Select(l => l.GetProperty("memberId").GetInt32()), Does.Not.Contain(member.Id));
        });
    }

    [TestCase("2030-01", "2020-01", "党费交至月份不能晚于2026年12月（最多预交到本年12月）。")]
    [TestCase("2026-06", "2026-05", "离开月份不能早于党费交至月份。")]
    public async Task Refuses400_ImpossibleMonthsOnTheDuesAccount(string paidUpTo, string leftIn, string message)
    {
        var committee = await App.SignInAsync(_org.A.Secretary);
        var member = _org.A.Members[1];

        var response = await committee.PutAsJsonAsync($"/api/dues/members/{member.Id}/account", new { paidUpTo, leftIn, excuseReason = "x" });
        var body = await response.Content.ReadAsStringAsync();
        var stored = await App.WithDbAsync(db => db.DuesAccounts.AsNoTracking().AnyAsync(a => a.MemberId == member.Id && a.LeftIn != null));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(body, Does.Contain(message));
            Assert.That(stored, Is.False);
        });
    }
}
