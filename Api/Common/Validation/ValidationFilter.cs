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
        var enums = EnumArguments.Of(parameters);
        var services = context.ApplicationServices;
        if (services.GetRequiredService<RequestValidators>().IsScoped(typeof(T)))
        {
            return invocation => InvokeAsync(invocation.HttpContext.RequestServices.GetRequiredService<IValidator<T>>(), invocation, next, parameters, enums, index);
        }

        var validator = services.GetRequiredService<IValidator<T>>();
        return invocation => InvokeAsync(validator, invocation, next, parameters, enums, index);
    }

    private static async ValueTask<object?> InvokeAsync(
        IValidator<T> validator, EndpointFilterInvocationContext context, EndpointFilterDelegate next, System.Reflection.ParameterInfo[] parameters, EnumArguments.Source[] enums, int index)
    {
        if (ArgumentRules.Check(context, parameters, enums) is { } refused)
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
/// The route and query values an endpoint binds to an enum (its own parameters and the properties of its
/// <c>[AsParameters]</c> records), found once when the endpoint is built. Binding reads a number (<c>type=1</c>) as the
/// enum value it stands for; the contract publishes names only, so <see cref="ArgumentRules"/> refuses it.
/// </summary>
internal static class EnumArguments
{
    /// <summary>Where the value comes from (route value or query key, matched case-insensitively) and its enum type.</summary>
    internal readonly record struct Source(string Name, Type Enum);

    public static Source[] Of(System.Reflection.ParameterInfo[] parameters) =>
    [
        .. parameters.SelectMany(p => p.IsDefined(typeof(AsParametersAttribute), false)
            ? p.ParameterType.GetProperties().Select(q => Candidate(q.Name, q.PropertyType, q.GetCustomAttributes(true)))
            : [Candidate(p.Name ?? string.Empty, p.ParameterType, p.GetCustomAttributes(true))])
        .OfType<Source>(),
    ];

    private static Source? Candidate(string name, Type type, object[] attributes)
    {
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (!enumType.IsEnum || attributes.OfType<Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata>().Any())
        {
            return null;
        }

        var named = attributes.OfType<Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata>().FirstOrDefault()?.Name
            ?? attributes.OfType<Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata>().FirstOrDefault()?.Name;
        return new Source(named ?? name, enumType);
    }

    /// <summary>The raw route or query value of <paramref name="source"/>, when it was written as a number.</summary>
    public static bool IsNumber(HttpRequest request, Source source)
    {
        var raw = request.RouteValues.TryGetValue(source.Name, out var value) ? value as string
            : request.Query.TryGetValue(source.Name, out var query) ? query.ToString()
            : null;
        var text = raw.AsSpan().TrimStart();
        return !text.IsEmpty && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+');
    }
}

/// <summary>
/// Rules for the values bound from the route and the query string, which do not go through the JSON
/// converters of <see cref="StrictJson"/>: an enum value the enum does not define or written as a number, or a date
/// outside <see cref="DateWindow"/>, is refused the same way.
/// </summary>
internal static class ArgumentRules
{
    /// <param name="context">The invocation: its arguments, and the endpoint.</param>
    /// <param name="parameters">The handler's parameters, for the names in the answer; looked up from the endpoint when null (and only on a refusal).</param>
    /// <param name="enums">The endpoint's enum route and query values (<see cref="EnumArguments"/>).</param>
    public static ValidationProblem? Check(EndpointFilterInvocationContext context, System.Reflection.ParameterInfo[]? parameters, EnumArguments.Source[] enums)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var source in enums)
        {
            if (EnumArguments.IsNumber(context.HttpContext.Request, source))
            {
                errors ??= [];
                errors[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(source.Name)] = [StrictJson.EnumRefusal(source.Enum)];
            }
        }

        var arguments = context.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var message = arguments[i] switch
            {
                Enum value when !Enum.IsDefined(value.GetType(), value) => StrictJson.EnumRefusal(value.GetType()),
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
internal static class ArgumentRulesFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters();
        var enums = EnumArguments.Of(parameters);
        return invocation => ArgumentRules.Check(invocation, parameters, enums) is { } refused ? ValueTask.FromResult<object?>(refused) : next(invocation);
    }
}

public static class ValidationExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> argument of the endpoint before the handler runs.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilterFactory(ValidationFilter<T>.Create).ProducesValidationProblem();

    /// <summary>Refuses undefined enum values, enum values written as numbers and out-of-window dates among the route and query values of the endpoint.</summary>
    public static TBuilder WithArgumentRules<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(ArgumentRulesFilter.Create);

    /// <summary>FluentValidation in Chinese with camelCase property names (matching the JSON) and Chinese display names (<see cref="DisplayNames"/>).</summary>
    public static IServiceCollection AddRequestValidation(this IServiceCollection services)
    {
        // A rule stops at its first failure: a null title fails NotEmpty and never reaches the length check
        // that would dereference it. Every property is still checked, so the user sees every mistake at once.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("zh-CN");
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        // Default messages name the property in Chinese ('标题' 不能为空。), never as its C# name split into words.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => DisplayNames.Of(member);
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
