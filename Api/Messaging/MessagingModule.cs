using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Messaging;

public static class MessagingModule
{
    /// <summary>
    /// Registers the messaging module: the scheduler features write reminders with, the delivery pipeline
    /// (options and templates, feeder, dispatcher and their background loops). Areas add their own
    /// <see cref="ISubjectOwnerResolver"/> in their module.
    /// </summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddScoped<ReminderScheduler>();
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.SectionName)
            .PostConfigure(o =>
            {
                foreach (var (kind, template) in ReminderTemplateDefaults.All)
                {
                    // A kind configured with only its TemplateId keeps the default keyword layout.
                    if (!o.Templates.TryAdd(kind, template) && o.Templates[kind].Fields.Count == 0)
                    {
                        o.Templates[kind].Fields = new Dictionary<string, KeywordSource>(template.Fields);
                    }
                }
            })
            .ValidateDataAnnotations()
            .Validate(
                o => o.Templates.Values.All(t => !string.IsNullOrWhiteSpace(t.TemplateId) && t.TemplateId.Length <= SubscriptionQuota.TemplateIdMaxLength
                    && t.Fields.Count > 0 && t.Fields.Keys.All(k => Keywords.TypeOf(k) is not null)),
                "Reminders:Templates: every template needs a TemplateId (at most 64 characters) and keyword fields named by a known type prefix (thing1, time2, phrase3 …).")
            .Validate<IHostEnvironment>(
                (o, environment) => !environment.IsProduction() || o.Templates.Values.All(t => !t.TemplateId.StartsWith(ReminderTemplateDefaults.EmulatorPrefix, StringComparison.Ordinal)),
                "Reminders:Templates: configure the real subscription-message template ids in Production; the defaults only work with the WeChat emulator.")
            .ValidateOnStart();
        services.AddSingleton<ReminderTemplates>();
        services.AddSingleton<DispatchPause>();
        services.AddSingleton<ReminderWriteGate>();
        services.AddSingleton<ReminderFeeder>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }
}
