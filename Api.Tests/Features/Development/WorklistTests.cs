using System.Text.Json;
using SmartBranch.Domain.Development;
using K = SmartBranch.Domain.Development.DevelopmentStepKind;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>
/// The worklist on a given day for a seeded branch of 40 people at mixed stages, against a list computed by hand
/// from the rules' defaults; the general branch sees across branches, a member of the branch sees nothing.
/// </summary>
public sealed class WorklistTests : FunctionalTest
{
    private static readonly DateOnly On = new(2026, 6, 15);

    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Thought reports in every quarter counted from 2024-06-15 up to the one ending 2026-06-15.</summary>
    private static readonly string[] ReportsSince2024 = ["2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01", "2026-04-01"];

    private static readonly string[] Probation = ["2023-09-01", "2023-09-10", "2024-06-15", "2024-06-20", "2024-06-25", "2024-12-20", "2025-06-16", "2025-06-16", "2025-06-16", "2025-06-16", "2025-06-16", "2025-06-16", "2025-06-16", "2025-06-16"];

    /// <summary>Ten patterns of four people each: the steps' days (step 1 first), the thought reports.</summary>
    private static readonly (string Pattern, string[] Steps, string[] Reports)[] Patterns =
    [
        ("P1", ["2026-05-01"], []),                                      // talk overdue since 06-01
        ("P2", ["2026-05-20"], []),                                      // talk due 06-20
        ("P3", ["2026-06-10"], []),                                      // talk due 07-10: not this month
        ("P4", ["2026-04-01", "2026-04-10"], []),                        // nothing owed
        ("P5", ["2025-09-01", "2025-09-10", "2026-01-01", "2026-01-05", "2026-01-10"], []),  // 1 report missing, due 03-31; observation 07-10
        ("P7", ["2025-06-01", "2025-06-10", "2025-12-10", "2025-12-12", "2025-12-15"], ["2026-01-10", "2026-04-10"]),  // observation due 06-15
        ("P8", ["2024-09-01", "2024-09-10", "2025-03-01", "2025-03-05", "2025-03-10", "2025-09-10", "2026-03-05"], ["2025-04-01", "2025-07-01", "2025-10-01"]),  // 2 reports missing, due 02-28
        ("P9", [.. Probation, "2025-06-20", "2025-07-01", "2025-08-01", "2025-08-05", "2025-08-05", "2025-08-05", "2026-01-05"], ReportsSince2024),  // confirmation due 06-20
        ("P10", [.. Probation, "2026-03-01"], ReportsSince2024),          // upper approval overdue since 06-01
        ("P11", [.. Probation, "2025-06-20", "2025-06-25", "2025-07-01", "2025-07-05", "2025-07-05", "2025-07-05", "2025-12-01", "2026-04-20", "2026-05-01"], ReportsSince2024),  // full: nothing
    ];

