using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>Appointing and ending appointments, and rights that follow the term.</summary>
public sealed class AppointmentTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task GivesRightsUntilTermEnds_WhenAdminAppointsCommitteeMember()
    {
        var (org, admin) = await App.SeedSignedInAsync(branches: 1, members: 1, who: o => o.Admin);
        var appointee = await App.SignInAsync(org.A.Members[0]);
        Assert.That((await AddMemberAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var today = DateOnly.FromDateTime(App.Time!.GetUtcNow().AddHours(8).DateTime);

        var appointed = await admin.PostAppointmentAsync(org.A.Id, org.A.Members[0].Id, "OrganizationCommissioner", today, today.AddDays(1));

        Assert.That(appointed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await appointed.Content.ReadAsStringAsync());
        Assert.That((await appointed.ReadAsync<JsonElement>()).GetProperty("roleName").GetString(), Is.EqualTo("组织委员"));
        Assert.That((await AddMemberAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        App.Time.Advance(TimeSpan.FromDays(2));

        Assert.That((await AddMemberAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var unit = await (await appointee.GetAsync($"/api/org/units/{org.A.Id}")).ReadAsync<JsonElement>();
        Assert.That(unit.GetProperty("canManage").GetBoolean(), Is.False);
    }

    [Test]
    public async Task DefaultsToThreeYearTerm_WhenNoDatesGiven()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var appointed = await (await secretary.PostAppointmentAsync(org.A.PartyGroupId, org.A.Members[0].Id, "GroupLeader")).ReadAsync<JsonElement>();

        var startsOn = DateOnly.Parse(appointed.GetProperty("startsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(DateOnly.Parse(appointed.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(startsOn.AddYears(3)));
    }

    [Test]
    public async Task EndsRightsAtOnce_WhenAppointmentIsDeleted()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var appointee = await App.SignInAsync(org.A.Members[0]);
        var appointed = await secretary.AppointOverHttpAsync(org.A.Id, org.A.Members[0].Id, "PublicityCommissioner", new DateOnly(2025, 1, 1));
        Assert.That((await AddMemberAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var ended = await secretary.DeleteAsync($"/api/appointments/{appointed}");
        var again = await secretary.DeleteAsync($"/api/appointments/{appointed}");

        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That((await AddMemberAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var endsOn = await App.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointed).Select(a => a.EndsOn).SingleAsync());
        Assert.That(endsOn, Is.LessThan(DateOnly.FromDateTime(App.Time!.GetUtcNow().AddHours(8).DateTime)));
    }

    [Test]
    public async Task Returns409_WhenBranchAlreadyHasSecretary()
    {
        var (org, admin) = await App.SeedSignedInAsync(branches: 1, members: 1, who: o => o.Admin);

        var response = await admin.PostAppointmentAsync(org.A.Id, org.A.Members[0].Id, "Secretary");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "appointment.role_taken");
    }

    [Test]
    public async Task Returns400_WhenRoleDoesNotFitUnitOrMemberIsOutside()
    {
        var (org, admin) = await App.SeedSignedInAsync(branches: 2, members: 1, who: o => o.Admin);

        var groupLeaderInBranch = await admin.PostAppointmentAsync(org.A.Id, org.A.Members[0].Id, "GroupLeader");
        var memberOfOtherBranch = await admin.PostAppointmentAsync(org.A.Id, org.B.Members[0].Id, "DeputySecretary");
        var badTerm = await admin.PostAppointmentAsync(org.A.Id, org.A.Members[0].Id, "DeputySecretary", new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1));

        await groupLeaderInBranch.AssertProblemAsync(HttpStatusCode.BadRequest);
        await memberOfOtherBranch.AssertProblemAsync(HttpStatusCode.BadRequest);
        await badTerm.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Returns403_WhenGroupLeaderAppointsInOwnGroup()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var leader = org.A.Members[0];
        await secretary.PostAppointmentAsync(org.A.PartyGroupId, leader.Id, "GroupLeader");
        var client = await App.SignInAsync(leader);

        var response = await client.PostAppointmentAsync(org.A.PartyGroupId, org.A.Members[1].Id, "GroupLeader");
        var audit = await client.GetAsync($"/api/audit?unitId={org.A.PartyGroupId}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(audit.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a group leader reads the audit log of the group");
    }

    private static Task<HttpResponseMessage> AddMemberAsync(HttpClient client, int branchId) =>
        client.PostAsJsonAsync($"/api/org/units/{branchId}/members", new { name = "新党员", number = $"A{Guid.NewGuid():N}"[..16], status = "Full" });
}
