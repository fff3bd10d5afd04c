using System.Text.Json;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>
/// Every endpoint of the organisation area × the seven kinds of caller, each cell checked over HTTP.
/// Targets live in branch A; every cell gets fresh targets, so a cell that changes data cannot affect another.
/// </summary>
public sealed class OrgAuthorizationMatrixTests() : SeededTest(branches: 2, members: 1)
{
    public enum Caller
    {
        Anonymous,
        Unbound,
        MemberOfBranch,
        MemberOfOtherBranch,
        SecretaryOfBranch,
        SecretaryOfOtherBranch,
        Admin,
    }

    /// <summary>A request builder and the expected status per caller, in <see cref="Caller"/> order.</summary>
    private sealed record Endpoint(string Name, string Expected, Func<OrgAuthorizationMatrixTests, Task<HttpRequestMessage>> Build);

    private static readonly Endpoint[] Endpoints =
    [
        new("GET /api/org/units", "401 403 200 200 200 200 200", _ => Get("/api/org/units")),
        new("GET /api/org/units/{id}", "401 403 200 404 200 404 200", t => Get($"/api/org/units/{t.A.Id}")),
        new("GET /api/org/units/{id}/members", "401 403 200 404 200 404 200", t => Get($"/api/org/units/{t.A.Id}/members")),
        new("POST /api/org/units/{id}/members", "401 403 403 404 201 404 201", t => Json(HttpMethod.Post, $"/api/org/units/{t.A.Id}/members", new
        {
            name = "测试新人",
            number = $"M{Guid.NewGuid():N}"[..20],
            phone = "13700001111",
            status = "Full",
        })),
        new("PUT /api/members/{id}", "401 403 403 404 200 404 200", async t =>
        {
            var member = await t.App.AddMemberAsync(t.A.Id);
            return await Json(HttpMethod.Put, $"/api/members/{member.Id}", new { name = member.Name, number = member.Number, phone = "13700002222", status = "Probationary", admittedOn = "2025-06-01" });
        }),
        new("POST /api/members/{id}/unbind", "401 403 403 404 204 404 204", async t =>
        {
            var member = await t.App.AddMemberAsync(t.A.Id, bound: true);
            return new HttpRequestMessage(HttpMethod.Post, $"/api/members/{member.Id}/unbind");
        }),
        new("POST /api/org/units/{id}/appointments", "401 403 403 404 201 404 201", async t =>
        {
            var member = await t.App.AddMemberAsync(t.A.Id);
            return await Json(HttpMethod.Post, $"/api/org/units/{t.A.Id}/appointments", new { memberId = member.Id, role = "PublicityCommissioner" });
        }),
        new("DELETE /api/appointments/{id}", "401 403 403 404 204 404 204", async t =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/appointments/{await t.App.AddAppointmentAsync(t.A.Id)}")),
        new("POST /api/org/units/{id}/invitations", "401 403 403 404 201 404 201", t => Json(HttpMethod.Post, $"/api/org/units/{t.A.Id}/invitations", new { singleUse = true })),
        new("GET /api/invitations/{id}/qrcode", "401 403 404 404 200 404 200", async t =>
        {
            var (id, _) = await t.App.AddInvitationAsync(t.A.Id, t.A.Secretary.Id);
            return new HttpRequestMessage(HttpMethod.Get, $"/api/invitations/{id}/qrcode");
        }),
        new("POST /api/members/bind", "401 200 409 409 409 409 409", async t =>
        {
            var member = await t.App.AddMemberAsync(t.A.Id);
            var (_, scene) = await t.App.AddInvitationAsync(t.A.Id, t.A.Secretary.Id, singleUse: false);
            return await Json(HttpMethod.Post, "/api/members/bind", new { scene, name = member.Name, number = member.Number });
        }),
        new("POST /api/org/units/{id}/members/import", "401 403 403 404 200 404 200", t =>
        {
            var csv = OrgTestData.Csv([[$"导入{Guid.NewGuid():N}"[..12], $"I{Guid.NewGuid():N}"[..20], "13700003333", "正式", "", "", ""]]);
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/org/units/{t.A.Id}/members/import?dryRun=false")
            {
                Content = OrgTestData.Upload(csv, "roster.csv"),
            });
        }),
        new("GET /api/org/units/{id}/members/export", "401 403 403 404 200 404 200", t => Get($"/api/org/units/{t.A.Id}/members/export?format=csv")),
        new("GET /api/audit?unitId=", "401 403 403 404 200 404 200", t => Get($"/api/audit?unitId={t.A.Id}")),
        new("POST /api/org/units", "401 403 403 404 201 404 201", t => Json(HttpMethod.Post, "/api/org/units", new { name = $"小组{Guid.NewGuid():N}"[..14], kind = "PartyGroup", parentId = t.A.Id })),
        new("PUT /api/org/units/{id}", "401 403 404 404 200 404 200", async t =>
            await Json(HttpMethod.Put, $"/api/org/units/{await t.AddGroupAsync()}", new { name = $"改名{Guid.NewGuid():N}"[..14] })),
        new("POST /api/org/units/{id}/close", "401 403 404 404 200 404 200", async t =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/org/units/{await t.AddGroupAsync()}/close")),
        new("GET /api/org/units/{id}/away", "401 403 403 404 200 404 200", t => Get($"/api/org/units/{t.A.Id}/away")),
        new("GET /api/org/units/{id}/invitations", "401 403 403 404 200 404 200", t => Get($"/api/org/units/{t.A.Id}/invitations")),
        new("POST /api/invitations/{id}/revoke", "401 403 404 404 204 404 204", async t =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/invitations/{(await t.App.AddInvitationAsync(t.A.Id, t.A.Secretary.Id)).Id}/revoke")),
        new("POST /api/members/{id}/status", "401 403 403 404 201 404 201", async t =>
            await Json(HttpMethod.Post, $"/api/members/{(await t.App.AddMemberAsync(t.A.Id)).Id}/status", new { change = "Retired", reason = "到龄退休" })),
        new("GET /api/members/{id}/status", "401 403 404 404 200 404 200", async t => await Get($"/api/members/{(await t.App.AddMemberAsync(t.A.Id)).Id}/status")),
        new("PUT /api/members/{id}/group", "401 403 403 404 200 404 200", async t =>
            await Json(HttpMethod.Put, $"/api/members/{(await t.App.AddMemberAsync(t.A.Id)).Id}/group", new { partyGroupId = t.A.PartyGroupId })),
        new("POST /api/members/bind-phone", "401 200 409 409 409 409 409", async t =>
            await Json(HttpMethod.Post, "/api/members/bind-phone", new { code = WeChatEmulator.PhoneCodeFor((await t.App.AddMemberAsync(t.A.Id)).Phone) })),
        new("POST /api/transfers", "401 403 403 404 201 404 201", async t =>
            await Json(HttpMethod.Post, "/api/transfers", new { memberId = (await t.App.AddMemberAsync(t.A.Id)).Id, kind = "Inside", toBranchId = t.Org.B.Id })),
        new("GET /api/transfers", "401 403 200 200 200 200 200", _ => Get("/api/transfers")),
        new("GET /api/transfers/{id}", "401 403 404 404 200 200 200", async t => await Get($"/api/transfers/{await t.AddTransferAsync(TransferKind.Inside, TransferState.Requested)}")),
        new("POST /api/transfers/{id}/approve", "401 403 404 404 200 403 200", async t =>
            await Json(HttpMethod.Post, $"/api/transfers/{await t.AddTransferAsync(TransferKind.Inside, TransferState.Requested)}/approve", new { duesPaidUpTo = "2026-01" })),
        new("POST /api/transfers/{id}/return", "401 403 404 404 200 403 200", async t =>
            await Json(HttpMethod.Post, $"/api/transfers/{await t.AddTransferAsync(TransferKind.Inside, TransferState.Requested)}/return", new { reason = "材料不全" })),
        new("POST /api/transfers/{id}/accept", "401 403 404 404 403 200 200", async t =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/transfers/{await t.AddTransferAsync(TransferKind.Inside, TransferState.Approved)}/accept")),
        new("POST /api/transfers/{id}/letter", "401 403 404 404 200 404 200", async t =>
            await Json(HttpMethod.Post, $"/api/transfers/{await t.AddTransferAsync(TransferKind.Outgoing, TransferState.Approved)}/letter",
                new { sex = "Female", ethnicity = "回", birthDate = "1999-09-09", idNumber = Transfers.TransferTestData.IdNumber("64010419990909002") })),
        new("GET /api/transfers/{id}/letter.pdf", "401 403 404 404 200 404 200", async t => await Get($"/api/transfers/{await t.AddTransferAsync(TransferKind.Outgoing, TransferState.LetterIssued)}/letter.pdf")),
        new("POST /api/transfers/{id}/receipt", "401 403 404 404 200 404 200", async t =>
            await Json(HttpMethod.Post, $"/api/transfers/{await t.AddTransferAsync(TransferKind.Outgoing, TransferState.LetterIssued)}/receipt", new { note = "回执" })),
        new("POST /api/org/units/{id}/incoming", "401 403 403 404 201 404 201", t => Json(HttpMethod.Post, $"/api/org/units/{t.A.Id}/incoming", new
        {
            name = "转入者",
            number = $"IN{Guid.NewGuid():N}"[..20],
            status = "Full",
            letterNumber = "2026-001",
            fromOrganization = "中共外校委员会",
            issuedOn = "2026-01-05",
            duesPaidUpTo = "2025-12",
        })),
        new("POST /api/org/units/{id}/transfers/graduation", "401 403 403 404 200 404 200", async t =>
        {
            var member = await t.App.AddMemberAsync(t.A.Id);
            var csv = System.Text.Encoding.UTF8.GetBytes($"学工号,姓名,毕业去向,转入党组织\r\n{member.Number},{member.Name},就业,中共某公司委员会\r\n");
            return new HttpRequestMessage(HttpMethod.Post, $"/api/org/units/{t.A.Id}/transfers/graduation?dryRun=true") { Content = OrgTestData.Upload(csv, "graduates.csv") };
        }),
        new("GET /verify/letters/{code}", "200 200 200 200 200 200 200", async t =>
        {
            var id = await t.AddTransferAsync(TransferKind.Outgoing, TransferState.LetterIssued);
            var code = await t.App.WithDbAsync(db => db.Transfers.Where(x => x.Id == id).Select(x => x.VerificationCode).SingleAsync());
            return new HttpRequestMessage(HttpMethod.Get, $"/verify/letters/{code}");
        }),
    ];


    private SeededBranch A => Org.A;

    public static IEnumerable<TestCaseData> Cells() =>
        from endpoint in Endpoints
        from caller in Enum.GetValues<Caller>()
        let status = (HttpStatusCode)int.Parse(endpoint.Expected.Split(' ')[(int)caller], System.Globalization.CultureInfo.InvariantCulture)
        select new TestCaseData(endpoint.Name, caller, status).SetName($"{endpoint.Name} as {caller} returns {(int)status}");

    [TestCaseSource(nameof(Cells))]
    public async Task ReturnsExpectedStatus_WhenCallerCallsEndpoint(string endpoint, Caller caller, HttpStatusCode expected)
    {
        var client = await ClientAsync(caller);
        using var request = await Endpoints.Single(e => e.Name == endpoint).Build(this);

        var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        if ((int)expected >= 400)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        }
    }

    /// <summary>A fresh empty party group of branch A.</summary>
    private Task<int> AddGroupAsync() => App.WithDbAsync(async db =>
    {
        var branch = await db.Units.SingleAsync(u => u.Id == A.Id);
        var group = new OrganizationUnit($"组{Guid.NewGuid():N}"[..14], UnitKind.PartyGroup, branch);
        db.Units.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    });

    /// <summary>A fresh transfer of a new member of branch A (inside: to branch B), brought to <paramref name="state"/>.</summary>
    private async Task<int> AddTransferAsync(TransferKind kind, TransferState state)
    {
        var entry = await App.AddMemberAsync(A.Id);
        var ids = App.Services.GetRequiredService<SmartBranch.Api.Features.Transfers.IdNumbers>();
        return await App.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == entry.Id);
            var now = DateTimeOffset.UtcNow;
            var transfer = kind == TransferKind.Inside
                ? Transfer.RequestInside(member, Org.B.Id, null, member.Id, now)
                : Transfer.RequestOutgoing(member, "中共外单位委员会", null, member.Id, now);
            if (state != TransferState.Requested)
            {
                transfer.Approve(A.Secretary.Id, null, now);
            }

            db.Transfers.Add(transfer);
            await db.SaveChangesAsync();
            if (state == TransferState.LetterIssued)
            {
                var today = DateOnly.FromDateTime(now.UtcDateTime);
                transfer.IssueLetter(new LetterDetails(Sex.Male, "汉", new DateOnly(1998, 1, 1), ids.Protect(Transfers.TransferTestData.IdNumber("11010519980101001"))), member.Status,
                    $"T-{transfer.Id}", $"{Guid.NewGuid():N}"[..Transfer.CodeLength].ToUpperInvariant(), today, 30);
                await db.SaveChangesAsync();
            }

            return transfer.Id;
        });
    }

    private Task<HttpClient> ClientAsync(Caller caller) => caller switch
    {
        Caller.Anonymous => Task.FromResult(App.CreateClient()),
        Caller.Unbound => App.SignInUnboundAsync(),
        Caller.MemberOfBranch => App.SignInAsync(Org.A.Members[0]),
        Caller.MemberOfOtherBranch => App.SignInAsync(Org.B.Members[0]),
        Caller.SecretaryOfBranch => App.SignInAsync(Org.A.Secretary),
        Caller.SecretaryOfOtherBranch => App.SignInAsync(Org.B.Secretary),
        _ => App.SignInAsync(Org.Admin),
    };

    private static Task<HttpRequestMessage> Get(string uri) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, uri));

    private static Task<HttpRequestMessage> Json(HttpMethod method, string uri, object body) =>
        Task.FromResult(new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) });
}
