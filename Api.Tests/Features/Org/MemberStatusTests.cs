using System.Text.Json;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>Status events over a Party life, invitations listed and revoked, binding by the phone WeChat verified.</summary>
public sealed class MemberStatusTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task ArchivesMemberOutOfAudiencesAndQuorum_WhenMembershipIsStopped()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 3, probationary: 1);
        var probationary = org.A.Members[2];
        var stopped = org.A.Members[0];

        var full = await secretary.PostAsJsonAsync($"/api/members/{probationary.Id}/status", new { change = "BecameFull", reason = "支部大会讨论通过" });
        var twice = await secretary.PostAsJsonAsync($"/api/members/{probationary.Id}/status", new { change = "BecameFull", reason = "重复" });
        var archive = await secretary.PostAsJsonAsync($"/api/members/{stopped.Id}/status", new { change = "MembershipStopped", reason = "长期失联" });
        var meeting = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, Now.AddDays(1));
        var attendance = await (await secretary.GetAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}/attendance")).ReadAsync<JsonElement>();
        var roster = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/members")).ReadAsync<JsonElement>();
        var archived = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/members?archived=true")).ReadAsync<JsonElement>();
        var events = await (await secretary.GetAsync($"/api/members/{probationary.Id}/status")).ReadAsync<JsonElement>();
        var signIn = await App.CreateClient().PostAsJsonAsync("/api/auth/wechat-login", new { code = stopped.DevCode });
        var login = await signIn.ReadAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.Created), await full.Content.ReadAsStringAsync());
            await twice.AssertProblemAsync(HttpStatusCode.BadRequest, "member.not_probationary");
            Assert.That(archive.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(attendance.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("memberId").GetInt32()), Does.Not.Contain(stopped.Id));
            Assert.That(attendance.GetProperty("attendees").EnumerateArray().Single(a => a.GetProperty("memberId").GetInt32() == probationary.Id).GetProperty("hasVote").GetBoolean(), Is.True,
                "after 转正 the member votes");
            Assert.That(roster.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()), Does.Not.Contain(stopped.Id));
            Assert.That(archived.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()), Is.EqualTo(new[] { stopped.Id }));
            Assert.That(events.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("change").GetString(), e.GetProperty("occurredOn").GetString(), e.GetProperty("recordedBy").GetString())),
                Is.EqualTo(new[] { ("BecameFull", "2026-03-02", org.A.Secretary.Name) }));
            Assert.That(login.GetProperty("needsBinding").GetBoolean(), Is.True, "an archived member's account is detached");
        });
    }

    [Test]
    public async Task BindsNobody_WhenInvitationWasRevoked()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var entry = await App.AddMemberAsync(org.A.Id);
        var invitation = await (await secretary.PostAsJsonAsync($"/api/org/units/{org.A.Id}/invitations", new { singleUse = false })).ReadAsync<JsonElement>();
        var invitationId = invitation.GetProperty("id").GetInt32();

        var revoke = await secretary.PostAsync($"/api/invitations/{invitationId}/revoke", null);
        var list = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/invitations")).ReadAsync<JsonElement>();
        var bind = await (await App.SignInUnboundAsync()).BindAsync(invitation.GetProperty("scene").GetString(), entry);

        Assert.Multiple(async () =>
        {
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == invitationId).GetProperty("state").GetString(), Is.EqualTo("Revoked"));
            await bind.AssertProblemAsync(HttpStatusCode.BadRequest, "invitation.revoked");
            Assert.That(await App.WithDbAsync(db => db.Members.Where(m => m.Id == entry.Id).Select(m => m.OpenId).SingleAsync()), Is.Null);
        });
    }

    [TestCase("phone")]
    [TestCase("phonestr")]
    public async Task BindsByVerifiedPhone_WhenItMatchesOneUnboundEntry(string countryCodeForm)
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var entry = await App.AddMemberAsync(org.A.Id);
        var user = await App.SignInAsync($"dev-phone-{Guid.NewGuid():N}");

        var code = countryCodeForm == "phone" ? WeChatEmulator.PhoneCodeFor(entry.Phone) : $"phonestr-86-{entry.Phone}";
        var bind = await user.PostAsJsonAsync("/api/members/bind-phone", new { code });
        var reused = await (await App.SignInUnboundAsync()).PostAsJsonAsync("/api/members/bind-phone", new { code });

        Assert.That(bind.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bind.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That((await bind.ReadAsync<JsonElement>()).GetProperty("member").GetProperty("id").GetInt32(), Is.EqualTo(entry.Id));
            Assert.That(App.Emulator.Calls.Any(c => c.Api == "wxa/business/getuserphonenumber" && c.ErrCode == 0), Is.True);
            Assert.That((await reused.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("title").GetString(), Is.EqualTo("授权已失效"));
        });
    }

    [Test]
    public async Task Returns400AndBindsNobody_WhenPhoneMatchesNoEntryOrIsForeign()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var entry = await App.AddMemberAsync(org.A.Id);
        var user = await App.SignInUnboundAsync();

        var nobody = await user.PostAsJsonAsync("/api/members/bind-phone", new { code = WeChatEmulator.PhoneCodeFor("13600000000") });
        var foreign = await user.PostAsJsonAsync("/api/members/bind-phone", new { code = WeChatEmulator.PhoneCodeFor(entry.Phone, "852") });

        Assert.Multiple(async () =>
        {
            Assert.That((await nobody.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), Does.Contain("邀请码"));
            await foreign.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(await App.WithDbAsync(db => db.Members.Where(m => m.Id == entry.Id).Select(m => m.OpenId).SingleAsync()), Is.Null);
        });
    }
}

