using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using SmartBranch.Domain.Messaging;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmartBranch.Api.Messaging;

/// <summary>
/// One reminder kind, registered once by the area that sends it (<see cref="ReminderKinds.AddReminderKind"/> in its
/// module). Everything else about the kind derives from this: the default template and keyword layout, the
/// configuration key, the name <c>GET /api/subscriptions</c> shows, the deployment variable, and the production check
/// that a real template id is configured.
/// </summary>
/// <param name="Kind">The kind the area's reminders are scheduled with (stored by name on every outbox row).</param>
/// <param name="DisplayName">What the mini-program shows for it (e.g. <c>发展党员工作提醒</c>), Simplified Chinese.</param>
/// <param name="EmulatorTemplateId">The template id the WeChat emulator takes (starts with <see cref="ReminderKinds.EmulatorPrefix"/>); refused in Production.</param>
/// <param name="Fields">Keyword code (<c>thing1</c>, <c>time2</c> …) → the reminder field that fills it; the layout the real template must have.</param>
public sealed record ReminderKindRegistration(ReminderKind Kind, string DisplayName, string EmulatorTemplateId, IReadOnlyDictionary<string, KeywordSource> Fields)
{
    /// <summary>The configuration section of the kind's template, e.g. <c>Reminders:Templates:Development</c>.</summary>
    public string ConfigurationKey => $"{ReminderOptions.SectionName}:Templates:{Kind}";

    /// <summary>
    /// The deploy/.env variable that holds the real template id, e.g. <c>TEMPLATE_LEAVE_DECISION</c>; deploy/compose.yaml
    /// passes it as <c>Reminders__Templates__&lt;Kind&gt;__TemplateId</c> (Api.Tests ReminderKindDeploymentTests keeps the two in step).
    /// </summary>
    public string DeployVariable
    {
        get
        {
            var name = new StringBuilder("TEMPLATE_");
            var kind = Kind.Name;
            for (var i = 0; i < kind.Length; i++)
            {
                if (i > 0 && char.IsUpper(kind[i]))
                {
                    name.Append('_');
                }

                name.Append(char.ToUpperInvariant(kind[i]));
            }

            return name.ToString();
        }
    }

    /// <summary>The default template: the emulator id and the keyword layout.</summary>
    internal ReminderTemplateOptions DefaultTemplate() =>
        new() { TemplateId = EmulatorTemplateId, Fields = new Dictionary<string, KeywordSource>(Fields) };
}

public static class ReminderKinds
{
    /// <summary>Template ids the emulator takes; production configures the real ones (refused in Production).</summary>
    public const string EmulatorPrefix = "EMU_";

    /// <summary>
    /// Registers a reminder kind the calling area sends: its name in the subscription list, its emulator template id
    /// and the keyword layout (keyword code → reminder field). Call once per kind from the area's <c>Add&lt;Area&gt;()</c>;
    /// a kind registered twice refuses the start. The deployment sets the real id through <see cref="ReminderKindRegistration.DeployVariable"/>
    /// in deploy/compose.yaml and deploy/.env.example (a test fails until both name it).
    /// </summary>
    public static IServiceCollection AddReminderKind(
        this IServiceCollection services,
        ReminderKind kind,
        string displayName,
        string emulatorTemplateId,
        params (string Keyword, KeywordSource Source)[] fields)
    {
        services.AddSingleton(new ReminderKindRegistration(kind, displayName, emulatorTemplateId, fields.ToDictionary(f => f.Keyword, f => f.Source)));
        return services;
    }
}

/// <summary>
/// Checks section <c>Reminders:Templates</c> against the registered kinds: each kind registered once with a valid
/// default; every template with an id (≤ 64 characters) and keywords of a known type; no template for a kind no area
/// registers; and in Production a real template id (not the emulator's) for every registered kind, naming the keys missing.
/// </summary>
internal sealed class ReminderTemplatesValidation(IEnumerable<ReminderKindRegistration> kinds, IHostEnvironment environment) : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        var registered = kinds.ToList();
        var twice = registered.GroupBy(k => k.Kind).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
        if (twice.Count > 0)
        {
            failures.Add($"Reminder kinds registered more than once: {string.Join(", ", twice)} (call AddReminderKind once per kind).");
        }

        var badDefaults = registered.Where(k => k.Kind.Name is null || !k.EmulatorTemplateId.StartsWith(ReminderKinds.EmulatorPrefix, StringComparison.Ordinal) || string.IsNullOrWhiteSpace(k.DisplayName))
            .Select(k => k.Kind.ToString()).ToList();
        if (badDefaults.Count > 0)
        {
            failures.Add($"Reminder kinds {string.Join(", ", badDefaults)}: AddReminderKind needs a display name and an emulator template id starting with {ReminderKinds.EmulatorPrefix}.");
        }

        var unregistered = options.Templates.Keys.Where(k => registered.All(r => !string.Equals(r.Kind.Name, k, StringComparison.OrdinalIgnoreCase)))
            .Select(k => $"{ReminderOptions.SectionName}:Templates:{k}").ToList();
        if (unregistered.Count > 0)
        {
            failures.Add($"{string.Join(", ", unregistered)}: no area registers this reminder kind.");
        }

        if (!options.Templates.Values.All(t => !string.IsNullOrWhiteSpace(t.TemplateId) && t.TemplateId.Length <= SubscriptionQuota.TemplateIdMaxLength
                && t.Fields.Count > 0 && t.Fields.Keys.All(k => Keywords.TypeOf(k) is not null)))
        {
            failures.Add("Reminders:Templates: every template needs a TemplateId (at most 64 characters) and keyword fields named by a known type prefix (thing1, time2, phrase3 …).");
        }

        if (environment.IsProduction())
        {
            var emulated = registered
                .Where(k => !options.Templates.TryGetValue(k.Kind.Name, out var t) || t.TemplateId.StartsWith(ReminderKinds.EmulatorPrefix, StringComparison.Ordinal))
                .Select(k => $"{k.ConfigurationKey}:TemplateId ({k.DeployVariable})")
                .ToList();
            if (emulated.Count > 0)
            {
                failures.Add($"Reminders:Templates: configure the real subscription-message template ids in Production; the defaults only work with the WeChat emulator. Missing: {string.Join(", ", emulated)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>A reminder kind in JSON is its name, e.g. <c>"kind": "Meeting"</c> (as when it was an enum).</summary>
internal sealed class ReminderKindJson : JsonConverter<ReminderKind>
{
    public override ReminderKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } name && ReminderKind.IsValidName(name) ? new ReminderKind(name) : throw new JsonException("Not a reminder kind.");

    public override void Write(Utf8JsonWriter writer, ReminderKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}

/// <summary>The OpenAPI schema <c>ReminderKind</c>: a string, one of the registered kinds' names.</summary>
internal sealed class ReminderKindSchema(IEnumerable<ReminderKindRegistration> kinds) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(ReminderKind) || schema is not OpenApiSchema concrete)
        {
            return;
        }

        concrete.Type = JsonSchemaType.String;
        concrete.Properties?.Clear();
        concrete.Required?.Clear();
        concrete.AdditionalPropertiesAllowed = true;
        concrete.AdditionalProperties = null;
        concrete.Enum = [.. kinds.Select(k => k.Kind.Name).Order(StringComparer.Ordinal).Select(name => (System.Text.Json.Nodes.JsonNode)name)];
    }
}