    [Test]
    public async Task ListsExactlyTheOverdueAndDueTasks_OnTheGivenDay()
    {
        var org = await App.SeedAsync(branches: 2, members: 2);
        var contact = org.A.Members[0];
        var names = new Dictionary<string, List<string>>();
        foreach (var (pattern, steps, reports) in Patterns)
        {
            names[pattern] = [];
            for (var i = 0; i < 4; i++)
            {
                var name = $"{pattern}-{i}";
                names[pattern].Add(name);
                await SeedAsync(org.A, name, $"{pattern}x{i}", steps, reports, contact.Id);
            }
        }

        await SeedAsync(org.B, "B-P1", "BP1x0", ["2026-05-01"], [], org.B.Members[0].Id);

        var secretary = await App.SignInAsync(org.A.Secretary);
        var response = await secretary.GetAsync($"/api/development/units/{org.A.Id}/worklist?on=2026-06-15");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var worklist = await response.ReadAsync<JsonElement>();

        // By hand, from the defaults (talk within 1 month, observation every 6 months, a report per quarter from
        // step 3, upper approval within 3 months of step 15, confirmation 12 months after it), on 2026-06-15:
        var sec = org.A.Secretary.Name;
        var overdue = Expect(names["P8"], "ThoughtReport", "2026-02-28", 2, "P8")
            .Concat(Expect(names["P5"], "ThoughtReport", "2026-03-31", 1, "P5"))
            .Concat(Expect(names["P1"], "FirstTalk", "2026-06-01", 0, sec))
            .Concat(Expect(names["P10"], "UpperApproval", "2026-06-01", 0, sec));
        var due = Expect(names["P7"], "Observation", "2026-06-15", 0, contact.Name)
            .Concat(Expect(names["P2"], "FirstTalk", "2026-06-20", 0, sec))
            .Concat(Expect(names["P9"], "Confirmation", "2026-06-20", 0, sec));

        Assert.Multiple(() =>
        {
            Assert.That(Items(worklist, "overdue"), Is.EquivalentTo(overdue));
            Assert.That(Items(worklist, "overdue").Select(i => i.Due), Is.Ordered, "oldest first");
            Assert.That(Items(worklist, "dueThisMonth"), Is.EquivalentTo(due));
            Assert.That(worklist.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("count").GetInt32())),
                Is.EqualTo(new[] { ("Applicant", 16), ("Activist", 8), ("Candidate", 4), ("Probationary", 8), ("Full", 4) }));
            Assert.That(worklist.GetProperty("stages")[2].GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()), Is.EquivalentTo(names["P8"]),
                "a count opens into names");
        });
    }

    [Test]
    public async Task GeneralBranchSeesEveryBranch_AndAPlainMemberNothing()
    {
        var org = await App.SeedAsync(branches: 2, members: 1);
        await SeedAsync(org.A, "甲", "GA1", ["2026-05-01"], [], org.A.Members[0].Id);
        await SeedAsync(org.B, "乙", "GB1", ["2026-05-01"], [], org.B.Members[0].Id);
        var admin = await App.SignInAsync(org.Admin);
        var member = await App.SignInAsync(org.A.Members[0]);
        var secretaryB = await App.SignInAsync(org.B.Secretary);

        var all = await (await admin.GetAsync($"/api/development/units/{org.GeneralBranchId}/worklist?on=2026-06-15")).ReadAsync<JsonElement>();
        var plain = await member.GetAsync($"/api/development/units/{org.A.Id}/worklist");
        var otherBranch = await secretaryB.GetAsync($"/api/development/units/{org.A.Id}/worklist");
        var badDay = await admin.GetAsync($"/api/development/units/{org.GeneralBranchId}/worklist?on=2026-13-01");

        Assert.Multiple(async () =>
        {
            Assert.That(all.GetProperty("overdue").EnumerateArray().Select(i => (i.GetProperty("name").GetString(), i.GetProperty("branchName").GetString())),
                Is.EquivalentTo(new[] { ("甲", org.A.Name), ("乙", org.B.Name) }));
            await plain.AssertProblemAsync(HttpStatusCode.Forbidden);
            await otherBranch.AssertProblemAsync(HttpStatusCode.NotFound);
            await badDay.AssertProblemAsync(HttpStatusCode.BadRequest);
        });
    }

    [Test]
    public async Task RemindsTheSecretaryForATalk_TheContactForAnObservation_AndCountsTheApplicantUnreached()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var contact = org.A.Members[0];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Ago(int days) => today.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await SeedAsync(org.A, "待谈话", "RT1", [Ago(40)], [], contact.Id);
        await SeedAsync(org.A, "待考察", "RT2", [Ago(400), Ago(395), Ago(200), Ago(199), Ago(198)], [Ago(100), Ago(10)], contact.Id);
        var secretary = await App.SignInAsync(org.A.Secretary);

        var first = await secretary.PostAsync($"/api/development/units/{org.A.Id}/reminders", null);
        var again = await secretary.PostAsync($"/api/development/units/{org.A.Id}/reminders", null);
        var plain = await (await App.SignInAsync(contact)).PostAsync($"/api/development/units/{org.A.Id}/reminders", null);
        var body = await first.ReadAsync<JsonElement>();
        var rows = await App.WithDbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectType == "development")
            .Join(db.DevelopmentRecords, r => r.SubjectId, d => d.Id, (r, d) => new { d.BranchId, r.MemberId, r.Slot, r.Subject, r.Kind })
            .Where(x => x.BranchId == org.A.Id).ToListAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("scheduled").GetInt32(), Is.EqualTo(2));
            Assert.That(rows.Select(r => (r.MemberId, r.Subject)), Is.EquivalentTo(new[] { ((int?)org.A.Secretary.Id, "待谈话：入党申请人谈话"), ((int?)contact.Id, "待考察：培养考察记录") }));
            Assert.That(rows.Select(r => r.Kind.ToString()).Distinct(), Is.EqualTo(new[] { "Development" }));
            Assert.That(body.GetProperty("unreached").EnumerateArray().Select(u => (u.GetProperty("name").GetString(), u.GetProperty("kind").GetString())),
                Is.EquivalentTo(new[] { ("待考察", "ThoughtReport") }), "a person in development whose WeChat account is not bound to the record cannot be reached");
            Assert.That((await again.ReadAsync<JsonElement>()).GetProperty("scheduled").GetInt32(), Is.Zero, "the same due task is reminded once");
            await plain.AssertProblemAsync(HttpStatusCode.Forbidden);
        });
    }

    private static IEnumerable<(string Name, string Kind, string Due, int Missing, string Owner)> Expect(IEnumerable<string> people, string kind, string due, int missing, string owner) =>
        people.Select(p => (p, kind, due, missing, owner.StartsWith('P') ? p : owner));

    private static List<(string Name, string Kind, string Due, int Missing, string Owner)> Items(JsonElement worklist, string list) =>
        worklist.GetProperty(list).EnumerateArray().Select(i => (
            i.GetProperty("name").GetString()!,
            i.GetProperty("kind").GetString()!,
            i.GetProperty("dueOn").GetString()!,
            i.GetProperty("missing").GetInt32(),
            string.Join("、", i.GetProperty("ownerNames").EnumerateArray().Select(n => n.GetString())))).ToList();

    /// <summary>A record with its history, written through the domain (history mode: order and day sequence are checked).</summary>
    private Task SeedAsync(SeededBranch branch, string name, string number, string[] steps, string[] reports, int contactId) =>
        App.WithDbAsync(async db =>
        {
            var record = new DevelopmentRecord(branch.Id, name, $"{number}-{branch.Id}", null, DateTimeOffset.UtcNow);
            var events = steps.Select((day, i) => (Kind: (K)(i + 1), Day: D(day), Order: i + 1))
                .Concat(reports.Select(day => (Kind: K.ThoughtReport, Day: D(day), Order: 100)))
                .OrderBy(e => e.Day).ThenBy(e => e.Order);
            foreach (var (kind, day, _) in events)
            {
                IReadOnlyList<StepPerson> people = kind == K.ContactsAssigned ? [new StepPerson(contactId, StepPersonRole.TrainingContact)] : [];
                var (_, error) = record.Record(kind, day, DateOnly.FromDateTime(DateTime.UtcNow), DevelopmentRules.Default, string.Empty, people, StepDetails.None, branch.Secretary.Id, DateTimeOffset.UtcNow, history: true);
                Assert.That(error, Is.Null, $"{name} {kind} {day}: {error?.Message}");
            }

            db.DevelopmentRecords.Add(record);
            await db.SaveChangesAsync();
        });
}
