using System.Text.Json;
using SmartBranch.Api.Features.Org;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>Creating, renaming, moving and closing units, and the branch warnings and term-end reminder.</summary>
public sealed class UnitLifecycleTests() : SeededTest(branches: 2, members: 2, fakeTime: true)
{
    [Test]
    public async Task RenamesMovesAndClosesGroup_WhenItsMembersWereMovedFirst()
    {
        var admin = await App.SignInAsync(Org.Admin);
        var created = await admin.PostAsJsonAsync("/api/org/units", new { name = $"新小组{Guid.NewGuid():N}"[..12], kind = "PartyGroup", parentId = Org.A.Id });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var groupId = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();

        var renamed = await admin.PutAsJsonAsync($"/api/org/units/{groupId}", new { name = "改名后的小组" });
        var moved = await admin.PutAsJsonAsync($"/api/org/units/{groupId}", new { parentId = Org.B.Id });
        var member = await App.AddMemberAsync(Org.B.Id, groupId);
        var refused = await admin.PostAsync($"/api/org/units/{groupId}/close", null);
        var secretaryB = await App.SignInAsync(Org.B.Secretary);
        var regroup = await secretaryB.PutAsJsonAsync($"/api/members/{member.Id}/group", new { partyGroupId = Org.B.PartyGroupId });
        var closed = await admin.PostAsync($"/api/org/units/{groupId}/close", null);
        var unit = await (await admin.GetAsync($"/api/org/units/{groupId}")).ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "unit.has_members");
            Assert.That(regroup.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await closed.Content.ReadAsStringAsync());
            Assert.That(unit.GetProperty("name").GetString(), Is.EqualTo("改名后的小组"), "a closed unit stays readable");
            Assert.That(unit.GetProperty("parent").GetProperty("id").GetInt32(), Is.EqualTo(Org.B.Id));
            Assert.That(unit.GetProperty("closedOn").GetString(), Is.EqualTo("2026-03-02"));
        });
    }

    [Test]
    public async Task Returns400_WhenBranchIsPlacedUnderBranch()
    {
        var admin = await App.SignInAsync(Org.Admin);

        var response = await admin.PostAsJsonAsync("/api/org/units", new { name = "错位支部", kind = "Branch", parentId = Org.A.Id, category = "Student" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unit.bad_parent");
    }

    [Test]
    public async Task Returns403_WhenBranchSecretaryRenamesOwnBranch()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);

        var response = await secretary.PutAsJsonAsync($"/api/org/units/{Org.A.Id}", new { name = "自己改名" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task WarnsAndRemindsGeneralBranch_WhenSevenFullMembersAndTermEndsWithinSixtyDays()
    {
        var org = await App.SeedAsync(branches: 1, members: 7);
        var today = DateOnly.FromDateTime(Now.AddHours(8).Date);
        await App.WithDbAsync(async db =>
        {
            var secretary = await db.Appointments.SingleAsync(a => a.UnitId == org.A.Id && a.Role == CommitteeRole.Secretary);
            db.Appointments.Remove(secretary);
            db.Appointments.Add(new Appointment(org.A.Secretary.Id, org.A.Id, CommitteeRole.Secretary, today.AddYears(-3).AddDays(50), today.AddDays(50)));
            await db.SaveChangesAsync();
        });
        var admin = await App.SignInAsync(org.Admin);

        var unit = await (await admin.GetAsync($"/api/org/units/{org.A.Id}")).ReadAsync<JsonElement>();
        int added;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            added = await scope.ServiceProvider.GetRequiredService<OrgFlags>().SweepAsync(CancellationToken.None);
        }

        var reminders = await App.WithDbAsync(db => db.Reminders.Where(r => r.SubjectType == SubjectTypes.Unit && r.SubjectId == org.A.Id).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(unit.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()),
                Is.EquivalentTo(new[] { "branch.no_committee", "branch.term_ending" }));
            Assert.That(added, Is.GreaterThanOrEqualTo(1));
            Assert.That(reminders.Select(r => (r.MemberId, r.Kind, r.Slot)), Is.EqualTo(new[] { (org.Admin.Id, ReminderKind.Notice, $"term-end-{today.AddDays(50):yyyy-MM-dd}") }));
        });
    }
}

/// <summary>The away-six-months flag: no check-in while the branch met, from the first month of the window to the last.</summary>
public sealed class AwayMembersTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task FlagsAndRemindsMemberWithoutCheckIn_UntilTheyAskForTransfer()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 2);
        var away = org.A.Members[0];
        var present = org.A.Members[1];

        // A meeting every month for six months and a bit; one member comes, the other never does.
        for (var month = 0; month <= 6; month++)
        {
            var meeting = await Meetings.MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, Now.AddHours(1));
            App.Time!.Advance(TimeSpan.FromHours(1));
            await Meetings.MeetingApi.CheckInByHandAsync(secretary, meeting.GetProperty("id").GetInt32(), [present, org.A.Secretary, org.Admin]);
            App.Time.Advance(TimeSpan.FromDays(30));
        }

        var flagged = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/away")).ReadAsync<JsonElement>();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrgFlags>().SweepAsync(CancellationToken.None);
        }

        var reminded = await App.WithDbAsync(db => db.Reminders.Where(r => r.SubjectType == SubjectTypes.Member && r.SubjectId == away.Id).Select(r => r.MemberId).ToListAsync());
        var request = await (await App.SignInAsync(away)).PostAsJsonAsync("/api/transfers", new { kind = "Outgoing", toOrganization = "中共外地某公司委员会" });
        var afterRequest = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/away")).ReadAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(flagged.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("memberId").GetInt32()), Is.EqualTo(new[] { away.Id }));
            Assert.That(flagged.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("awayMonths").GetInt32()), Is.EqualTo(new[] { 6 }));
            Assert.That(flagged.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(reminded, Is.EqualTo(new[] { org.A.Secretary.Id }));
            Assert.That(request.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(afterRequest.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("memberId").GetInt32()), Is.Empty, "a transfer under way clears the flag");
        });
    }
}
