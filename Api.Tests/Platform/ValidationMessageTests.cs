using System.Text.Json;
using FluentValidation;
using SmartBranch.Api.Common.Validation;
using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Default FluentValidation messages (rules without <c>WithMessage</c>) name the property in Chinese
/// (<see cref="DisplayNames"/>), never as its C# name ("'out Trade No' 不能为空。").
/// </summary>
public sealed class ValidationMessageTests() : SeededTest(branches: 1, members: 1)
{
    private HttpClient _secretary = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => _secretary = await App.SignInAsync(Org.A.Secretary);

    private static void AssertChineseOnly(JsonElement problem, string key)
    {
        var messages = problem.GetProperty("errors").GetProperty(key).EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.That(messages, Is.Not.Empty);
        Assert.That(messages.Where(m => m.Any(char.IsAsciiLetter)), Is.Empty);
    }

    [Test]
    public async Task Returns400InChinese_WhenDuesExcuseReasonIsTooLong()
    {
        var response = await _secretary.PutAsJsonAsync(
            $"/api/dues/members/{Org.A.Members[0].Id}/account", new { excuseReason = new string('因', DuesAccount.ReasonMaxLength + 1) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);

        AssertChineseOnly(problem, "excuseReason");
        Assert.That(problem.GetProperty("errors").GetProperty("excuseReason")[0].GetString(), Does.Contain("免缴理由"));
    }

    [Test]
    public async Task Returns400InChinese_WhenReconciliationOutTradeNoIsMissing()
    {
        var response = await _secretary.PostAsJsonAsync($"/api/dues/branches/{Org.A.Id}/reconciliation/resolve", new { outTradeNo = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);

        AssertChineseOnly(problem, "outTradeNo");
        Assert.That(problem.GetProperty("errors").GetProperty("outTradeNo")[0].GetString(), Does.Contain("商户订单号"));
    }

    [Test]
    public async Task Returns400InChinese_WhenQueryValuesAreMissingOrOutOfRange()
    {
        var inbox = await (await _secretary.GetAsync("/api/inbox?limit=500")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var reminders = await (await _secretary.GetAsync("/api/reminders?subjectType=meeting&subjectId=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var polls = await (await _secretary.GetAsync("/api/polls")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            AssertChineseOnly(inbox, "limit");
            AssertChineseOnly(reminders, "subjectId");
            AssertChineseOnly(polls, "targetKind");
            AssertChineseOnly(polls, "targetId");
        });
    }

    [Test]
    public async Task Returns400InPlainWords_WhenAListIsAskedForWithAnUnknownFilter()
    {
        string[] urls = ["/api/meetings?scope=soon", "/api/activities?scope=all", "/api/stories?status=done", $"/api/audit?unitId={Org.A.Id}&limit=0"];
        var details = new List<string>();
        foreach (var url in urls)
        {
            var problem = await (await _secretary.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
            details.Add($"{url}: {problem.GetProperty("detail").GetString()}");
        }

        Assert.That(details.Where(d => d[(d.IndexOf(": ", StringComparison.Ordinal) + 2)..].Any(char.IsAsciiLetter)), Is.Empty, "no field names or English values in what the user reads");
    }

    /// <summary>
    /// Every validator in the API: each rule component whose message names the property (<c>{PropertyName}</c>,
    /// i.e. a default message) must get a display name without Latin letters. Inline <c>ChildRules</c> validators
    /// are built per rule and not reached by this walk.
    /// </summary>
    [Test]
    public void EveryDefaultMessage_NamesThePropertyInChinese()
    {
        using var scope = App.Services.CreateScope();
        var validatorTypes = typeof(RequestValidators).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
            .ToArray();
        Assert.That(validatorTypes, Has.Length.GreaterThan(50));

        var english = new List<string>();
        foreach (var type in validatorTypes)
        {
            var validator = (IValidator)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            foreach (var rule in validator.CreateDescriptor().Rules)
            {
                var display = rule.GetDisplayName(null!);
                var namesProperty = rule.Components.Any(c => c.GetUnformattedErrorMessage()?.Contains("{PropertyName}", StringComparison.Ordinal) == true);
                if (namesProperty && display.Any(char.IsAsciiLetter))
                {
                    english.Add($"{type.FullName}.{rule.PropertyName}: '{display}'");
                }
            }
        }

        Assert.That(english, Is.Empty, "Add these properties to Api/Common/Validation/DisplayNames.cs:\n" + string.Join("\n", english));
    }
}