/// <summary>转正 on a general meeting's resolution, and a probation extended.</summary>
public sealed class ProbationTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task LinksResolutionAndExtendsProbation_WhenRecorded()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 2, probationary: 2);
        var resolutionA = await AddResolutionAsync(org.A.Id, org.A.Secretary, [org.A.Secretary, org.Admin]);
        var resolutionB = await AddResolutionAsync(org.B.Id, org.B.Secretary, [org.B.Secretary]);

        var foreign = await secretary.PostAsJsonAsync($"/api/members/{org.A.Members[0].Id}/status", new { change = "BecameFull", reason = "支部大会决议", resolutionId = resolutionB });
        var full = await secretary.PostAsJsonAsync($"/api/members/{org.A.Members[0].Id}/status", new { change = "BecameFull", reason = "支部大会决议", resolutionId = resolutionA });
        var noDate = await secretary.PostAsJsonAsync($"/api/members/{org.A.Members[1].Id}/status", new { change = "ProbationExtended", reason = "延长一年" });
        var extended = await secretary.PostAsJsonAsync($"/api/members/{org.A.Members[1].Id}/status", new { change = "ProbationExtended", reason = "延长一年", extendedTo = "2027-03-01" });
        var stored = await App.WithDbAsync(db => db.Members.Where(m => m.Id == org.A.Members[0].Id || m.Id == org.A.Members[1].Id)
            .OrderBy(m => m.Id).Select(m => new { m.Status, m.FullSince, m.ProbationExtendedTo }).ToListAsync());

        Assert.Multiple(async () =>
        {
            await foreign.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((await full.ReadAsync<JsonElement>()).GetProperty("resolutionId").GetInt32(), Is.EqualTo(resolutionA));
            await noDate.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(extended.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(stored[0].Status.ToString(), Is.EqualTo("Full"));
            Assert.That(stored[0].FullSince, Is.EqualTo(new DateOnly(2026, 3, 2)));
            Assert.That(stored[1].Status.ToString(), Is.EqualTo("Probationary"));
            Assert.That(stored[1].ProbationExtendedTo, Is.EqualTo(new DateOnly(2027, 3, 1)));
        });
    }

    /// <summary>A general meeting of the branch with its full members checked in and a resolution recorded, over HTTP.</summary>
    private async Task<int> AddResolutionAsync(int branchId, SeededMember secretary, SeededMember[] voters)
    {
        var client = await App.SignInAsync(secretary);
        var meeting = await MeetingApi.ScheduleAsync(client, "BranchGeneralMeeting", branchId, Now.AddMinutes(5));
        App.Time!.Advance(TimeSpan.FromMinutes(5));
        var id = meeting.GetProperty("id").GetInt32();
        await MeetingApi.CheckInByHandAsync(client, id, voters);
        var response = await client.PostAsJsonAsync($"/api/meetings/{id}/resolutions", new { title = "同意按期转正", yes = voters.Length, no = 0, abstain = 0 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
