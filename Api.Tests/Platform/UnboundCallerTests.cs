using System.Text;
using System.Text.Json.Nodes;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// A WeChat user who signed in but is bound to no roster entry (<c>needsBinding: true</c>, the first state of every new
/// user) calls every operation that needs a sign-in: each answer is one the operation documents, and an error is
/// ProblemDetails. Routes behind the Member policy answer such a caller 403 (SessionAuthentication), so the
/// document must list 403 for them (ApiDocument's pipeline responses); MalformedInputTests calls only as bound members.
/// </summary>
public sealed class UnboundCallerTests : FunctionalTest
{
    /// <summary>Calls that end the caller's own session; the others would then answer 401 to a signed-out caller.</summary>
    private static readonly HashSet<string> EndsSession = ["/api/auth/logout", "/api/console-login/sign-out"];

    [Test]
    public async Task AnswersAnUnboundWeChatUserOnlyWithDocumentedStatuses()
    {
        var unbound = await App.SignInUnboundAsync();
        var document = JsonNode.Parse(await unbound.GetStringAsync("/swagger/v1/swagger.json"))!;

        var failures = new List<string>();
        var refused = 0;
        foreach (var (template, pathItem) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in pathItem!.AsObject())
            {
                if (node is not JsonObject operation || operation["security"] is not JsonArray { Count: > 0 } || EndsSession.Contains(template))
                {
                    continue;
                }

                var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{(?<name>[^}]+)\}", m => m.Groups["name"].Value switch
                {
                    "type" => "BranchGeneralMeeting",
                    "year" => "2026",
                    _ => "1",
                });
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
                if (operation["requestBody"] is not null)
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await unbound.SendAsync(request);
                var status = (int)response.StatusCode;
                var documented = operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
                refused += status == 403 ? 1 : 0;
                if (!documented.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    failures.Add($"{method.ToUpperInvariant()} {template}: {status}, documents {string.Join(",", documented)}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method.ToUpperInvariant()} {template}: {status} as {response.Content.Headers.ContentType?.MediaType}");
                }
            }
        }

        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(refused, Is.GreaterThan(30), "the Member policy refused the unbound caller on the member routes");

        // The refusal tells the user what to do, in Chinese.
        var refusal = await (await unbound.GetAsync("/api/meetings")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(refusal.GetProperty("detail").GetString(), Does.Contain("尚未绑定党员信息"));
    }
}
