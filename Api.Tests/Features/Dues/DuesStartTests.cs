using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Dues;

/// <summary>
/// When a member's dues start being owed here (Domain/README.md §Dues: the base is fixed at the start of the year):
/// a member's first base is owed from the month it is set, a base continuing last year's from January, and a base
/// changed later keeps its first month. The clock starts on 2026-03-02.
/// </summary>
public sealed class DuesStartTests : DuesTest
{
    [Test]
    public async Task ABaseFirstSetOnTheFirstOfDecember_OwesDecember_NotElevenMonthsOfArrears()
    {
        var (org, organizer) = await SeedAsync();
        var member = org.A.Members[1];
        App.Time!.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)); // 09:00 on 1 December, China time
        var committee = await App.SignInAsync(organizer);

        var set = await committee.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026", new { category = "Salaried", monthlyBaseFen = 300_000 });
        var mine = await (await (await App.SignInAsync(member)).GetAsync("/api/dues/me")).ReadAsync<JsonElement>();
        var branch = await (await committee.GetAsync($"/api/dues/branches/{org.A.Id}?month=2026-11")).ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await set.ReadAsync<JsonElement>()).GetProperty("owedFrom").GetString(), Is.EqualTo("2026-12"));
            Assert.That(mine.GetProperty("unpaid").EnumerateArray().Select(m => m.GetProperty("month").GetString()), Is.EqualTo(Months(12)));
            Assert.That(mine.GetProperty("unpaidFen").GetInt64(), Is.EqualTo(1500));
            Assert.That(mine.GetProperty("arrears").GetProperty("consecutiveMonths").GetInt32(), Is.Zero);
            Assert.That(branch.GetProperty("arrears").EnumerateArray(), Is.Empty, "nobody is behind for months before their first base");
            Assert.That((await BillsAsync(member)).Keys, Is.EqualTo(Months(12)));
        });
    }

    [Test]
    public async Task ABaseChangedLaterInTheYear_KeepsItsFirstMonth_AndRepricesOnlyTheUnpaid()
    {
        var (org, organizer) = await SeedAsync();
        var member = org.A.Members[1];
        var committee = await App.SignInAsync(organizer);
        var first = await committee.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026", new { category = "Salaried", monthlyBaseFen = 300_000 });
        var cash = await committee.PostAsJsonAsync($"/api/dues/members/{member.Id}/payments", new { through = "2026-03", method = "Cash", receiptNumber = "S-1" });
        App.Time!.SetUtcNow(new DateTimeOffset(2026, 9, 10, 1, 0, 0, TimeSpan.Zero));

        var changed = await committee.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026", new { category = "Salaried", monthlyBaseFen = 400_000 });
        var mine = await (await (await App.SignInAsync(member)).GetAsync("/api/dues/me")).ReadAsync<JsonElement>();
        var amounts = await App.WithDbAsync(db => db.DuesBills.AsNoTracking().Where(b => b.MemberId == member.Id).OrderBy(b => b.Period).Select(b => b.AmountFen).ToListAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await first.ReadAsync<JsonElement>()).GetProperty("owedFrom").GetString(), Is.EqualTo("2026-03"), "first set in March: January and February were settled before");
            Assert.That(cash.StatusCode, Is.EqualTo(HttpStatusCode.Created), await cash.Content.ReadAsStringAsync());
            Assert.That((await changed.ReadAsync<JsonElement>()).GetProperty("owedFrom").GetString(), Is.EqualTo("2026-03"), "a change keeps the first month");
            Assert.That(mine.GetProperty("unpaid").EnumerateArray().Select(m => m.GetProperty("month").GetString()), Is.EqualTo(Months(4, 5, 6, 7, 8, 9)));
            Assert.That(mine.GetProperty("arrears").GetProperty("consecutiveMonths").GetInt32(), Is.EqualTo(5), "April to August; September is not late yet");
            Assert.That(amounts, Is.EqualTo(new long[] { 1500, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000 }), "March keeps what was paid; April to December at the new base");
        });
    }

    [Test]
    public async Task ANextYearsBase_ContinuesFromJanuary_AndTheCommitteeMayChooseTheFirstMonth()
    {
        var (org, organizer) = await SeedAsync(members: 4);
        var (continuing, chosen, outside) = (org.A.Members[1], org.A.Members[2], org.A.Members[3]);
        var committee = await App.SignInAsync(organizer);
        await committee.PutAsJsonAsync($"/api/dues/members/{continuing.Id}/bases/2026", new { category = "Student" });
        App.Time!.SetUtcNow(new DateTimeOffset(2027, 3, 2, 1, 0, 0, TimeSpan.Zero));

        var next = await committee.PutAsJsonAsync($"/api/dues/members/{continuing.Id}/bases/2027", new { category = "Student" });
        var picked = await committee.PutAsJsonAsync($"/api/dues/members/{chosen.Id}/bases/2027", new { category = "Student", owedFrom = "2027-02" });
        var refused = await committee.PutAsJsonAsync($"/api/dues/members/{outside.Id}/bases/2027", new { category = "Student", owedFrom = "2026-12" });
        var branch = await (await committee.GetAsync($"/api/dues/branches/{org.A.Id}?month=2027-03")).ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That((await next.ReadAsync<JsonElement>()).GetProperty("owedFrom").GetString(), Is.EqualTo("2027-01"));
            Assert.That((await picked.ReadAsync<JsonElement>()).GetProperty("owedFrom").GetString(), Is.EqualTo("2027-02"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await refused.ReadAsync<JsonElement>()).GetProperty("detail").GetString(), Is.EqualTo("起交月份必须在2027年内。"));
            Assert.That(await App.WithDbAsync(db => db.DuesBases.CountAsync(b => b.MemberId == outside.Id)), Is.Zero, "nothing half-written");
            Assert.That(
                branch.GetProperty("bases").EnumerateArray().Select(b => (b.GetProperty("memberId").GetInt32(), b.GetProperty("owedFrom").GetString())),
                Is.EquivalentTo(new[] { (continuing.Id, (string?)"2027-01"), (chosen.Id, "2027-02") }),
                "the branch view shows each base's first owed month");
            Assert.That(branch.GetProperty("noBase").EnumerateArray().Select(b => b.GetProperty("memberId").GetInt32()), Does.Contain(outside.Id).And.Not.Contain(chosen.Id));
        });
    }
}
