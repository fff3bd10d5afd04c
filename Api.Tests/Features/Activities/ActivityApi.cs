using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Activities;

/// <summary>Creating activities and reading sign-ups the way the mini-program does.</summary>
internal static class ActivityApi
{
    /// <summary>
    /// Creates an activity through the API: starts in two days, sign-up open from an hour ago until the start,
    /// for the whole unit, unless the test says otherwise.
    /// </summary>
    public static async Task<int> CreateAsync(
        HttpClient organiser,
        int unitId,
        DateTimeOffset now,
        int? capacity = null,
        bool waitingList = false,
        string visibility = "Internal",
        DateTimeOffset? startsAt = null,
        DateTimeOffset? signUpOpensAt = null,
        DateTimeOffset? signUpClosesAt = null,
        int[]? audienceUnits = null,
        int[]? audienceMembers = null)
    {
        var response = await organiser.PostAsJsonAsync("/api/activities", Body(unitId, now, capacity, waitingList, visibility, startsAt, signUpOpensAt, signUpClosesAt, audienceUnits, audienceMembers));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static object Body(
        int unitId,
        DateTimeOffset now,
        int? capacity = null,
        bool waitingList = false,
        string visibility = "Internal",
        DateTimeOffset? startsAt = null,
        DateTimeOffset? signUpOpensAt = null,
        DateTimeOffset? signUpClosesAt = null,
        int[]? audienceUnits = null,
        int[]? audienceMembers = null,
        string title = "主题党日：重温入党誓词")
    {
        var start = startsAt ?? now.AddDays(2);
        return new
        {
            unitId,
            title,
            description = "集合后统一前往。",
            place = "图书馆报告厅",
            startsAt = start,
            endsAt = start.AddHours(2),
            signUpOpensAt = signUpOpensAt ?? now.AddHours(-1),
            signUpClosesAt = signUpClosesAt ?? start,
            capacity,
            waitingList,
            visibility,
            audience = new { unitIds = audienceUnits ?? [unitId], memberIds = audienceMembers ?? [] },
        };
    }

    /// <summary>
    /// The sign-up scene most sign-up tests start from: one branch with <paramref name="members"/> plain members, an
    /// activity its secretary created now with <paramref name="capacity"/> places (and a waiting list when asked), and
    /// every plain member signed in, in roster order.
    /// </summary>
    public static async Task<SignUpScene> OpenSignUpsAsync(AppFactory factory, int members, int capacity, bool waitingList = false)
    {
        var (org, secretary) = await factory.SeedSignedInAsync(branches: 1, members: members);
        var id = await CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity, waitingList);
        return new SignUpScene(org, secretary, id, await SignInAllAsync(factory, org.A.Members));
    }

    public static Task<HttpResponseMessage> SignUpAsync(HttpClient member, int activityId) =>
        member.PostAsync($"/api/activities/{activityId}/enrollment", null);

    /// <summary>Signs every member in, in parallel.</summary>
    public static async Task<HttpClient[]> SignInAllAsync(AppFactory factory, IEnumerable<SeededMember> members) =>
        await Task.WhenAll(members.Select(m => factory.SignInAsync(m)));

    /// <summary>Signs each member in and signs them up for the activity, one after another (places and waiting list in that order).</summary>
    public static async Task<HttpClient[]> SignUpAllAsync(AppFactory factory, IEnumerable<SeededMember> members, int activityId)
    {
        var clients = await SignInAllAsync(factory, members);
        foreach (var client in clients)
        {
            await SignUpAsync(client, activityId);
        }

        return clients;
    }

    public static async Task<JsonElement> AttendanceAsync(HttpClient organiser, int activityId)
    {
        var response = await organiser.GetAsync($"/api/activities/{activityId}/attendance");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    /// <summary>Member ids on the waiting list, in position order, checking that positions are exactly 1..N.</summary>
    public static int[] WaitingList(JsonElement attendance)
    {
        var waiting = attendance.GetProperty("attendees").EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() == "Waitlisted")
            .ToList();
        Assert.That(waiting.Select(a => a.GetProperty("waitlistPosition").GetInt32()), Is.EqualTo(Enumerable.Range(1, waiting.Count)));
        return waiting.Select(a => a.GetProperty("memberId").GetInt32()).ToArray();
    }
}

/// <summary>What <see cref="ActivityApi.OpenSignUpsAsync"/> set up: the organisation, its signed-in secretary, the activity and the signed-in members.</summary>
internal sealed record SignUpScene(SeededOrg Org, HttpClient Secretary, int ActivityId, HttpClient[] Members);
