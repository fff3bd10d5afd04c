using MiniExcelLibs;
using SmartBranch.Api.Tests.Features.Meetings;

namespace SmartBranch.Api.Tests.Features.Study;

/// <summary>
/// Assignments, the secretary's completion view, reminders to exactly those not done, members' own yearly
/// hours (materials and attended 党课) and the branch's XLSX export; who may reach each.
/// </summary>
public sealed class StudyAssignmentTests() : SeededTest(branches: 2, members: 3)
{
    private HttpClient _secretary = null!;
    private int[] _materials = [];
    private int _assignment;

    // Reports every half hour still earn (a 45-minute text is read in two reports here).
    protected override AppFactory CreateApp() => new(new Dictionary<string, string?> { ["Study:MaxReportGap"] = "00:30:00" }, fakeTime: true);

    [OneTimeSetUp]
    public async Task Seed()
    {
        _secretary = await App.SignInAsync(Org.A.Secretary);
        _materials =
        [
            (await _secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Text", minutes: 45, topic: "党章"))).Id,
            (await _secretary.PublishAsync(StudyTestApi.Material(Org.A.Id, "Text", minutes: 45, topic: "党史"))).Id,
        ];
        var created = await (await _secretary.PostAsJsonAsync("/api/study/assignments", new
        {
            title = "三月专题学习",
            materialIds = _materials,
            audience = new { unitIds = new[] { Org.A.Id } },
            dueOn = "2026-03-31",
        })).JsonAsync(HttpStatusCode.Created);
        _assignment = created.GetProperty("id").GetInt32();

        // Member 0 studies both; member 1 opens one; the others do nothing.
        var finisher = await App.SignInAsync(Org.A.Members[0]);
        foreach (var material in _materials)
        {
            await ReadAsync(finisher, material);
        }

        await (await App.SignInAsync(Org.A.Members[1])).ReportAsync(_materials[0], "Start");
    }

    private async Task ReadAsync(HttpClient member, int material)
    {
        await member.ReportAsync(material, "Start");
        await member.ReportAsync(material, "End");
        await member.ReportAsync(material, "Start");
        for (var i = 0; i < 2; i++)
        {
            App.Time!.Advance(TimeSpan.FromMinutes(25));
            await member.ReportAsync(material, "Progress");
        }
    }

    [Test]
    public async Task ShowsTheSecretaryWhoFinished_WhoIsStudying_AndWhoHasNotStarted()
    {
        var completion = await (await _secretary.GetAsync($"/api/study/assignments/{_assignment}/completion")).JsonAsync(HttpStatusCode.OK);

        // Everyone of branch A: the secretary, three members and the general branch's admin who sits in it.
        Assert.That(completion.GetProperty("assigned").GetInt32(), Is.EqualTo(5));
        Assert.That(completion.GetProperty("finished").GetInt32(), Is.EqualTo(1));
        Assert.That(completion.GetProperty("inProgress").GetInt32(), Is.EqualTo(1));
        Assert.That(completion.GetProperty("notStarted").GetInt32(), Is.EqualTo(3));
        var states = completion.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("memberId").GetInt32(), m => m.GetProperty("state").GetString());
        Assert.That(states[Org.A.Members[0].Id], Is.EqualTo("Finished"));
        Assert.That(states[Org.A.Members[1].Id], Is.EqualTo("InProgress"));
        Assert.That(states[Org.A.Members[2].Id], Is.EqualTo("NotStarted"));
    }

