using System.Text.Json;
using static SmartBranch.Api.Tests.Features.Development.DevelopmentApi;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>An extension of probation (延长预备期) is allowed once, by 6–12 months, and refused the second time (own clock: it waits out a year).</summary>
public sealed class ProbationExtensionTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task AllowsOneExtension_AndRefusesTheSecond()
    {
        var org = await App.SeedAsync(branches: 1, members: 3);
        var branch = org.A;
        var secretary = await App.SignInAsync(branch.Secretary);
        var (id, admissionDay) = await DriveToAdmissionAsync(branch, secretary);
        secretary = await App.SignInAsync(branch.Secretary);

        var tooShort = await StepAsync(secretary, id, new { kind = "ProbationExtended", extensionMonths = 3 });
        var extended = await StepOkAsync(secretary, id, new { kind = "ProbationExtended", extensionMonths = 6, note = "考察期表现有待提高" });
        var twice = await StepAsync(secretary, id, new { kind = "ProbationExtended", extensionMonths = 6 });
        var memberId = extended.GetProperty("memberId").GetInt32();
        var member = await App.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == memberId));

        Assert.Multiple(async () =>
        {
            Assert.That((await tooShort.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString(), Is.EqualTo("development.extension_length"));
            Assert.That(extended.GetProperty("probationEndsOn").GetString(), Is.EqualTo(Day(admissionDay.AddMonths(18))));
            Assert.That(extended.GetProperty("extensions").GetInt32(), Is.EqualTo(1));
            Assert.That((await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("development.extension_used"));
            Assert.That(member.ProbationExtendedTo, Is.EqualTo(admissionDay.AddMonths(18).AddDays(-1)));
        });
    }

    /// <summary>A new record taken through steps 1–15 (the activist year and the publicity waited out); its id and the admission day.</summary>
    private async Task<(int Id, DateOnly AdmissionDay)> DriveToAdmissionAsync(SeededBranch branch, HttpClient secretary)
    {
        var voters = branch.Everyone.Where(m => m.Status == SmartBranch.Domain.Organization.MembershipStatus.Full).ToList();
        var record = await CreateAsync(secretary, branch.Id, "王芳", $"S{Guid.NewGuid():N}"[..12], Today(App).AddYears(-20), Today(App));
        var id = record.GetProperty("id").GetInt32();
        await StepOkAsync(secretary, id, new { kind = "ApplicantTalk", talkPartnerIds = new[] { branch.Secretary.Id } });
        await StepOkAsync(secretary, id, new { kind = "ActivistConfirmed" });
        await StepOkAsync(secretary, id, new { kind = "ActivistFiled" });
        await StepOkAsync(secretary, id, new { kind = "ContactsAssigned", contactIds = new[] { branch.Members[0].Id } });
        await StepOkAsync(secretary, id, new { kind = "ActivistObservation" });
        AdvanceTo(App, Today(App).AddMonths(12));
        secretary = await App.SignInAsync(branch.Secretary);
        await StepOkAsync(secretary, id, new { kind = "CandidateConfirmed" });
        await StepOkAsync(secretary, id, new { kind = "CandidateFiled" });
        await StepOkAsync(secretary, id, new { kind = "IntroducersAssigned", introducerIds = new[] { branch.Members[0].Id, branch.Members[1].Id } });
        await StepOkAsync(secretary, id, new { kind = "PoliticalCheck" });
        await StepOkAsync(secretary, id, new { kind = "CandidateTraining", trainingDays = 3 });
        await StepOkAsync(secretary, id, new { kind = "CommitteeReview" });
        await StepOkAsync(secretary, id, new { kind = "UpperPreReview" });
        await StepOkAsync(secretary, id, new { kind = "ApplicationForm" });
        var publicity = await (await secretary.PostAsJsonAsync($"/api/development/records/{id}/publicity", new { before = "Admission" })).ReadAsync<JsonElement>();
        AdvanceTo(App, DateOnly.Parse(publicity.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(1));
        secretary = await App.SignInAsync(branch.Secretary);
        var resolution = await ResolutionAsync(App, secretary, branch.Id, voters, "接收王芳为预备党员");
        await StepOkAsync(secretary, id, new { kind = "Admission", resolutionId = resolution });
        return (id, Today(App));
    }
}
