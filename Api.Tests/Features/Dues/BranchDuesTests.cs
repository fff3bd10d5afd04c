using System.Text.Json;
using SmartBranch.Domain.Dues;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Tests.Features.Dues;

/// <summary>The committee's side: bases, reductions, cash, lifecycle months, reminders (clock: 2026-03-02 China time).</summary>
public sealed class BranchDuesTests : DuesTest
{
    [Test]
    public async Task RecordsCashWithReceiptAndAudit_AndRefusesTheSameReceiptTwice()
    {
        var (org, organizer) = await SeedAsync();
        var member = org.A.Members[1];
        var committee = await App.SignInAsync(organizer);
        await SetBaseAsync(committee, member, 1_000_001);

        var response = await committee.PostAsJsonAsync($"/api/dues/members/{member.Id}/payments", new { through = "2026-02", method = "Cash", receiptNumber = "XJ-0001", extraFen = 100 });
        var duplicate = await committee.PostAsJsonAsync($"/api/dues/members/{member.Id}/payments", new { through = "2026-03", method = "Cash", receiptNumber = "XJ-0001" });

        var payment = await response.ReadAsync<JsonElement>();
        var audit = await App.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.UnitId == org.A.Id && a.Action == "dues.payment_recorded").Select(a => a.Summary).ToListAsync());
        var paidFen = await App.WithDbAsync(db => db.DuesBills.AsNoTracking().Where(b => b.MemberId == member.Id && b.Status == DuesBillStatus.Paid).OrderBy(b => b.Period).Select(b => b.PaidFen).ToListAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(payment.GetProperty("amountFen").GetInt64(), Is.EqualTo(40_100), "2 × 200.00 yuan (2% of 10,000.01) + 1 yuan extra");
            Assert.That(payment.GetProperty("receiptNumber").GetString(), Is.EqualTo("XJ-0001"));
            Assert.That(paidFen, Is.EqualTo(new[] { 20_000L, 20_100L }));
            Assert.That(audit.Single(), Does.Contain("XJ-0001").And.Contains("现金"));
            await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.That(Paid(await BillsAsync(member)), Is.EqualTo(Months(1, 2)));
        });
    }

    [Test]
    public async Task LetsMemberDeclareOwnBase_ButNotSomeoneElses()
    {
        var (org, _) = await SeedAsync();
        var member = org.A.Members[1];
        var client = await App.SignInAsync(member);

        var own = await client.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026", new { category = "Student" });
        var other = await client.PutAsJsonAsync($"/api/dues/members/{org.A.Members[2].Id}/bases/2026", new { category = "Student" });
        var flatWithBase = await client.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026", new { category = "Relief", monthlyBaseFen = 100 });

        var body = await own.ReadAsync<JsonElement>();
        Assert.Multiple(async () =>
        {
            Assert.That(body.GetProperty("monthlyFen").GetInt64(), Is.EqualTo(20));
            Assert.That(body.GetProperty("explanation").GetString(), Does.Contain("学生"));
            await other.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That((await flatWithBase.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString(), Is.EqualTo("dues.base_not_applicable"));
        });
    }

    [Test]
    public async Task KeepsTheCommitteesBaseAndFirstMonth_WhenTheMemberTriesToChangeThem_AndAuditsADeclaration()
    {
        var (org, organizer) = await SeedAsync();
        var member = org.A.Members[1];
        var declarer = org.A.Members[2];
        var committee = await App.SignInAsync(organizer);
        var entered = await committee.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026", new { category = "Salaried", monthlyBaseFen = 500_000, owedFrom = "2026-01" });
        var client = await App.SignInAsync(member);

        var moveMonth = await client.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026", new { category = "Salaried", monthlyBaseFen = 500_000, owedFrom = "2026-12" });
        var lower = await client.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026", new { category = "Student" });
        var declared = await (await App.SignInAsync(declarer)).PutAsJsonAsync($"/api/dues/members/{declarer.Id}/bases/2026", new { category = "Student" });
        var stored = await App.WithDbAsync(db => db.DuesBases.AsNoTracking().SingleAsync(b => b.MemberId == member.Id && b.Year == 2026));
        var audit = await App.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "dues.base_set").Select(a => a.Summary).ToListAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(entered.StatusCode, Is.EqualTo(HttpStatusCode.OK), await entered.Content.ReadAsStringAsync());
            Assert.That((await moveMonth.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), Does.Contain("起交月份由支委会确定"));
            Assert.That((await lower.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), Does.Contain("已由支委会核定"));
            Assert.That((stored.Category, stored.MonthlyBaseFen, stored.OwedFrom), Is.EqualTo((SmartBranch.Domain.Dues.DuesCategory.Salaried, (long?)500_000, 202601)));
            Assert.That(declared.StatusCode, Is.EqualTo(HttpStatusCode.OK), await declared.Content.ReadAsStringAsync());
            Assert.That(audit, Has.Exactly(1).Contains($"{declarer.Name}申报本人2026年党费基数"));
        });
    }

    [Test]
    public async Task ChargesApprovedReduction_AndRefusesOneNotBelowTheRule()
    {
        var (org, organizer) = await SeedAsync();
        var member = org.A.Members[1];
        var committee = await App.SignInAsync(organizer);
        await SetBaseAsync(committee, member, 500_000);

        var notLower = await committee.PostAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026/reduction", new { monthlyFen = 5_000, reason = "生活困难" });
        var approved = await committee.PostAsJsonAsync($"/api/dues/members/{member.Id}/bases/2026/reduction", new { monthlyFen = 1_000, reason = "生活困难" });
        var owed = await (await (await App.SignInAsync(member)).GetAsync("/api/dues/me")).ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That((await notLower.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString(), Is.EqualTo("dues.reduction_not_lower"));
            Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(owed.GetProperty("basis").GetProperty("ruleMonthlyFen").GetInt64(), Is.EqualTo(5_000));
            Assert.That(owed.GetProperty("unpaid").EnumerateArray().Select(m => m.GetProperty("amountFen").GetInt64()), Is.EqualTo(new[] { 1_000L, 1_000L, 1_000L }));
            Assert.That(owed.GetProperty("basis").GetProperty("explanation").GetString(), Does.Contain("经批准").And.Contains("生活困难"));
            Assert.That(await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.UnitId == org.A.Id && a.Action == "dues.reduction_approved")), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task OwesFromAdmission_AfterPaidUpTo_AndBeforeLeaving()
    {
        var (org, organizer) = await SeedAsync(members: 4);
        var (admitted, transferred, archived) = (org.A.Members[1], org.A.Members[2], org.A.Members[3]);
        await App.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == admitted.Id);
            m.SetMembership(MembershipStatus.Probationary, new DateOnly(2026, 2, 10), null);
            await db.SaveChangesAsync();
        });
        var committee = await App.SignInAsync(organizer);
        foreach (var m in new[] { admitted, transferred, archived })
        {
            await SetBaseAsync(committee, m, 200_000);
        }

        var transfer = await committee.PutAsJsonAsync($"/api/dues/members/{transferred.Id}/account", new { paidUpTo = "2026-02" });
        var leave = await committee.PutAsJsonAsync($"/api/dues/members/{archived.Id}/account", new { leftIn = "2026-03" });

        async Task<string[]> Owed(SeededMember m) =>
            (await (await (await App.SignInAsync(m)).GetAsync("/api/dues/me")).ReadAsync<JsonElement>())
                .GetProperty("payable").EnumerateArray().Select(x => x.GetProperty("month").GetString()!).ToArray();

        Assert.Multiple(async () =>
        {
            Assert.That(transfer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(leave.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Owed(admitted), Is.EqualTo(Months(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)));
            Assert.That(await Owed(transferred), Is.EqualTo(Months(3, 4, 5, 6, 7, 8, 9, 10, 11, 12)));
            Assert.That(await Owed(archived), Is.EqualTo(Months(1, 2)));
            Assert.That(await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.UnitId == org.A.Id && a.Action == "dues.account_set")), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ReadsPaidUpToFromTransferLetter_AndStopsAtArchiving_FromTheMemberRecord()
    {
        var (org, organizer) = await SeedAsync(members: 3);
        var (transferred, archived) = (org.A.Members[1], org.A.Members[2]);
        await App.WithDbAsync(async db =>
        {
            db.Transfers.Add(Transfer.RegisterIncoming(transferred.Id, org.A.Id, "外校党委", "L-2026-7", new DateOnly(2026, 2, 20), null, new DateOnly(2026, 2, 1), organizer.Id, Now));
            var member = await db.Members.SingleAsync(m => m.Id == archived.Id);
            member.ApplyStatusChange(MemberStatusChange.Left, new DateOnly(2026, 3, 1), LocalToday());
            await db.SaveChangesAsync();
        });
        var committee = await App.SignInAsync(organizer);
        await SetBaseAsync(committee, transferred, 200_000);
        await SetBaseAsync(committee, archived, 200_000);

        var branch = await (await committee.GetAsync($"/api/dues/branches/{org.A.Id}?month=2026-02")).ReadAsync<JsonElement>();
        var owed = await BillsAsync(transferred);

        Assert.Multiple(async () =>
        {
            Assert.That(owed.Keys.Order(), Is.EqualTo(Months(3, 4, 5, 6, 7, 8, 9, 10, 11, 12)), "the letter says paid up to February");
            Assert.That((await BillsAsync(archived)).Keys.Order(), Is.EqualTo(Months(1, 2)), "archived in March: owed no more from March");
            Assert.That(branch.GetProperty("unpaid").EnumerateArray().Select(l => l.GetProperty("memberId").GetInt32()), Is.EqualTo(new[] { archived.Id }));
        });
    }

    [Test]
    public async Task RemindsOnlyTheUnpaid_OnceADay()
    {
        var (org, organizer) = await SeedAsync();
        var committee = await App.SignInAsync(organizer);
        var (payer, debtor) = (org.A.Members[1], org.A.Members[2]);
        await SetBaseAsync(committee, payer, 300_000);
        await SetBaseAsync(committee, debtor, 300_000);
        await committee.PostAsJsonAsync($"/api/dues/members/{payer.Id}/payments", new { through = "2026-03", method = "BankTransfer", receiptNumber = "YH-1" });

        var first = await committee.PostAsync($"/api/dues/branches/{org.A.Id}/remind", null);
        var second = await committee.PostAsync($"/api/dues/branches/{org.A.Id}/remind", null);

        var reminded = await App.WithDbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectType == "dues" && r.Slot.StartsWith("unpaid-") && r.Kind == SmartBranch.Domain.Messaging.ReminderKind.Dues).Select(r => r.MemberId).ToListAsync());
        Assert.Multiple(async () =>
        {
            Assert.That((await first.ReadAsync<JsonElement>()).GetProperty("reminded").GetInt32(), Is.EqualTo(1));
            Assert.That(reminded, Does.Contain(debtor.Id).And.Not.Contain(payer.Id));
            await second.AssertProblemAsync(HttpStatusCode.Conflict);
        });
    }
}
