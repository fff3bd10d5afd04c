using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>Appointing and ending appointments, and rights that follow the term.</summary>
public sealed class AppointmentTests : FunctionalTest
{
    protected override AppFactory CreateApp() => new(fakeTime: true);

    [Test]
    public async Task GivesRightsUntilTermEnds_WhenAdminAppointsCommitteeMember()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var admin = await App.SignInAsync(org.Admin);
        var appointee = await App.SignInAsync(org.A.Members[0]);
        Assert.That((await AddMemberAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var today = DateOnly.FromDateTime(App.Time!.GetUtcNow().AddHours(8).DateTime);

        var appointed = await admin.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new
        {
            memberId = org.A.Members[0].Id,
            role = "OrganizationCommissioner",
            startsOn = today,
            endsOn = today.AddDays(1),
        });

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
        var org = await App.SeedAsync(branches: 1, members: 1);
        var secretary = await App.SignInAsync(org.A.Secretary);

        var appointed = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.PartyGroupId}/appointments", new { memberId = org.A.Members[0].Id, role = "GroupLeader" }))
            .ReadAsync<JsonElement>();

        var startsOn = DateOnly.Parse(appointed.GetProperty("startsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(DateOnly.Parse(appointed.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(startsOn.AddYears(3)));
    }

    [Test]
    public async Task EndsRightsAtOnce_WhenAppointmentIsDeleted()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var appointee = await App.SignInAsync(org.A.Members[0]);
        var appointed = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new
        {
            memberId = org.A.Members[0].Id,
            role = "PublicityCommissioner",
            startsOn = "2025-01-01",
        })).ReadAsync<JsonElement>();
        Assert.That((await AddMemberAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var ended = await secretary.DeleteAsync($"/api/appointments/{appointed.GetProperty("id").GetInt32()}");
        var again = await secretary.DeleteAsync($"/api/appointments/{appointed.GetProperty("id").GetInt32()}");

        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That((await AddMemberAsync(appointee, org.A.Id)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var endsOn = await App.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointed.GetProperty("id").GetInt32()).Select(a => a.EndsOn).SingleAsync());
        Assert.That(endsOn, Is.LessThan(DateOnly.FromDateTime(App.Time!.GetUtcNow().AddHours(8).DateTime)));
    }

    [Test]
    public async Task Returns409_WhenBranchAlreadyHasSecretary()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var admin = await App.SignInAsync(org.Admin);

        var response = await admin.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new { memberId = org.A.Members[0].Id, role = "Secretary" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "appointment.role_taken");
    }

    [Test]
    public async Task Returns400_WhenRoleDoesNotFitUnitOrMemberIsOutside()
    {
        var org = await App.SeedAsync(branches: 2, members: 1);
        var admin = await App.SignInAsync(org.Admin);

        var groupLeaderInBranch = await admin.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new { memberId = org.A.Members[0].Id, role = "GroupLeader" });
        var memberOfOtherBranch = await admin.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new { memberId = org.B.Members[0].Id, role = "DeputySecretary" });
        var badTerm = await admin.PostAsJsonAsync($"/api/org/units/{org.A.Id}/appointments", new { memberId = org.A.Members[0].Id, role = "DeputySecretary", startsOn = "2026-01-02", endsOn = "2026-01-01" });

        await groupLeaderInBranch.AssertProblemAsync(HttpStatusCode.BadRequest);
        await memberOfOtherBranch.AssertProblemAsync(HttpStatusCode.BadRequest);
        await badTerm.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Returns403_WhenGroupLeaderAppointsInOwnGroup()
    {
        var org = await App.SeedAsync(branches: 1, members: 2);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var leader = org.A.Members[0];
        await secretary.PostAsJsonAsync($"/api/org/units/{org.A.PartyGroupId}/appointments", new { memberId = leader.Id, role = "GroupLeader" });
        var client = await App.SignInAsync(leader);

        var response = await client.PostAsJsonAsync($"/api/org/units/{org.A.PartyGroupId}/appointments", new { memberId = org.A.Members[1].Id, role = "GroupLeader" });
        var audit = await client.GetAsync($"/api/audit?unitId={org.A.PartyGroupId}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(audit.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a group leader reads the audit log of the group");
    }

    private static Task<HttpResponseMessage> AddMemberAsync(HttpClient client, int branchId) =>
        client.PostAsJsonAsync($"/api/org/units/{branchId}/members", new { name = "新党员", number = $"A{Guid.NewGuid():N}"[..16], status = "Full" });
}
