namespace SmartBranch.Api.Common.Validation;

/// <summary>Runs the FluentValidation validator of <typeparamref name="T"/> on the request argument; 400 with camelCase keys on failure.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
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

public static class ValidationExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> argument of the endpoint before the handler runs.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>FluentValidation in Chinese with camelCase property names, matching the JSON.</summary>
    public static IServiceCollection AddRequestValidation(this IServiceCollection services)
    {
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("zh-CN");
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddValidatorsFromAssemblyContaining<ValidationFilter<object>>(includeInternalTypes: true);
        return services;
    }
}
