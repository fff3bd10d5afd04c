using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using SmartBranch.Api.Common.Idempotency;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmartBranch.Api.Common.OpenApi;

/// <summary>
/// The OpenAPI document (/swagger/v1/swagger.json, committed as Api/openapi.json) and the conventions that keep it
/// true without one attribute per endpoint: who may call an operation (security), the statuses the shared pipeline
/// adds (401, 503, 403 behind the Member policy, 400, 413, 415, 429), which properties a schema requires, enums as the strings the JSON carries, and
/// one description per tag (<see cref="EndpointConventions.WithTag{TBuilder}"/>). Redocly's recommended rules lint it
/// (deploy/openapi-check.sh).
/// </summary>
public static class ApiDocument
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        // Schemas follow the JSON the endpoints write (string enums, camelCase), not MVC's defaults.
        services.AddTransient<ISerializerDataContractResolver>(sp =>
            new JsonSerializerDataContractResolver(sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions));
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "SmartBranch 智慧党支部 API",
                Version = "v1",
                Description = "Backend of the SmartBranch WeChat mini-program. Sign in with POST /api/auth/wechat-login, then use the token with the Authorize button. "
                    + "Lists answer { items, nextCursor } (ListPage); errors are ProblemDetails with Simplified Chinese title and detail.",
                License = new OpenApiLicense { Name = "Proprietary: all rights reserved", Identifier = "LicenseRef-Proprietary" },
            });
            o.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The token from POST /api/auth/wechat-login.",
            });
            o.IncludeXmlComments(typeof(ApiDocument).Assembly);
            o.CustomSchemaIds(SchemaId);
            o.SupportNonNullableReferenceTypes();
            o.SchemaFilter<RequiredProperties>();
            o.SchemaFilter<ValidatorLimits>();
            o.OperationFilter<SummaryAndDescription>();
            o.OperationFilter<PipelineResponses>();
            o.DocumentFilter<DocumentConventions>();
        });
        return services;
    }

    /// <summary>
    /// Serves the document as OpenAPI 3.1 (JSON Schema 2020-12: nullable as type arrays; the licence by SPDX identifier,
    /// as the project publishes no licence page).
    /// </summary>
    public static WebApplication UseApiDocument(this WebApplication app)
    {
        app.UseSwagger(o => o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1);
        return app;
    }

    /// <summary>Use cases nest their Request/Response records, so schema ids carry the use case name: GetMeResponse; ListPage&lt;T&gt; is T's id + Page.</summary>
    private static string SchemaId(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ListPage<>))
        {
            var item = SchemaId(type.GetGenericArguments()[0]);
            return (item.EndsWith("Item", StringComparison.Ordinal) ? item[..^4] : item) + "Page";
        }

        return type.IsGenericType
            ? $"{type.Name.Split('`')[0]}Of{string.Join("And", type.GetGenericArguments().Select(SchemaId))}"
            : type.DeclaringType is { } outer ? SchemaId(outer) + type.Name : type.Name;
    }

    internal static bool RequiresSignIn(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    /// <summary>
    /// A property is required when the JSON always carries it (responses) or the client must send it (requests): its type
    /// is not nullable and, for a record's constructor parameter, it has no default value.
    /// </summary>
    private sealed class RequiredProperties : ISchemaFilter
    {
        private readonly NullabilityInfoContext _nullability = new();

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema { Properties.Count: > 0 } target || context.Type.IsPrimitive || context.Type == typeof(string))
            {
                return;
            }

            var naming = JsonNamingPolicy.CamelCase;
            var defaults = context.Type.GetConstructors()
                .SelectMany(c => c.GetParameters())
                .Where(p => p.HasDefaultValue && p.Name is not null)
                .Select(p => p.Name!)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? naming.ConvertName(property.Name);
                if (!target.Properties.ContainsKey(name) || defaults.Contains(property.Name))
                {
                    continue;
                }

                var nullable = property.PropertyType.IsValueType
                    ? Nullable.GetUnderlyingType(property.PropertyType) is not null
                    : _nullability.Create(property).ReadState != NullabilityState.NotNull;
                if (!nullable)
                {
                    target.Required ??= new HashSet<string>();
                    target.Required.Add(name);

                    // Swashbuckle cannot read the nullability of a generic type's properties (ListPage<T>.Items).
                    if (target.Properties[name] is OpenApiSchema { Type: { } type } inline)
                    {
                        inline.Type = type & ~JsonSchemaType.Null;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The limits of a request's validator published in its schema, so a client reads the server's rule instead of
    /// copying it (the mini-program's api/limits.js is checked against these):
    /// <list type="bullet">
    /// <item>lengths (FluentValidation <c>MaximumLength</c>, <c>MinimumLength</c>, <c>Length</c>,
    /// <see cref="Validation.TrimmedMaximumLengthValidator{T}"/>) as <c>maxLength</c> and <c>minLength</c>;
    /// <c>NotEmpty</c> on a string as <c>minLength</c> 1, on a list as <c>minItems</c> 1;</item>
    /// <item>ranges against a value the server holds (<c>InclusiveBetween</c>, <c>ExclusiveBetween</c>,
    /// <c>GreaterThan(OrEqualTo)</c>, <c>LessThan(OrEqualTo)</c> with a constant or a configured number, not another
    /// property) as <c>minimum</c>/<c>maximum</c> and <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>.</item>
    /// </list>
    /// An unconditional <c>NotNull</c> or <c>NotEmpty</c> also lists the property as required.
    /// Several rules on one property publish the tightest bound. Conditional rules are left out: they do not always apply.
    /// Rules a validator takes in with <c>Include(new OtherValidator())</c> count as its own (the meeting requests share
    /// their field rules that way).
    /// </summary>
    private sealed class ValidatorLimits(IServiceScopeFactory scopes) : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema { Properties.Count: > 0 } target || context.Type.IsPrimitive || context.Type == typeof(string))
            {
                return;
            }

            using var scope = scopes.CreateScope();
            if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(context.Type)) is not IValidator validator)
            {
                return;
            }

            var descriptors = WithIncluded(validator, scope.ServiceProvider).ToList();
            foreach (var (name, property) in target.Properties)
            {
                var rules = descriptors.SelectMany(d => d.GetValidatorsForMember(name))
                    .Where(v => !v.Options.HasCondition && !v.Options.HasAsyncCondition)
                    .Select(v => v.Validator)
                    .ToList();

                // A property the validator insists on (NotNull, NotEmpty) is one the client must send, whatever its C# type.
                if (rules.Any(r => r is FluentValidation.Validators.INotNullValidator or FluentValidation.Validators.INotEmptyValidator))
                {
                    target.Required ??= new HashSet<string>();
                    target.Required.Add(name);
                }

                if (property is not OpenApiSchema inline)
                {
                    continue;
                }

                var limits = new Bounds();
                foreach (var rule in rules)
                {
                    limits.Add(rule, inline);
                }

                limits.WriteTo(inline);
            }
        }

        /// <summary>The validator's descriptor and those of the validators it includes unconditionally, recursively.</summary>
        private static IEnumerable<IValidatorDescriptor> WithIncluded(IValidator validator, IServiceProvider services)
        {
            var descriptor = validator.CreateDescriptor();
            yield return descriptor;
            var included = descriptor.Rules
                .OfType<FluentValidation.Internal.IIncludeRule>()
                .OfType<IValidationRule>()
                .SelectMany(rule => rule.Components)
                .Where(component => !component.HasCondition && !component.HasAsyncCondition)
                .Select(component => component.Validator)
                .OfType<FluentValidation.Validators.IChildValidatorAdaptor>();
            foreach (var adaptor in included)
            {
                var child = services.GetService(adaptor.ValidatorType) as IValidator
                    ?? throw new InvalidOperationException($"{adaptor.ValidatorType.Name} is included by a validator but not registered.");
                foreach (var nested in WithIncluded(child, services))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The bounds the unconditional rules of one property set, tightest first.</summary>
    private sealed class Bounds
    {
        private int? _maxLength;
        private int? _minLength;
        private int? _minItems;
        private decimal? _minimum;
        private decimal? _maximum;
        private bool _minimumExclusive;
        private bool _maximumExclusive;

        public void Add(FluentValidation.Validators.IPropertyValidator rule, OpenApiSchema schema)
        {
            switch (rule)
            {
                case FluentValidation.Validators.ILengthValidator length:
                    if (length.Max > 0)
                    {
                        _maxLength = Math.Min(_maxLength ?? int.MaxValue, length.Max);
                    }

                    if (length.Min > 0)
                    {
                        _minLength = Math.Max(_minLength ?? 0, length.Min);
                    }

                    break;
                case FluentValidation.Validators.INotEmptyValidator when schema.Type is { } type && (type & JsonSchemaType.String) != 0:
                    _minLength = Math.Max(_minLength ?? 0, 1);
                    break;
                case FluentValidation.Validators.INotEmptyValidator when schema.Type is { } type && (type & JsonSchemaType.Array) != 0:
                    _minItems = 1;
                    break;
                case FluentValidation.Validators.IBetweenValidator between when Number(between.From) is { } from && Number(between.To) is { } to:
                    var inclusive = between is FluentValidation.Validators.IInclusiveBetweenValidator;
                    Lower(from, !inclusive);
                    Upper(to, !inclusive);
                    break;
                case FluentValidation.Validators.IComparisonValidator { MemberToCompare: null } comparison when Number(comparison.ValueToCompare) is { } value:
                    switch (comparison.Comparison)
                    {
                        case FluentValidation.Validators.Comparison.GreaterThan: Lower(value, exclusive: true); break;
                        case FluentValidation.Validators.Comparison.GreaterThanOrEqual: Lower(value, exclusive: false); break;
                        case FluentValidation.Validators.Comparison.LessThan: Upper(value, exclusive: true); break;
                        case FluentValidation.Validators.Comparison.LessThanOrEqual: Upper(value, exclusive: false); break;
                    }

                    break;
            }
        }

        public void WriteTo(OpenApiSchema schema)
        {
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            schema.MaxLength = _maxLength ?? schema.MaxLength;
            schema.MinLength = _minLength ?? schema.MinLength;
            schema.MinItems = _minItems ?? schema.MinItems;
            if (_minimum is { } minimum)
            {
                if (_minimumExclusive)
                {
                    schema.ExclusiveMinimum = minimum.ToString(culture);
                }
                else
                {
                    schema.Minimum = minimum.ToString(culture);
                }
            }

            if (_maximum is { } maximum)
            {
                if (_maximumExclusive)
                {
                    schema.ExclusiveMaximum = maximum.ToString(culture);
                }
                else
                {
                    schema.Maximum = maximum.ToString(culture);
                }
            }
        }

        private void Lower(decimal value, bool exclusive)
        {
            if (_minimum is null || value > _minimum || value == _minimum && exclusive)
            {
                (_minimum, _minimumExclusive) = (value, exclusive);
            }
        }

        private void Upper(decimal value, bool exclusive)
        {
            if (_maximum is null || value < _maximum || value == _maximum && exclusive)
            {
                (_maximum, _maximumExclusive) = (value, exclusive);
            }
        }

        /// <summary>A bound that is a number (not a date, a string or another property).</summary>
        private static decimal? Number(object? value) => value switch
        {
            int or long or short or byte or decimal => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
            double d when double.IsFinite(d) => (decimal)d,
            float f when float.IsFinite(f) => (decimal)f,
            _ => null,
        };
    }

    /// <summary>The statuses the shared pipeline answers on its own, documented where it can answer them.</summary>
    private sealed class PipelineResponses : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;

            // [AsParameters] records bind query values case-insensitively; the document names them as the JSON does.
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Name is { Length: > 0 }))
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            }

            if (RequiresSignIn(metadata))
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                // No or an expired token; the session store (Redis) unreachable.
                Add(operation, context, StatusCodes.Status401Unauthorized);
                Add(operation, context, StatusCodes.Status503ServiceUnavailable);

                // Signed in with WeChat but not bound to a roster entry (needsBinding): the Member policy answers 403.
                if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == Auth.Policies.Member))
                {
                    Add(operation, context, StatusCodes.Status403Forbidden);
                }
            }
            else
            {
                operation.Security = [];
            }

            // A query value that does not convert to the parameter's type (an integer, a boolean, an enum, a date).
            if ((operation.Parameters ?? []).Any(p => p.In == ParameterLocation.Query && p.Schema is { } schema
                    && (schema is OpenApiSchemaReference || schema.Enum is { Count: > 0 } || schema.Format is not null || schema.Type is { } type && (type & JsonSchemaType.String) == 0)))
            {
                Add(operation, context, StatusCodes.Status400BadRequest);
            }

            // A write that loses a race for a unique row or a row version (Errors/ErrorHandling.cs answers 409).
            if (context.ApiDescription.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE" && RequiresSignIn(metadata))
            {
                Add(operation, context, StatusCodes.Status409Conflict);
            }

            if (operation.RequestBody is not null)
            {
                // A body that cannot be read, fails StrictJson or a validator; a body over Kestrel's limit (about 30 MB,
                // Errors/KestrelRejections.cs); a body of another media type.
                Add(operation, context, StatusCodes.Status400BadRequest);
                Add(operation, context, StatusCodes.Status413PayloadTooLarge);
                Add(operation, context, StatusCodes.Status415UnsupportedMediaType);
            }

            if (metadata.OfType<IdempotentWrite>().Any())
            {
                // A malformed Idempotency-Key; the key store (Redis) unreachable.
                Add(operation, context, StatusCodes.Status400BadRequest);
                Add(operation, context, StatusCodes.Status503ServiceUnavailable);
            }

            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            {
                Add(operation, context, StatusCodes.Status429TooManyRequests);
            }
        }

        private static void Add(OpenApiOperation operation, OperationFilterContext context, int status)
        {
            operation.Responses ??= [];
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                return;
            }

            var problem = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
            operation.Responses[key] = new OpenApiResponse
            {
                Description = Problems.Titles.TryGetValue(status, out var title) ? title : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } },
            };
        }
    }

    /// <summary>A relative server (the document describes whichever host serves it) and one description per tag.</summary>
    private sealed class DocumentConventions : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document." }];
            var descriptions = context.ApiDescriptions
                .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<EndpointConventions.TagDescription>())
                .GroupBy(t => t.Name)
                .ToDictionary(g => g.Key, g => g.First().Description);
            var names = document.Paths.Values
                .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
                .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
                .Select(t => t.Name!)
                .Distinct()
                .Order(StringComparer.Ordinal);
            document.Tags = new HashSet<OpenApiTag>(names.Select(n => new OpenApiTag
            {
                Name = n,
                Description = descriptions.GetValueOrDefault(n),
            }));
        }
    }
}
