using System.Text.Json;
using FluentValidation;
using SmartBranch.Api.Common.Validation;
using SmartBranch.Api.Features.Auth;

namespace SmartBranch.Api.Tests.Features.Auth;

/// <summary>The login's validator is built once for the process and still refuses bad input on every request.</summary>
public sealed class LoginValidationTests() : FunctionalTest
{
    [Test]
    public async Task RefusesAnEmptyAndATooLongCode_With400ChineseProblem_OnRequestAfterRequest()
    {
        var client = App.CreateClient();

        foreach (var code in new[] { "", new string('x', 129), "", new string('y', 500) })
        {
            var response = await client.PostAsJsonAsync("/api/auth/wechat-login", new { code });

            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Multiple(() =>
            {
                Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("请求有误"));
                Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("请求内容未通过校验，请根据提示修改。"));
                var message = problem.GetProperty("errors").GetProperty("code")[0].GetString()!;
                Assert.That(message, Does.Match("\\p{IsCJKUnifiedIdeographs}"), message);
            });
        }

        Assert.That(App.Emulator.CallCount("sns/jscode2session"), Is.Zero, "refused before WeChat is asked");
    }

    [Test]
    public async Task RefusesAMissingBody_With400ChineseProblem()
    {
        var response = await App.CreateClient().PostAsync("/api/auth/wechat-login", new StringContent("null", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("请求有误"));
    }

    [Test]
    public async Task EveryValidatorWithoutAScopedDependency_IsOneInstanceForTheProcess()
    {
        await using var first = App.Services.CreateAsyncScope();
        await using var second = App.Services.CreateAsyncScope();
        var validatorTypes = typeof(WeChatLogin).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            .ToList();

        Assert.That(validatorTypes, Has.Count.GreaterThan(50));
        Assert.Multiple(() =>
        {
            foreach (var type in validatorTypes)
            {
                var service = type.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>));
                var shouldBeShared = !RequestValidators.NeedsScope(type);
                var same = ReferenceEquals(first.ServiceProvider.GetRequiredService(service), second.ServiceProvider.GetRequiredService(service));
                Assert.That(same, Is.EqualTo(shouldBeShared), $"{type.FullName}: shared across requests should be {shouldBeShared}");
            }
        });
    }

    [Test]
    public void AValidatorThatTakesAScopedService_IsMadePerRequest()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RequestValidators.NeedsScope(typeof(WeChatLogin.Validator)), Is.False);
            Assert.That(RequestValidators.NeedsScope(typeof(OptionsOnlyValidator)), Is.False);
            Assert.That(RequestValidators.NeedsScope(typeof(DatabaseValidator)), Is.True);
        });
    }

    private sealed class OptionsOnlyValidator : AbstractValidator<WeChatLogin.Request>
    {
        public OptionsOnlyValidator(Microsoft.Extensions.Options.IOptions<JsonSerializerOptions> options) => RuleFor(r => r.Code).MaximumLength(options.Value.MaxDepth + 1);
    }

    private sealed class DatabaseValidator : AbstractValidator<WeChatLogin.Request>
    {
        public DatabaseValidator(AppDbContext db) => RuleFor(r => r.Code).Must(code => db.Members.Any(m => m.OpenId == code));
    }
}
