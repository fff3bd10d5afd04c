using System.Text.Json;
using SmartBranch.Api.Features.Dues;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Tests.Features.Dues;

/// <summary>Arrears over months: reminded at three, flagged at six, never a status change (clock moved to July 2026).</summary>
public sealed class DuesArrearsTests : DuesTest
{
    [Test]
    public async Task RemindsAtThreeAndFlagsAtSix_WithoutChangingStatus()
    {
        var (org, organizer) = await SeedAsync(members: 4);
        var committee = await App.SignInAsync(organizer);
        var (six, three, excused) = (org.A.Members[1], org.A.Members[2], org.A.Members[3]);
        foreach (var m in new[] { six, three, excused })
        {
            await SetBaseAsync(committee, m, 300_000);
        }

        await committee.PostAsJsonAsync($"/api/dues/members/{three.Id}/payments", new { through = "2026-03", method = "Cash", receiptNumber = "A-3" });
        await committee.PutAsJsonAsync($"/api/dues/members/{excused.Id}/account", new { excuseReason = "重病住院" });
        App.Time!.Advance(TimeSpan.FromDays(125)); // 2026-07-05: January to June are past

        DuesJobReport report;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<DuesJobs>().RunOnceAsync(CancellationToken.None);
        }

        var reminders = await App.WithDbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectType == "dues").Select(r => new { r.SubjectId, r.Slot, r.MemberId }).ToListAsync());
        var branch = await (await committee.GetAsync($"/api/dues/branches/{org.A.Id}")).ReadAsync<JsonElement>();
        var groups = branch.GetProperty("arrears").EnumerateArray().ToDictionary(g => g.GetProperty("months").GetInt32(), g => g.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("memberId").GetInt32()).ToArray());
        var status = await App.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.Id == six.Id).Select(m => m.Status).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(reminders.Where(r => r.Slot == "arrears-2026-07" && r.SubjectId == six.Id).Select(r => r.MemberId), Is.EquivalentTo(new[] { six.Id, organizer.Id }));
            Assert.That(reminders.Where(r => r.Slot == "arrears-2026-07" && r.SubjectId == three.Id).Select(r => r.MemberId), Is.EquivalentTo(new[] { three.Id, organizer.Id }));
            Assert.That(reminders.Where(r => r.Slot == "flag-2026-07").Select(r => (r.SubjectId, r.MemberId)), Is.EqualTo(new[] { (six.Id, organizer.Id) }), "the excused member is reminded but not flagged");
            Assert.That(report.Flagged, Is.EqualTo(1));
            Assert.That(groups[6], Is.EquivalentTo(new[] { six.Id, excused.Id }));
            Assert.That(groups[3], Is.EqualTo(new[] { three.Id }));
            Assert.That(branch.GetProperty("flagged").EnumerateArray().Select(m => m.GetProperty("memberId").GetInt32()), Is.EqualTo(new[] { six.Id }));
            Assert.That(status, Is.EqualTo(MembershipStatus.Full), "the system never changes status on its own");
        });
    }
}
