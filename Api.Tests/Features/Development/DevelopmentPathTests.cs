using System.Text.Json;
using static SmartBranch.Api.Tests.Features.Development.DevelopmentApi;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>
/// The full path, over HTTP with the clock under control: every step refused when too early (with the day it
/// becomes possible), accepted on that day, admission and confirmation driven by general meetings' resolutions, and
/// the roster status right at the end.
/// </summary>
public sealed class DevelopmentPathTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task ReachesFullMembership_WhenEachStepIsRecordedOnTheDayItBecomesPossible()
    {
        var org = await App.SeedAsync(branches: 1, members: 4, probationary: 1);
        var branch = org.A;
        var voters = branch.Everyone.Where(m => m.Status == SmartBranch.Domain.Organization.MembershipStatus.Full).ToList();
        var contact = branch.Members[0];
        var (introducer1, introducer2, probationary) = (branch.Members[1], branch.Members[2], branch.Members[3]);
        var secretary = await App.SignInAsync(branch.Secretary);
        var start = Today(App);

        // (1) Age: 18 tomorrow, so the application is possible tomorrow, not today.
        var birth = start.AddYears(-18).AddDays(1);
        var young = await secretary.PostAsJsonAsync("/api/development/records", new { branchId = branch.Id, name = "李明", number = $"S{Guid.NewGuid():N}"[..12], birthDate = birth, appliedOn = start });
        Assert.That(await TooEarlyAsync(young), Is.EqualTo(Day(start.AddDays(1))));
        AdvanceTo(App, start.AddDays(1));
        secretary = await App.SignInAsync(branch.Secretary);
        var created = await CreateAsync(secretary, branch.Id, "李明", $"S{Guid.NewGuid():N}"[..12], birth, Today(App));
        var id = created.GetProperty("id").GetInt32();
        Assert.That(created.GetProperty("stage").GetString(), Is.EqualTo("Applicant"));

        // (2)–(6): talk, activist, filing, contacts, observation, all on one day.
        var outOfOrder = await StepAsync(secretary, id, new { kind = "ActivistConfirmed" });
        Assert.That((await outOfOrder.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString(), Is.EqualTo("development.out_of_order"));
        await StepOkAsync(secretary, id, new { kind = "ApplicantTalk", talkPartnerIds = new[] { branch.Secretary.Id }, note = "谈话了解入党动机" });
        var activistDay = Today(App);
        await StepOkAsync(secretary, id, new { kind = "ActivistConfirmed", note = "团支部推优" });
        await StepOkAsync(secretary, id, new { kind = "ActivistFiled" });
        var probationaryContact = await StepAsync(secretary, id, new { kind = "ContactsAssigned", contactIds = new[] { probationary.Id } });
        await probationaryContact.AssertProblemAsync(HttpStatusCode.BadRequest);
        await StepOkAsync(secretary, id, new { kind = "ContactsAssigned", contactIds = new[] { contact.Id } });
        var contactClient = await App.SignInAsync(contact);
        await StepOkAsync(contactClient, id, new { kind = "ActivistObservation", note = "表现良好" });

        // (7) a year as activist.
        var tooSoon = await StepAsync(secretary, id, new { kind = "CandidateConfirmed" });
        var candidateDay = activistDay.AddMonths(12);
        Assert.That(await TooEarlyAsync(tooSoon), Is.EqualTo(Day(candidateDay)));
        AdvanceTo(App, candidateDay.AddDays(-1));
        secretary = await App.SignInAsync(branch.Secretary);
        Assert.That(await TooEarlyAsync(await StepAsync(secretary, id, new { kind = "CandidateConfirmed" })), Is.EqualTo(Day(candidateDay)), "still too early the day before");
        AdvanceTo(App, candidateDay);
        secretary = await App.SignInAsync(branch.Secretary);
        var candidate = await StepOkAsync(secretary, id, new { kind = "CandidateConfirmed" });
        Assert.That(candidate.GetProperty("stage").GetString(), Is.EqualTo("Candidate"));

        // (8)–(14): introducers must be full members; training at least 3 days or 24 hours.
        await StepOkAsync(secretary, id, new { kind = "CandidateFiled" });
        var badIntroducer = await StepAsync(secretary, id, new { kind = "IntroducersAssigned", introducerIds = new[] { introducer1.Id, probationary.Id } });
        Assert.That((await badIntroducer.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), Does.Contain("不是正式党员"));
        await StepOkAsync(secretary, id, new { kind = "IntroducersAssigned", introducerIds = new[] { introducer1.Id, introducer2.Id } });
        await StepOkAsync(secretary, id, new { kind = "PoliticalCheck", note = "政审合格" });
        var shortTraining = await StepAsync(secretary, id, new { kind = "CandidateTraining", trainingDays = 2, trainingHours = 16 });
        Assert.That((await shortTraining.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString(), Is.EqualTo("development.training_too_short"));
        await StepOkAsync(secretary, id, new { kind = "CandidateTraining", trainingHours = 24 });
        await StepOkAsync(secretary, id, new { kind = "CommitteeReview" });
        await StepOkAsync(secretary, id, new { kind = "UpperPreReview" });
        await StepOkAsync(secretary, id, new { kind = "ApplicationForm" });

        // (15) admission: publicity first, then a general meeting after it ends.
        var early = await ResolutionAsync(App, secretary, branch.Id, voters, "接收李明为预备党员");
        var noPublicity = await StepAsync(secretary, id, new { kind = "Admission", resolutionId = early });
        Assert.That((await noPublicity.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString(), Is.EqualTo("development.publicity_missing"));
        var publicity = await (await secretary.PostAsJsonAsync($"/api/development/records/{id}/publicity", new { before = "Admission" })).ReadAsync<JsonElement>();
        var publicityEnd = DateOnly.Parse(publicity.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(publicityEnd.DayNumber - Today(App).DayNumber, Is.InRange(4, 8), "five working days");
        Assert.That(await TooEarlyAsync(await StepAsync(secretary, id, new { kind = "Admission", resolutionId = early })), Is.EqualTo(Day(publicityEnd.AddDays(1))));
        AdvanceTo(App, publicityEnd.AddDays(1));
        secretary = await App.SignInAsync(branch.Secretary);
        var admissionDay = Today(App);
        var admitting = await ResolutionAsync(App, secretary, branch.Id, voters, "接收李明为预备党员");
        var admitted = await StepOkAsync(secretary, id, new { kind = "Admission", resolutionId = admitting });
        var memberId = admitted.GetProperty("memberId").GetInt32();
        Assert.That(admitted.GetProperty("stage").GetString(), Is.EqualTo("Probationary"));
        Assert.That(admitted.GetProperty("probationEndsOn").GetString(), Is.EqualTo(Day(admissionDay.AddMonths(12))));

        // (16)–(22), then (23) not before the probation has run a year from the general meeting.
        foreach (var kind in new[] { "UpperTalk", "UpperApproval", "AdmissionFiled", "Placed", "Oath", "ProbationObservation", "FullMembershipApplication" })
        {
            await StepOkAsync(secretary, id, new { kind });
        }

        await secretary.PostAsJsonAsync($"/api/development/records/{id}/publicity", new { before = "Confirmation" });
        var premature = await ResolutionAsync(App, secretary, branch.Id, voters, "同意李明按期转正");
        var confirmationDay = admissionDay.AddMonths(12);
        Assert.That(await TooEarlyAsync(await StepAsync(secretary, id, new { kind = "Confirmation", resolutionId = premature })), Is.EqualTo(Day(confirmationDay)));
        AdvanceTo(App, confirmationDay);
        secretary = await App.SignInAsync(branch.Secretary);
        var confirming = await ResolutionAsync(App, secretary, branch.Id, voters, "同意李明按期转正");
        var confirmed = await StepOkAsync(secretary, id, new { kind = "Confirmation", resolutionId = confirming });
        await StepOkAsync(secretary, id, new { kind = "ConfirmationApproval" });
        var final = await StepOkAsync(secretary, id, new { kind = "Archived" });

        var member = await App.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == memberId));
        var events = await App.WithDbAsync(db => db.MemberStatusEvents.AsNoTracking().Where(e => e.MemberId == memberId).OrderBy(e => e.Id).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(confirmed.GetProperty("stage").GetString(), Is.EqualTo("Full"));
            Assert.That(final.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("number").GetInt32() > 0), Is.EqualTo(25));
            Assert.That(final.GetProperty("next").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(member.Status.ToString(), Is.EqualTo("Full"));
            Assert.That(member.AdmittedOn, Is.EqualTo(admissionDay));
            Assert.That(member.FullSince, Is.EqualTo(confirmationDay));
            Assert.That(events.Select(e => (e.Change.ToString(), e.OccurredOn, e.ResolutionId)),
                Is.EqualTo(new[] { ("Admitted", admissionDay, (int?)admitting), ("BecameFull", confirmationDay, (int?)confirming) }));
        });
    }
}