    [Test]
    public async Task RemindsExactlyThoseNotDone_OnceAnHour()
    {
        var reminded = await (await _secretary.PostAsync($"/api/study/assignments/{_assignment}/remind", null)).JsonAsync(HttpStatusCode.OK);
        var again = await _secretary.PostAsync($"/api/study/assignments/{_assignment}/remind", null);

        Assert.That(reminded.GetProperty("reminded").GetInt32(), Is.EqualTo(4));
        var rows = await App.WithDbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectType == "study_assignment" && r.SubjectId == _assignment).Select(r => r.MemberId).ToListAsync());
        Assert.That(rows, Is.EquivalentTo(new[] { Org.A.Secretary.Id, Org.A.Members[1].Id, Org.A.Members[2].Id, Org.Admin.Id }));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task ListsMyAssignmentsWithMyOwnState()
    {
        var list = await (await (await App.SignInAsync(Org.A.Members[0])).GetAsync("/api/study/assignments")).JsonAsync(HttpStatusCode.OK);
        var mine = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == _assignment);
        var other = await (await (await App.SignInAsync(Org.B.Members[0])).GetAsync("/api/study/assignments")).JsonAsync(HttpStatusCode.OK);

        Assert.That(mine.GetProperty("myState").GetString(), Is.EqualTo("Finished"));
        Assert.That(mine.GetProperty("myCompletedMaterials").GetInt32(), Is.EqualTo(2));
        Assert.That(mine.GetProperty("manageable").GetBoolean(), Is.False);
        Assert.That(other.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()), Does.Not.Contain(_assignment));
    }

    [Test]
    public async Task CountsMyHours_FromCompletionsAndAttendedPartyLessons_AndExportsThemPerMember()
    {
        var member = Org.A.Members[2];
        var lesson = await MeetingApi.ScheduleAsync(_secretary, "PartyLesson", Org.A.Id, Now.AddMinutes(30), "党课：学习党章");
        await MeetingApi.CheckInByHandAsync(_secretary, lesson.GetProperty("id").GetInt32(), [member]);

        var hours = await (await (await App.SignInAsync(member)).GetAsync("/api/study/hours/me")).JsonAsync(HttpStatusCode.OK);
        var finisherHours = await (await (await App.SignInAsync(Org.A.Members[0])).GetAsync("/api/study/hours/me")).JsonAsync(HttpStatusCode.OK);

        // A 2-hour 党课 is 120 / 45 class hours.
        Assert.That(hours.GetProperty("meetingHours").GetDecimal(), Is.EqualTo(2.67m));
        Assert.That(hours.GetProperty("byTopic").EnumerateArray().Single().GetProperty("topic").GetString(), Is.EqualTo("党课"));
        Assert.That(finisherHours.GetProperty("materialHours").GetDecimal(), Is.EqualTo(2m));
        Assert.That(finisherHours.GetProperty("byTopic").EnumerateArray().Select(t => t.GetProperty("topic").GetString()), Is.EquivalentTo(new[] { "党章", "党史" }));

        var export = await _secretary.GetAsync($"/api/study/branches/{Org.A.Id}/hours?year={Now.Year}");
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK), await export.Content.ReadAsStringAsync());
        Assert.That(export.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var rows = MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var byName = rows.ToDictionary(r => (string)r["姓名"]!);
        Assert.That(rows, Has.Count.EqualTo(5));
        Assert.That(Convert.ToDecimal(byName[Org.A.Members[0].Name]["资料学时"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(2m));
        Assert.That(Convert.ToDecimal(byName[member.Name]["会议学时"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(2.67m));
        Assert.That(byName[member.Name]["是否达到目标"], Is.EqualTo("否"));
    }

    [Test]
    public async Task KeepsAssignmentFiguresToTheCommittee()
    {
        var plain = await App.SignInAsync(Org.A.Members[0]);
        var outsider = await App.SignInAsync(Org.B.Secretary);

        await (await plain.GetAsync($"/api/study/assignments/{_assignment}/completion")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await plain.PostAsync($"/api/study/assignments/{_assignment}/remind", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await plain.GetAsync($"/api/study/branches/{Org.A.Id}/hours")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.GetAsync($"/api/study/assignments/{_assignment}/completion")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsync($"/api/study/assignments/{_assignment}/remind", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"/api/study/branches/{Org.A.Id}/hours")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await plain.PostAsJsonAsync("/api/study/assignments", new { title = "x", materialIds = _materials, audience = new { unitIds = new[] { Org.A.Id } }, dueOn = "2026-03-31" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await App.CreateClient().GetAsync("/api/study/hours/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task RefusesAssignments_OutsideTheMaterialsUnitOrAlreadyDue()
    {
        var outsideUnit = await _secretary.PostAsJsonAsync("/api/study/assignments", new { title = "x", materialIds = _materials, audience = new { unitIds = new[] { Org.B.Id } }, dueOn = "2026-03-31" });
        var past = await _secretary.PostAsJsonAsync("/api/study/assignments", new { title = "x", materialIds = _materials, audience = new { unitIds = new[] { Org.A.Id } }, dueOn = "2026-01-01" });
        var unknown = await _secretary.PostAsJsonAsync("/api/study/assignments", new { title = "x", materialIds = new[] { 999_999 }, audience = new { unitIds = new[] { Org.A.Id } }, dueOn = "2026-03-31" });

        await outsideUnit.AssertProblemAsync(HttpStatusCode.Forbidden);
        await past.AssertProblemAsync(HttpStatusCode.BadRequest);
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
