using System.Text;
using System.Text.Json;
using SmartBranch.Api.Common.Privacy;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>A roster entry made for one test; <see cref="DevCode"/> signs in as it when it is bound.</summary>
public sealed record RosterEntry(int Id, string Name, string Number, string Phone, string DevCode);

/// <summary>
/// Extra data the organisation tests seed straight into the database (unique per call), and appointments made over
/// HTTP the way the committee makes them.
/// </summary>
internal static class OrgTestData
{
    /// <summary>A roster entry in the branch with a phone (stored encrypted, like the API stores it); bound when asked.</summary>
    public static Task<RosterEntry> AddMemberAsync(this AppFactory factory, int branchId, int? partyGroupId = null, bool bound = false) =>
        factory.WithDbAsync(async db =>
        {
            var tag = Guid.NewGuid().ToString("N")[..10];
            var name = $"新人{tag}";
            var phone = $"137{Random.Shared.Next(10_000_000, 99_999_999)}";
            var member = new Member(name, $"R{tag}", branchId, MembershipStatus.Full);
            member.UpdateDetails(name, member.Number, factory.Services.GetRequiredService<PhoneNumbers>().Protect(phone));
            member.PlaceIn(branchId, partyGroupId);
            if (bound)
            {
                member.BindTo(WeChatEmulator.OpenIdFor(name), DateTimeOffset.UtcNow);
            }

            db.Members.Add(member);
            await db.SaveChangesAsync();
            return new RosterEntry(member.Id, name, member.Number, phone, $"dev-{name}");
        });

    /// <summary>An appointment of a new member of the branch as 宣传委员 (a role several may hold), active today.</summary>
    public static async Task<int> AddAppointmentAsync(this AppFactory factory, int branchId)
    {
        var member = await factory.AddMemberAsync(branchId);
        return await factory.AppointAsync(member.Id, branchId, CommitteeRole.PublicityCommissioner, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1));
    }

    /// <summary>
    /// POST /api/org/units/{unitId}/appointments as <paramref name="appointer"/>: the member to <paramref name="role"/>
    /// (the API's role name) from <paramref name="startsOn"/> until <paramref name="endsOn"/>; a date not given is left out
    /// of the body, so the API's default applies.
    /// </summary>
    public static Task<HttpResponseMessage> PostAppointmentAsync(this HttpClient appointer, int unitId, int memberId, string role, DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var body = new Dictionary<string, object> { ["memberId"] = memberId, ["role"] = role };
        if (startsOn is { } starts)
        {
            body["startsOn"] = starts;
        }

        if (endsOn is { } ends)
        {
            body["endsOn"] = ends;
        }

        return appointer.PostAsJsonAsync($"/api/org/units/{unitId}/appointments", body);
    }

    /// <summary><see cref="PostAppointmentAsync"/>, which must answer 201 Created; returns the appointment's id.</summary>
    public static async Task<int> AppointOverHttpAsync(this HttpClient appointer, int unitId, int memberId, string role, DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var response = await appointer.PostAppointmentAsync(unitId, memberId, role, startsOn, endsOn);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>POST /api/members/bind as a signed-in WeChat user: claims the roster entry named by <paramref name="name"/> and <paramref name="number"/> through the invitation's scene.</summary>
    public static Task<HttpResponseMessage> BindAsync(this HttpClient user, string? scene, string name, string number) =>
        user.PostAsJsonAsync("/api/members/bind", new { scene, name, number });

    /// <summary><see cref="BindAsync(HttpClient, string?, string, string)"/> with the entry's own name and number.</summary>
    public static Task<HttpResponseMessage> BindAsync(this HttpClient user, string? scene, RosterEntry entry) => user.BindAsync(scene, entry.Name, entry.Number);

    /// <summary>An invitation of the branch valid for a day.</summary>
    public static Task<(int Id, string Scene)> AddInvitationAsync(this AppFactory factory, int branchId, int createdBy, bool singleUse = true) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Time?.GetUtcNow() ?? DateTimeOffset.UtcNow;
            var invitation = new Invitation(branchId, Guid.NewGuid().ToString("N")[..Invitation.CodeLength], singleUse, now.AddDays(1), createdBy, now);
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return (invitation.Id, invitation.Scene);
        });

    /// <summary>A multipart form with the file under "file", as the mini-program and browsers upload it.</summary>
    public static MultipartFormDataContent Upload(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>A CSV roster with the import headers.</summary>
    public static byte[] Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder("姓名,学工号,手机号,党员状态,党小组,入党日期,转正日期\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The name of the branch's party group, as the import expects it.</summary>
    public static Task<string> GroupNameAsync(this AppFactory factory, int groupId) =>
        factory.WithDbAsync(db => db.Units.Where(u => u.Id == groupId).Select(u => u.Name).SingleAsync());
}
