using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Activities;

public sealed class CreateActivityTests : FunctionalTest
{
    [Test]
    public async Task Returns201WithTheActivityAndAuditsIt_WhenSecretaryCreatesOne()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var response = await secretary.PostAsJsonAsync("/api/activities", ActivityApi.Body(org.A.Id, DateTimeOffset.UtcNow, capacity: 20, waitingList: true));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.ReadAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/activities/{id}"));
            Assert.That(body.GetProperty("capacity").GetInt32(), Is.EqualTo(20));
            Assert.That(body.GetProperty("waitingList").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("canManage").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("unitName").GetString(), Is.EqualTo(org.A.Name));
            Assert.That(body.GetProperty("audience").GetProperty("unitIds").EnumerateArray().Select(u => u.GetInt32()), Is.EqualTo(new[] { org.A.Id }));
            Assert.That(body.ToString(), Does.Not.Contain("ecret"), "the check-in secret never leaves the server");
        });
        Assert.That(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "activity.created" && a.TargetId == id && a.ActorMemberId == org.A.Secretary.Id)), Is.True);
    }

    [Test]
    public async Task AdminCreatesForSeveralBranches_AndBothBranchesSeeIt()
    {
        var (org, admin) = await App.SeedSignedInAsync(branches: 2, members: 1, who: o => o.Admin);

        var id = await ActivityApi.CreateAsync(admin, org.GeneralBranchId, DateTimeOffset.UtcNow, audienceUnits: [org.A.Id, org.B.Id]);

        foreach (var member in new[] { org.A.Members[0], org.B.Members[0] })
        {
            var detail = await (await App.SignInAsync(member)).GetAsync($"/api/activities/{id}");
            Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await detail.ReadAsync<JsonElement>()).GetProperty("canSignUp").GetBoolean(), Is.True);
        }
    }

    [Test]
    public async Task Returns403_WhenSecretaryTargetsAnotherBranch()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 1);

        var problem = await (await secretary.PostAsJsonAsync("/api/activities", ActivityApi.Body(org.A.Id, DateTimeOffset.UtcNow, audienceUnits: [org.B.Id])))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("audience.unit_forbidden"));
    }

    [Test]
    public async Task Returns403_WhenAPlainMemberCreates()
    {
        var (org, member) = await App.SeedSignedInAsync(branches: 1, members: 1, who: o => o.A.Members[0]);

        await (await member.PostAsJsonAsync("/api/activities", ActivityApi.Body(org.A.Id, DateTimeOffset.UtcNow)))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Returns400AndStoresNothing_WhenTheEndIsBeforeTheStartOrFieldsAreMissing()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var now = DateTimeOffset.UtcNow;
        var body = JsonSerializer.SerializeToNode(ActivityApi.Body(org.A.Id, now), ApiClients.Json)!;
        body["endsAt"] = now.AddDays(1).ToString("O");

        var problem = await (await secretary.PostAsJsonAsync("/api/activities", body)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var invalid = await (await secretary.PostAsJsonAsync("/api/activities", new { unitId = org.A.Id, title = "", place = "", audience = new { } })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("结束时间必须晚于开始时间。"));
        Assert.That(invalid.GetProperty("errors").GetProperty("title")[0].GetString(), Is.EqualTo("请填写活动名称。"));
        Assert.That(await App.WithDbAsync(db => db.Activities.CountAsync(a => a.UnitId == org.A.Id)), Is.Zero);
    }

    [Test]
    public async Task Returns400AndStoresNothing_WhenTheTitleOrPlaceHasOnlyInvisibleCharacters()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var body = JsonSerializer.SerializeToNode(ActivityApi.Body(org.A.Id, DateTimeOffset.UtcNow), ApiClients.Json)!;
        body["title"] = "\u200b";
        body["place"] = "\ufeff\u200d";

        var problem = await (await secretary.PostAsJsonAsync("/api/activities", body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("errors").GetProperty("title")[0].GetString(), Is.EqualTo("请填写活动名称。"));
            Assert.That(problem.GetProperty("errors").GetProperty("place")[0].GetString(), Is.EqualTo("请填写活动地点。"));
            Assert.That(await App.WithDbAsync(db => db.Activities.CountAsync(a => a.UnitId == org.A.Id)), Is.Zero);
        });
    }
}
