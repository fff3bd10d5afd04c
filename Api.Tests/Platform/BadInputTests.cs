using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SmartBranch.Api.Common.Validation;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Brand;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// The examples of issue 13's "server errors on bad input" and "values the API must refuse": each is a 400
/// ProblemDetails and nothing is stored. The OpenAPI-driven <see cref="MalformedInputTests"/> guards the kind.
/// </summary>
public sealed class BadInputTests() : SeededTest(branches: 2, members: 3)
{
    private HttpClient _secretary = null!;
    private HttpClient _member = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _secretary = await App.SignInAsync(Org.A.Secretary);
        _member = await App.SignInAsync(Org.A.Members[0]);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private HttpClient Caller(string who) => who == "secretary" ? _secretary : _member;

    // What a user reads when an enum value is refused: each value's Chinese label with the name to send in brackets.
    private const string MeetingTypes = "取值无效，可选值为：支部党员大会（BranchGeneralMeeting）、支委会（CommitteeMeeting）、党小组会（PartyGroupMeeting）、党课（PartyLesson）、主题党日（ThemedPartyDay）、组织生活会（OrganizationalLifeMeeting）、民主评议党员（MemberAppraisal）。";
    private const string Visibilities = "取值无效，可选值为：公开（Public）、党内（Internal）、支委（Committee）。";
    private const string TargetKinds = "取值无效，可选值为：党组织（Unit）、会议（Meeting）、活动（Activity）。";
    private const string MailboxStatuses = "取值无效，可选值为：待答复（Open）、已答复（Answered）、已解决（Resolved）。";
    private const string DuesCategories = "取值无效，可选值为：在职（Salaried）、离退休（Retired）、学生（Student）、下岗失业（Unemployed）、享受最低生活保障（Relief）。";

