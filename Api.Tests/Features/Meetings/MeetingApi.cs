using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>Small helpers the meeting tests share: schedule over HTTP and read the outbox.</summary>
internal static class MeetingApi
{
    public static object Body(string type, int unitId, DateTimeOffset startsAt, string topic = "学习会议", object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = type,
            ["unitId"] = unitId,
            ["topic"] = topic,
            ["startsAt"] = startsAt,
            ["endsAt"] = startsAt.AddHours(2),
            ["place"] = "党员活动室",
        };
        if (extra is not null)
        {
            foreach (var property in extra.GetType().GetProperties())
            {
                body[property.Name] = property.GetValue(extra);
            }
        }

        return body;
    }

    public static async Task<JsonElement> ScheduleAsync(HttpClient client, string type, int unitId, DateTimeOffset startsAt, string topic = "学习会议", object? extra = null)
    {
        var response = await client.PostAsJsonAsync("/api/meetings", Body(type, unitId, startsAt, topic, extra));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    public static async Task CheckInByHandAsync(HttpClient organizer, int meetingId, IEnumerable<SeededMember> members)
    {
        foreach (var member in members)
        {
            var response = await organizer.PostAsJsonAsync($"/api/meetings/{meetingId}/attendees/{member.Id}/check-in", new { });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }
    }

    public static Task<List<SmartBranch.Domain.Messaging.Reminder>> RemindersAsync(AppFactory app, int meetingId) =>
        app.WithDbAsync(db => db.Reminders.AsNoTracking()
            .Where(r => r.SubjectType == "meeting" && r.SubjectId == meetingId)
            .ToListAsync());
}
