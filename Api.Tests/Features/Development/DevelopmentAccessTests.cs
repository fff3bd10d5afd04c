using System.Text.Json;
using static SmartBranch.Api.Tests.Features.Development.DevelopmentApi;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>
/// Who sees what: the person only their own record (bound by the branch's invitation), contacts the people they are
/// assigned, the committee and the general branch everything in their branches, other branches and plain members nothing.
/// </summary>
public sealed class DevelopmentAccessTests : FunctionalTest
{
    [Test]
    public async Task EachCallerSeesOnlyWhatIsTheirs()
    {
        var org = await App.SeedAsync(branches: 2, members: 2);
        var other = await App.SeedAsync(branches: 1, members: 1);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var number = $"A{Guid.NewGuid():N}"[..12];
        var mine = (await CreateAsync(secretary, org.A.Id, "周小华", number, today.AddYears(-19), today.AddDays(-20))).GetProperty("id").GetInt32();
        var theirs = (await CreateAsync(secretary, org.A.Id, "郑小明", $"A{Guid.NewGuid():N}"[..12], today.AddYears(-19), today.AddDays(-20))).GetProperty("id").GetInt32();
        var contact = org.A.Members[0];
        await StepOkAsync(secretary, mine, new { kind = "ApplicantTalk", talkPartnerIds = new[] { org.A.Secretary.Id } });
        await StepOkAsync(secretary, mine, new { kind = "ActivistConfirmed" });
        await StepOkAsync(secretary, mine, new { kind = "ActivistFiled" });
        await StepOkAsync(secretary, mine, new { kind = "ContactsAssigned", contactIds = new[] { contact.Id } });

        // The person binds with the branch's ordinary invitation.
        var invitation = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/invitations", new { singleUse = false })).ReadAsync<JsonElement>();
        var scene = invitation.GetProperty("scene").GetString();
        var applicant = await App.SignInUnboundAsync();
        var wrongName = await applicant.PostAsJsonAsync("/api/development/bind", new { scene, name = "周大华", number });
        var bound = await applicant.PostAsJsonAsync("/api/development/bind", new { scene, name = "周小华", number });
        var twice = await applicant.PostAsJsonAsync("/api/development/bind", new { scene, name = "周小华", number });
        var me = await applicant.GetAsync("/api/development/me");
        var report = await applicant.PostAsJsonAsync("/api/development/me/thought-reports", new { text = "本季度学习党章的体会" });
        var applicantOnRecord = await applicant.GetAsync($"/api/development/records/{theirs}");
        var applicantOnOwnById = await applicant.GetAsync($"/api/development/records/{mine}");
        var strangerMe = await (await App.SignInUnboundAsync()).GetAsync("/api/development/me");

        var contactClient = await App.SignInAsync(contact);
        var contactOwn = await contactClient.GetAsync($"/api/development/records/{mine}");
        var contactOther = await contactClient.GetAsync($"/api/development/records/{theirs}");
        var contactObservation = await StepAsync(contactClient, mine, new { kind = "ActivistObservation", note = "积极参加支部活动" });
        var contactCommitteeStep = await StepAsync(contactClient, mine, new { kind = "CandidateConfirmed" });
        var contactAssigned = await contactClient.GetAsync("/api/development/assigned");

        var plain = await App.SignInAsync(org.A.Members[1]);
        var plainRead = await plain.GetAsync($"/api/development/records/{theirs}");
        var plainAssigned = await plain.GetAsync("/api/development/assigned");
        var applicantAssigned = await applicant.GetAsync("/api/development/assigned");
        var plainCreate = await plain.PostAsJsonAsync("/api/development/records", new { branchId = org.A.Id, name = "某人", number = "X1", birthDate = today.AddYears(-20), appliedOn = today });
        var branchB = await App.SignInAsync(org.B.Secretary);
        var bRead = await branchB.GetAsync($"/api/development/records/{mine}");
        var bStep = await StepAsync(branchB, mine, new { kind = "ActivistObservation" });
        var bLedger = await branchB.GetAsync($"/api/development/units/{org.A.Id}/ledger");
        var stranger = await App.SignInAsync(other.A.Secretary);
        var strangerRead = await stranger.GetAsync($"/api/development/records/{mine}");
        var strangerCreate = await stranger.PostAsJsonAsync("/api/development/records", new { branchId = org.A.Id, name = "某人", number = "X2", birthDate = today.AddYears(-20), appliedOn = today });
        var admin = await App.SignInAsync(org.Admin);
        var adminRead = await admin.GetAsync($"/api/development/records/{mine}");

        Assert.Multiple(async () =>
        {
            await wrongName.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(bound.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bound.Content.ReadAsStringAsync());
            await twice.AssertProblemAsync(HttpStatusCode.Conflict);
            var own = await me.ReadAsync<JsonElement>();
            Assert.That(own.GetProperty("id").GetInt32(), Is.EqualTo(mine));
            Assert.That(own.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { contact.Name }));
            Assert.That(own.GetProperty("next").GetProperty("kind").GetString(), Is.EqualTo("ActivistObservation"));
            Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.Created), await report.Content.ReadAsStringAsync());
            Assert.That((await report.ReadAsync<JsonElement>()).GetProperty("steps").EnumerateArray().Last().GetProperty("recordedBy").ValueKind, Is.EqualTo(JsonValueKind.Null), "written by the person");
            Assert.That(applicantOnRecord.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "not a member: no record endpoints");
            Assert.That(applicantOnOwnById.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            await strangerMe.AssertProblemAsync(HttpStatusCode.NotFound);

            Assert.That(contactOwn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await contactOther.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.That(contactObservation.StatusCode, Is.EqualTo(HttpStatusCode.Created), await contactObservation.Content.ReadAsStringAsync());
            await contactCommitteeStep.AssertProblemAsync(HttpStatusCode.Forbidden);
            var assigned = (await contactAssigned.ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray()
                .Select(r => (r.GetProperty("id").GetInt32(), r.GetProperty("name").GetString(), r.GetProperty("stage").GetString(), r.GetProperty("role").GetString())).ToList();
            Assert.That(assigned, Is.EqualTo(new[] { (mine, (string?)"周小华", (string?)"Activist", (string?)"TrainingContact") }), "the contact finds exactly the person assigned to them");
            Assert.That((await plainAssigned.ReadAsync<JsonElement>()).GetProperty("items").GetArrayLength(), Is.Zero);
            await applicantAssigned.AssertProblemAsync(HttpStatusCode.Forbidden);

            await plainRead.AssertProblemAsync(HttpStatusCode.NotFound);
            await plainCreate.AssertProblemAsync(HttpStatusCode.Forbidden);
            await bRead.AssertProblemAsync(HttpStatusCode.NotFound);
            await bStep.AssertProblemAsync(HttpStatusCode.NotFound);
            await bLedger.AssertProblemAsync(HttpStatusCode.NotFound);
            await strangerRead.AssertProblemAsync(HttpStatusCode.NotFound);
            await strangerCreate.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.That(adminRead.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task PublicityReachesTheOrganisation_AndOnlyTheCommitteeReadsObjections()
    {
        var org = await App.SeedAsync(branches: 2, members: 1);
        var other = await App.SeedAsync(branches: 1, members: 1);
        var id = await App.WithDbAsync(async db =>
        {
            var record = new SmartBranch.Domain.Development.DevelopmentRecord(org.A.Id, "冯小红", $"P{Guid.NewGuid():N}"[..12], null, DateTimeOffset.UtcNow);
            var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-14);
            foreach (var kind in SmartBranch.Domain.Development.DevelopmentSteps.Numbered.Take(12))
            {
                var (_, error) = record.Record(kind, start.AddDays((int)kind), start.AddYears(2), SmartBranch.Domain.Development.DevelopmentRules.Default, string.Empty, [], SmartBranch.Domain.Development.StepDetails.None, org.A.Secretary.Id, DateTimeOffset.UtcNow, history: true);
                Assert.That(error, Is.Null);
            }

            db.DevelopmentRecords.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var secretary = await App.SignInAsync(org.A.Secretary);
        var wrongStep = await secretary.PostAsJsonAsync($"/api/development/records/{id}/publicity", new { before = "Confirmation" });
        var started = await secretary.PostAsJsonAsync($"/api/development/records/{id}/publicity", new { before = "Admission" });
        var publicityId = (await started.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
        var memberOfB = await App.SignInAsync(org.B.Members[0]);
        var seen = await (await memberOfB.GetAsync("/api/development/publicity")).ReadAsync<JsonElement>();
        var objection = await memberOfB.PostAsJsonAsync($"/api/development/publicity/{publicityId}/objections", new { text = "该同志曾有迟到早退情况" });
        var memberReads = await memberOfB.GetAsync($"/api/development/publicity/{publicityId}/objections");
        var committeeReads = await (await secretary.GetAsync($"/api/development/publicity/{publicityId}/objections")).ReadAsync<JsonElement>();
        var outsider = await App.SignInAsync(other.A.Members[0]);
        var outsiderList = await (await outsider.GetAsync("/api/development/publicity")).ReadAsync<JsonElement>();
        var outsiderObjects = await outsider.PostAsJsonAsync($"/api/development/publicity/{publicityId}/objections", new { text = "异议" });

        Assert.Multiple(async () =>
        {
            await wrongStep.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(seen.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("personName").GetString()), Does.Contain("冯小红"));
            Assert.That(objection.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            await memberReads.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(committeeReads.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("text").GetString(), o.GetProperty("fromName").GetString())),
                Is.EqualTo(new[] { ("该同志曾有迟到早退情况", org.B.Members[0].Name) }));
            Assert.That(outsiderList.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()), Does.Not.Contain(publicityId));
            await outsiderObjects.AssertProblemAsync(HttpStatusCode.NotFound);
        });
    }
}
