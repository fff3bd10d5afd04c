namespace SmartBranch.Api.Common.Validation;

/// <summary>Runs the FluentValidation validator of <typeparamref name="T"/> on the request argument; 400 with camelCase keys on failure.</summary>
/// <remarks>
/// Built once per endpoint (<see cref="ValidationExtensions.WithValidation{T}"/>), not per request: which argument is
/// the request and the handler's parameter names are looked up when the endpoint is built, and a singleton
/// validator (every validator without a scoped dependency, see <see cref="RequestValidators"/>) is resolved then.
/// </remarks>
internal static class ValidationFilter<T>
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters();
        var index = Array.FindIndex(parameters, p => typeof(T).IsAssignableFrom(p.ParameterType));
        var services = context.ApplicationServices;
        if (services.GetRequiredService<RequestValidators>().IsScoped(typeof(T)))
        {
            return invocation => InvokeAsync(invocation.HttpContext.RequestServices.GetRequiredService<IValidator<T>>(), invocation, next, parameters, index);
        }

        var validator = services.GetRequiredService<IValidator<T>>();
        return invocation => InvokeAsync(validator, invocation, next, parameters, index);
    }

    private static async ValueTask<object?> InvokeAsync(IValidator<T> validator, EndpointFilterInvocationContext context, EndpointFilterDelegate next, System.Reflection.ParameterInfo[] parameters, int index)
    {
        if (ArgumentRules.Check(context, parameters) is { } refused)
        {
            return refused;
        }

        // The request is the argument at the handler's parameter of type T (the first argument that is a T otherwise).
        var argument = index >= 0 && index < context.Arguments.Count && context.Arguments[index] is T atIndex
            ? atIndex
            : context.Arguments.OfType<T>().FirstOrDefault();
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
/// Which validators are registered per request (scoped) rather than once (singleton). A validator is a singleton
/// unless its constructor takes something other than <see cref="IOptions{TOptions}"/>: FluentValidation's rules are
/// immutable once built and safe to share between threads, so only a dependency (a DbContext, the current member,
/// anything scoped or unknown) makes a validator per request worth its cost.
/// </summary>
internal sealed class RequestValidators(IReadOnlySet<Type> scopedRequestTypes)
{
    /// <summary>True when the validator of <paramref name="requestType"/> is made per request.</summary>
    public bool IsScoped(Type requestType) => scopedRequestTypes.Contains(requestType);

    /// <summary>True when <paramref name="validatorType"/> must be made per request (see the class comment).</summary>
    public static bool NeedsScope(Type validatorType) => validatorType.GetConstructors()
        .Any(c => c.GetParameters().Any(p => !(p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IOptions<>))));
}

/// <summary>
/// Rules for the values bound from the route and the query string, which do not go through the JSON
/// converters of <see cref="StrictJson"/>: an enum value the enum does not define, or a date outside
/// <see cref="DateWindow"/>, is refused the same way.
/// </summary>
internal static class ArgumentRules
{
    /// <param name="context">The invocation: its arguments, and the endpoint.</param>
    /// <param name="parameters">The handler's parameters, for the names in the answer; looked up from the endpoint when null (and only on a refusal).</param>
    public static ValidationProblem? Check(EndpointFilterInvocationContext context, System.Reflection.ParameterInfo[]? parameters = null)
    {
        var arguments = context.Arguments;
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
                parameters ??= context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters();
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
        builder.AddEndpointFilterFactory(ValidationFilter<T>.Create).ProducesValidationProblem();

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
        // Validators are built once (see RequestValidators), except those with a dependency that may be scoped.
        var scoped = new HashSet<Type>();
        services.AddValidatorsFromAssemblyContaining<RequestValidators>(ServiceLifetime.Singleton, r => !RequestValidators.NeedsScope(r.ValidatorType), includeInternalTypes: true);
        services.AddValidatorsFromAssemblyContaining<RequestValidators>(ServiceLifetime.Scoped, r =>
        {
            var needsScope = RequestValidators.NeedsScope(r.ValidatorType);
            if (needsScope)
            {
                scoped.Add(r.InterfaceType.GetGenericArguments()[0]);
            }

            return needsScope;
        }, includeInternalTypes: true);
        services.AddSingleton(new RequestValidators(scoped));
        return services;
    }
}
