namespace SmartBranch.Api.Common.Validation;

/// <summary>Runs the FluentValidation validator of <typeparamref name="T"/> on the request argument; 400 with camelCase keys on failure.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (ArgumentRules.Check(context) is { } refused)
        {
            return refused;
        }

        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return TypedResults.Problem("请求内容不能为空。", statusCode: StatusCodes.Status400BadRequest, title: "请求有误");
        }

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        var errors = result.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return TypedResults.ValidationProblem(errors, detail: "请求内容未通过校验，请根据提示修改。", title: "请求有误");
    }
}

/// <summary>
/// Rules for the values bound from the route and the query string, which do not go through the JSON
/// converters of <see cref="StrictJson"/>: an enum value the enum does not define, or a date outside
/// <see cref="DateWindow"/>, is refused the same way.
/// </summary>
internal static class ArgumentRules
{
    public static ValidationProblem? Check(EndpointFilterInvocationContext context)
    {
        var arguments = context.Arguments;
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters();
        Dictionary<string, string[]>? errors = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var message = arguments[i] switch
            {
                Enum value when !Enum.IsDefined(value.GetType(), value) => $"取值无效，可选值为：{string.Join("、", Enum.GetNames(value.GetType()))}。",
                var value when DateWindow.IsOutside(value) => DateWindow.Message,
                _ => null,
            };
            if (message is not null)
            {
                errors ??= [];
                errors[parameters is not null && i < parameters.Length ? parameters[i].Name ?? $"argument{i}" : $"argument{i}"] = [message];
            }
        }

        return errors is null ? null : TypedResults.ValidationProblem(errors, detail: "请求内容未通过校验，请根据提示修改。", title: "请求有误");
    }
}

/// <summary>Applies <see cref="ArgumentRules"/> on an endpoint that has no request body validator.</summary>
internal sealed class ArgumentRulesFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        ArgumentRules.Check(context) is { } refused ? refused : await next(context);
}

public static class ValidationExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> argument of the endpoint before the handler runs.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>Refuses undefined enum values and out-of-window dates among the route and query values of the endpoint.</summary>
    public static TBuilder WithArgumentRules<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ArgumentRulesFilter>();

    /// <summary>FluentValidation in Chinese with camelCase property names, matching the JSON.</summary>
    public static IServiceCollection AddRequestValidation(this IServiceCollection services)
    {
        // A rule stops at its first failure: a null title fails NotEmpty and never reaches the length check
        // that would dereference it. Every property is still checked, so the user sees every mistake at once.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("zh-CN");
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddValidatorsFromAssemblyContaining<ValidationFilter<object>>(includeInternalTypes: true);
        return services;
    }
}
