using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Org;

/// <summary>
/// Every endpoint of the organisation area × the seven kinds of caller, each cell checked over HTTP.
/// Targets live in branch A; every cell gets fresh targets, so a cell that changes data cannot affect another.
/// </summary>
public sealed class OrgAuthorizationMatrixTests : FunctionalTest
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
    ];

    private SeededOrg _org = null!;

    private SeededBranch A => _org.A;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _org = await App.SeedAsync(branches: 2, members: 1);
    }

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

    private Task<HttpClient> ClientAsync(Caller caller) => caller switch
    {
        Caller.Anonymous => Task.FromResult(App.CreateClient()),
        Caller.Unbound => App.SignInUnboundAsync(),
        Caller.MemberOfBranch => App.SignInAsync(_org.A.Members[0]),
        Caller.MemberOfOtherBranch => App.SignInAsync(_org.B.Members[0]),
        Caller.SecretaryOfBranch => App.SignInAsync(_org.A.Secretary),
        Caller.SecretaryOfOtherBranch => App.SignInAsync(_org.B.Secretary),
        _ => App.SignInAsync(_org.Admin),
    };

    private static Task<HttpRequestMessage> Get(string uri) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, uri));

    private static Task<HttpRequestMessage> Json(HttpMethod method, string uri, object body) =>
        Task.FromResult(new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) });
}