    [TestCase("secretary")]
    [TestCase("member")]
    public async Task Returns400_WhenNoticeBodyIsEmptyObject(string who)
    {
        var before = await App.WithDbAsync(db => db.Notices.CountAsync());

        var problem = await (await Caller(who).PostAsync("/api/notices", Json("{}"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("title")[0].GetString(), Is.EqualTo("请填写标题。"));
        Assert.That(await App.WithDbAsync(db => db.Notices.CountAsync()), Is.EqualTo(before));
    }

    [TestCase("secretary")]
    [TestCase("member")]
    public async Task Returns400_WhenNoticeEditIsEmptyObject(string who)
    {
        var id = await _secretary.PostNoticeAsync(NoticeTestApi.Request(unitIds: [Org.A.Id], title: "原标题"));

        await (await Caller(who).PutAsync($"/api/notices/{id}", Json("{}"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(await App.WithDbAsync(db => db.Notices.Where(n => n.Id == id).Select(n => n.Title).SingleAsync()), Is.EqualTo("原标题"));
    }

    [TestCase("secretary")]
    [TestCase("member")]
    public async Task Returns400_WhenStoryOrCommentIsEmptyObject(string who)
    {
        var story = (await _secretary.PostStoryAsync(BrandTestApi.Story(unitId: Org.A.Id))).GetProperty("id").GetInt32();
        var stories = await App.WithDbAsync(db => db.Stories.CountAsync());

        await (await Caller(who).PostAsync("/api/stories", Json("{}"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Caller(who).PutAsync($"/api/stories/{story}", Json("{}"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Caller(who).PostAsync($"/api/stories/{story}/comments", Json("{}"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(await App.WithDbAsync(db => db.Stories.CountAsync()), Is.EqualTo(stories));
        Assert.That(await App.WithDbAsync(db => db.StoryComments.CountAsync(c => c.StoryId == story)), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenBrandLabelsHoldNull()
    {
        var response = await _secretary.PutAsync($"/api/org/units/{Org.A.Id}/brand", Json("""{"name":"红烛先锋","labels":[null]}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await App.WithDbAsync(db => db.BrandProfiles.CountAsync(b => b.UnitId == Org.A.Id)), Is.Zero);
    }

    private static IEnumerable<TestCaseData> BrokenUploads()
    {
        yield return new TestCaseData("multipart/form-data; boundary=nope", "{\"file\":\"not multipart\"}").SetArgDisplayNames("boundary=nope");
        yield return new TestCaseData("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n").SetArgDisplayNames("no boundary");
        yield return new TestCaseData("multipart/form-data; boundary=b", "this body is not multipart at all").SetArgDisplayNames("body not multipart");
    }

    [TestCaseSource(nameof(BrokenUploads))]
    public async Task Returns400_WhenMediaUploadIsBrokenMultipart(string contentType, string body)
    {
        var before = await App.WithDbAsync(db => db.Media.CountAsync());

        var problem = await (await _secretary.PostAsync("/api/media", Raw(contentType, body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("multipart/form-data"));
        Assert.That(await App.WithDbAsync(db => db.Media.CountAsync()), Is.EqualTo(before));
    }

    [TestCaseSource(nameof(BrokenUploads))]
    public async Task Returns400_WhenRosterImportIsBrokenMultipart(string contentType, string body)
    {
        var before = await App.WithDbAsync(db => db.Members.CountAsync());

        var response = await _secretary.PostAsync($"/api/org/units/{Org.A.Id}/members/import?dryRun=false", Raw(contentType, body));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("multipart/form-data"));
        Assert.That(await App.WithDbAsync(db => db.Members.CountAsync()), Is.EqualTo(before));
    }

    private static ByteArrayContent Raw(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    [TestCase("startsOn", "9999-12-31")]
    [TestCase("startsOn", "0001-01-01")]
    [TestCase("endsOn", "9999-12-31")]
    public async Task Returns400_WhenAppointmentDateIsOutsideTheWindow(string field, string date)
    {
        var target = Org.A.Members[1].Id;
        var body = field == "startsOn"
            ? $$"""{"memberId":{{target}},"role":"PublicityCommissioner","startsOn":"{{date}}"}"""
            : $$"""{"memberId":{{target}},"role":"PublicityCommissioner","startsOn":"2026-01-01","endsOn":"{{date}}"}""";

        var problem = await (await _secretary.PostAsync($"/api/org/units/{Org.A.Id}/appointments", Json(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Is.EqualTo(DateWindow.Message));
        Assert.That(await App.WithDbAsync(db => db.Appointments.CountAsync(a => a.MemberId == target)), Is.Zero);
    }

    [TestCase("0001-01-01T00:00:00+08:00")]
    [TestCase("9999-12-31T23:59:59+08:00")]
    [TestCase("1899-12-31T23:00:00+08:00")]
    [TestCase("2101-01-01T09:00:00+08:00")]
    public async Task Returns400_WhenActivityEndIsOutsideTheWindow(string endsAt)
    {
        var body = JsonSerializer.SerializeToNode(ActivityApi.Body(Org.A.Id, DateTimeOffset.UtcNow), ApiClients.Json)!.AsObject();
        body["endsAt"] = endsAt;
        body["title"] = $"越界活动{Guid.NewGuid():N}"[..12];

        var problem = await (await _secretary.PostAsync("/api/activities", Json(body.ToJsonString()))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("endsAt")[0].GetString(), Is.EqualTo(DateWindow.Message));
        var title = (string)body["title"]!;
        Assert.That(await App.WithDbAsync(db => db.Activities.CountAsync(a => a.Title == title)), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenComplianceQueryDateIsOutsideTheWindow()
    {
        var problem = await (await _secretary.GetAsync($"/api/org/units/{Org.A.Id}/compliance?from=0001-01-01&to=9999-12-31")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("from")[0].GetString(), Is.EqualTo(DateWindow.Message));
    }

    [TestCase("type", "999")]
    [TestCase("type", "-1")]
    [TestCase("type", "\"999\"")]
    [TestCase("type", "\"Nope\"")]
    [TestCase("visibility", "-1")]
    [TestCase("visibility", "\"7\"")]
    public async Task Returns400_WhenMeetingEnumIsOutOfRange(string field, string value)
    {
        var topic = $"越界会议{Guid.NewGuid():N}"[..12];
        var body = JsonSerializer.SerializeToNode(MeetingApi.Body("BranchGeneralMeeting", Org.A.Id, DateTimeOffset.UtcNow.AddDays(3), topic), ApiClients.Json)!.AsObject();
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var problem = await (await _secretary.PostAsync("/api/meetings", Json(body.ToJsonString()))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Is.EqualTo(field == "type" ? MeetingTypes : Visibilities));
        Assert.That(await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.Topic == topic)), Is.Zero);
    }

    /// <summary>The contract (Api/openapi.json) publishes enums as names, so even a defined number is refused like an unknown name.</summary>
    [TestCase("type", "1")]
    [TestCase("type", "0")]
    [TestCase("type", "\"1\"")]
    [TestCase("type", "\" 2\"")]
    [TestCase("visibility", "0")]
    [TestCase("visibility", "\"-0\"")]
    public async Task Returns400ListingTheNames_WhenMeetingEnumIsANumber(string field, string value)
    {
        var topic = $"数字枚举{Guid.NewGuid():N}"[..12];
        var body = JsonSerializer.SerializeToNode(MeetingApi.Body("BranchGeneralMeeting", Org.A.Id, DateTimeOffset.UtcNow.AddDays(3), topic), ApiClients.Json)!.AsObject();
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        var unknown = JsonSerializer.SerializeToNode(MeetingApi.Body("BranchGeneralMeeting", Org.A.Id, DateTimeOffset.UtcNow.AddDays(3), topic), ApiClients.Json)!.AsObject();
        unknown[field] = "Nope";

        var problem = await (await _secretary.PostAsync("/api/meetings", Json(body.ToJsonString()))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var unknownProblem = await (await _secretary.PostAsync("/api/meetings", Json(unknown.ToJsonString()))).AssertProblemAsync(HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.That(message, Is.EqualTo(field == "type" ? MeetingTypes : Visibilities));
        Assert.That(message, Is.EqualTo(unknownProblem.GetProperty("errors").GetProperty(field)[0].GetString()), "the same answer as an unknown name");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(unknownProblem.GetProperty("detail").GetString()));
        Assert.That(await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.Topic == topic)), Is.Zero);
    }

    [Test]
    public async Task StoresTheMeeting_WhenEnumsAreNames()
    {
        var topic = $"名称枚举{Guid.NewGuid():N}"[..12];
        var body = JsonSerializer.SerializeToNode(MeetingApi.Body("BranchGeneralMeeting", Org.A.Id, DateTimeOffset.UtcNow.AddDays(3), topic), ApiClients.Json)!.AsObject();
        body["visibility"] = "internal";

        var response = await _secretary.PostAsync("/api/meetings", Json(body.ToJsonString()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(await App.WithDbAsync(db => db.Meetings.Where(m => m.Topic == topic).Select(m => m.Visibility).SingleAsync()), Is.EqualTo(SmartBranch.Domain.Common.Visibility.Internal));
    }

    /// <summary>No request body has an enum-keyed dictionary today; the app's JSON options refuse a number as such a key all the same.</summary>
    [TestCase("""{"1":1}""")]
    [TestCase("""{"Nope":1}""")]
    public void RefusesNumbersAndUnknownNames_AsEnumDictionaryKeys(string json)
    {
        var options = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        var refused = Assert.Throws<RefusedJsonValueException>(() => JsonSerializer.Deserialize<Dictionary<SmartBranch.Domain.Common.Visibility, int>>(json, options));

        Assert.That(refused!.Detail, Is.EqualTo(Visibilities));
        Assert.That(JsonSerializer.Deserialize<Dictionary<SmartBranch.Domain.Common.Visibility, int>>("""{"Committee":1}""", options)!.Keys, Is.EqualTo(new[] { SmartBranch.Domain.Common.Visibility.Committee }));
    }

    [TestCase("-1")]
    [TestCase("99")]
    [TestCase("\"-1\"")]
    public async Task Returns400_WhenCadenceIsOutOfRange(string value)
    {
        var response = await _secretary.PutAsync($"/api/org/units/{Org.A.Id}/meeting-cadences/PartyLesson", Json($$"""{"cadence":{{value}}}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await App.WithDbAsync(db => db.MeetingCadences.CountAsync(c => c.BranchId == Org.A.Id)), Is.Zero);
    }

    [TestCase("1")]
    [TestCase("0")]
    public async Task Returns400ListingTheNames_WhenCadenceRouteTypeIsANumber(string type)
    {
        var problem = await (await _secretary.PutAsync($"/api/org/units/{Org.A.Id}/meeting-cadences/{type}", Json("""{"cadence":"Monthly"}"""))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("type")[0].GetString(), Is.EqualTo(MeetingTypes));
        Assert.That(await App.WithDbAsync(db => db.MeetingCadences.CountAsync(c => c.BranchId == Org.A.Id)), Is.Zero);
    }

    [TestCase("/api/polls?targetKind=0&targetId={0}", "targetKind", TargetKinds)]
    [TestCase("/api/walls?targetKind=0&targetId={0}", "targetKind", TargetKinds)]
    [TestCase("/api/mailbox?status=0", "status", MailboxStatuses)]
    [TestCase("/api/mailbox?status=999", "status", MailboxStatuses)]
    public async Task Returns400ListingTheNames_WhenAQueryEnumIsANumber(string url, string key, string expected)
    {
        var problem = await (await _secretary.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Org.A.Id))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty(key)[0].GetString(), Is.EqualTo(expected));
    }

    /// <summary>The member declaring their own dues base reads the categories in Chinese, as the forms name them.</summary>
    [TestCase("\"Pension\"")]
    [TestCase("1")]
    public async Task Returns400ListingTheCategoriesInChinese_WhenADuesCategoryIsUnknown(string category)
    {
        var me = Org.A.Members[0];

        var problem = await (await _member.PutAsync($"/api/dues/members/{me.Id}/bases/2026", Json($$"""{"category":{{category}}}"""))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("category")[0].GetString(), Is.EqualTo(DuesCategories));
        Assert.That(await App.WithDbAsync(db => db.DuesBases.CountAsync(b => b.MemberId == me.Id)), Is.Zero);
    }

    [TestCase("/api/polls?targetKind=Unit&targetId={0}")]
    [TestCase("/api/mailbox?status=Open")]
    public async Task AnswersTheList_WhenAQueryEnumIsAName(string url)
    {
        var response = await _secretary.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Org.A.Id));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Returns400_WhenCadenceRouteTypeIsOutOfRange()
    {
        var problem = await (await _secretary.PutAsync($"/api/org/units/{Org.A.Id}/meeting-cadences/999", Json("""{"cadence":"Monthly"}"""))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("type")[0].GetString(), Is.EqualTo(MeetingTypes));
        Assert.That(await App.WithDbAsync(db => db.MeetingCadences.CountAsync(c => c.BranchId == Org.A.Id)), Is.Zero);
    }

    [TestCase("999")]
    [TestCase("\"999\"")]
    public async Task Returns400_WhenAttendanceStatusIsOutOfRange(string value)
    {
        var meeting = (await MeetingApi.ScheduleAsync(_secretary, "BranchGeneralMeeting", Org.A.Id, DateTimeOffset.UtcNow.AddHours(1))).GetProperty("id").GetInt32();
        var attendee = Org.A.Members[1].Id;

        var response = await _secretary.PostAsync($"/api/meetings/{meeting}/attendees/{attendee}/check-in", Json($$"""{"status":{{value}}}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var stored = await App.WithDbAsync(db => db.MeetingAttendees.Where(a => a.MeetingId == meeting && a.MemberId == attendee).Select(a => a.Status).SingleAsync());
        Assert.That(stored, Is.Null, "nothing recorded for the attendee");
    }

    [Test]
    public async Task Returns400_WhenActivityHasNoVisibility()
    {
        var body = JsonSerializer.SerializeToNode(ActivityApi.Body(Org.A.Id, DateTimeOffset.UtcNow), ApiClients.Json)!.AsObject();
        var title = $"无级别活动{Guid.NewGuid():N}"[..12];
        body["title"] = title;
        body.Remove("visibility");

        var problem = await (await _secretary.PostAsync("/api/activities", Json(body.ToJsonString()))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("visibility")[0].GetString(), Is.EqualTo("请选择信息级别（公开、党内或支委）。"));
        Assert.That(await App.WithDbAsync(db => db.Activities.CountAsync(a => a.Title == title)), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenActivityEditHasNoVisibility()
    {
        var id = await ActivityApi.CreateAsync(_secretary, Org.A.Id, DateTimeOffset.UtcNow, visibility: "Committee");
        var body = JsonSerializer.SerializeToNode(ActivityApi.Body(Org.A.Id, DateTimeOffset.UtcNow), ApiClients.Json)!.AsObject();
        body.Remove("visibility");

        await (await _secretary.PutAsync($"/api/activities/{id}", Json(body.ToJsonString()))).AssertProblemAsync(HttpStatusCode.BadRequest);

        var stored = await App.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Visibility).SingleAsync());
        Assert.That(stored, Is.EqualTo(SmartBranch.Domain.Common.Visibility.Committee));
    }

    [Test]
    public async Task Returns400_WhenImageHasNoVisibility()
    {
        var before = await App.WithDbAsync(db => db.Media.CountAsync());

        var problem = await (await _secretary.UploadAsync(BrandTestApi.Png, visibility: null)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("信息级别").And.Not.Contain("visibility"));
        Assert.That(await App.WithDbAsync(db => db.Media.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task Returns400_WhenImageVisibilityIsANumber()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(BrandTestApi.Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "photo.png");
        form.Add(new StringContent("0"), "visibility");

        await (await _secretary.PostAsync("/api/media", form)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
