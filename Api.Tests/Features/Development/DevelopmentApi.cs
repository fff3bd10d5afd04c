using System.Text.Json;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>Helpers the development tests share: create a record, record steps, hold a general meeting with a resolution, move the clock by days.</summary>
internal static class DevelopmentApi
{
    public static DateOnly Today(AppFactory app) => LocalCalendar.Today(app.Time!.GetUtcNow());

    /// <summary>Moves the fake clock forward to the same time of day on <paramref name="day"/>.</summary>
    public static void AdvanceTo(AppFactory app, DateOnly day)
    {
        var days = day.DayNumber - Today(app).DayNumber;
        Assert.That(days, Is.GreaterThanOrEqualTo(0), "time only moves forward");
        app.Time!.Advance(TimeSpan.FromDays(days));
    }

    public static async Task<JsonElement> CreateAsync(HttpClient client, int branchId, string name, string number, DateOnly birthDate, DateOnly appliedOn)
    {
        var response = await client.PostAsJsonAsync("/api/development/records", new { branchId, name, number, birthDate, appliedOn });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, int recordId, object body) =>
        client.PostAsJsonAsync($"/api/development/records/{recordId}/steps", body);

    public static async Task<JsonElement> StepOkAsync(HttpClient client, int recordId, object body)
    {
        var response = await StepAsync(client, recordId, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    /// <summary>Asserts a 400 "too early" and returns the day it names.</summary>
    public static async Task<string?> TooEarlyAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("development.too_early"), problem.ToString());
        var possibleOn = problem.GetProperty("possibleOn").GetString();
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(possibleOn), "the Chinese message names the day");
        return possibleOn;
    }

    /// <summary>A general meeting of the branch today (five minutes from now), the voters checked in, a passed resolution; its id.</summary>
    public static async Task<int> ResolutionAsync(AppFactory app, HttpClient secretary, int branchId, IEnumerable<SeededMember> voters, string title)
    {
        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", branchId, app.Time!.GetUtcNow().AddMinutes(5), "支部党员大会");
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var id = meeting.GetProperty("id").GetInt32();
        var present = voters.ToList();
        await MeetingApi.CheckInByHandAsync(secretary, id, present);
        var response = await secretary.PostAsJsonAsync($"/api/meetings/{id}/resolutions", new { title, yes = present.Count, no = 0, abstain = 0 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>
    /// A record with its history written through the domain (history mode: order and day sequence are checked): the
    /// steps in their order from step 1, thought reports on <paramref name="reports"/>, <paramref name="contactId"/> as the
    /// training contact. Returns its id.
    /// </summary>
    public static Task<int> SeedHistoryAsync(AppFactory app, SeededBranch branch, string name, string number, DateOnly[] steps, DateOnly[] reports, int contactId, DateOnly today) =>
        app.WithDbAsync(async db =>
        {
            var record = new DevelopmentRecord(branch.Id, name, number, null, DateTimeOffset.UtcNow);
            var events = steps.Select((day, i) => (Kind: (DevelopmentStepKind)(i + 1), Day: day, Order: i + 1))
                .Concat(reports.Select(day => (Kind: DevelopmentStepKind.ThoughtReport, Day: day, Order: 100)))
                .OrderBy(e => e.Day).ThenBy(e => e.Order);
            foreach (var (kind, day, _) in events)
            {
                IReadOnlyList<StepPerson> people = kind == DevelopmentStepKind.ContactsAssigned ? [new StepPerson(contactId, StepPersonRole.TrainingContact)] : [];
                var (_, error) = record.Record(kind, day, today, DevelopmentRules.Default, string.Empty, people, StepDetails.None, branch.Secretary.Id, DateTimeOffset.UtcNow, history: true);
                Assert.That(error, Is.Null, $"{name} {kind} {day}: {error?.Message}");
            }

            db.DevelopmentRecords.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
