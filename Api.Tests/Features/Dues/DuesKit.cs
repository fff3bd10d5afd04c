using System.Text.Json;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.WeChatPay.Emulator;

namespace SmartBranch.Api.Tests.Features.Dues;

/// <summary>Shared steps of the dues tests: an app on the fake clock with the WeChat Pay emulator delivering to it.</summary>
public abstract class DuesTest : FunctionalTest
{
    protected WeChatPayEmulator Pay => App.Services.GetRequiredService<WeChatPayEmulator>();

    protected override AppFactory CreateApp() => new(new Dictionary<string, string?> { ["Dues:BackgroundJobs"] = "false" }, fakeTime: true);

    [OneTimeSetUp]
    public void DeliverNotificationsToTheApp() => Pay.DeliverNotificationsTo(App.CreateClient());

    /// <summary>A branch with a 组织委员 (the first plain member) besides its secretary; members 2.. pay.</summary>
    protected async Task<(SeededOrg Org, SeededMember Organizer)> SeedAsync(int members = 3)
    {
        var org = await App.SeedAsync(branches: 2, members: members);
        var organizer = org.A.Members[0];
        await App.WithDbAsync(async db =>
        {
            db.Appointments.Add(new Appointment(organizer.Id, org.A.Id, CommitteeRole.OrganizationCommissioner, LocalToday().AddYears(-1)));
            await db.SaveChangesAsync();
        });
        return (org, organizer);
    }

    protected DateOnly LocalToday() => SmartBranch.Domain.Common.LocalCalendar.Today(Now);

    /// <summary>
    /// The committee enters a salaried base (fen) for the year, owed from January (as for a member paying here all
    /// year; a base set without <c>owedFrom</c> is owed from the month it is set, see DuesStartTests).
    /// </summary>
    protected static async Task SetBaseAsync(HttpClient committee, SeededMember member, long baseFen, int year = 2026)
    {
        var response = await committee.PutAsJsonAsync($"/api/dues/members/{member.Id}/bases/{year}", new { category = "Salaried", monthlyBaseFen = baseFen, owedFrom = $"{year}-01" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The member asks to pay through <paramref name="through"/>; returns the order's body.</summary>
    protected static async Task<JsonElement> OrderAsync(HttpClient member, string through)
    {
        var response = await member.PostAsJsonAsync("/api/dues/me/payments", new { through });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    protected static string OutTradeNo(JsonElement order) => order.GetProperty("payment").GetProperty("outTradeNo").GetString()!;

    /// <summary>The member's bills: month → status.</summary>
    protected Task<Dictionary<string, string>> BillsAsync(SeededMember member) => App.WithDbAsync(async db =>
        (await db.DuesBills.AsNoTracking().Where(b => b.MemberId == member.Id).ToListAsync())
            .ToDictionary(b => b.Month.ToString(), b => b.Status.ToString()));

    protected Task<SmartBranch.Domain.Dues.DuesPayment> PaymentAsync(string outTradeNo) =>
        App.WithDbAsync(db => db.DuesPayments.AsNoTracking().SingleAsync(p => p.OutTradeNo == outTradeNo));

    protected static string[] Months(params int[] months) => months.Select(m => $"2026-{m:D2}").ToArray();

    protected static string[] Paid(Dictionary<string, string> bills) => bills.Where(b => b.Value == "Paid").Select(b => b.Key).Order().ToArray();
}
