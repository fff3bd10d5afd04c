using SmartBranch.Domain.Messaging;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmartBranch.Api.Messaging;

public static class MessagingModule
{
    /// <summary>
    /// Registers the messaging module: the scheduler features write reminders with, the delivery pipeline
    /// (options and templates, feeder, dispatcher and their background loops) and the general notice reminder kind.
    /// Areas add their own reminder kinds (<see cref="ReminderKinds.AddReminderKind"/>) and
    /// <see cref="ISubjectOwnerResolver"/> in their module.
    /// </summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddScoped<ReminderScheduler>();
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.SectionName)
            .PostConfigure<IEnumerable<ReminderKindRegistration>>((o, kinds) =>
            {
                foreach (var kind in kinds)
                {
                    // A kind configured with only its TemplateId keeps the registered keyword layout.
                    if (!o.Templates.TryAdd(kind.Kind.Name, kind.DefaultTemplate()) && o.Templates[kind.Kind.Name].Fields.Count == 0)
                    {
                        o.Templates[kind.Kind.Name].Fields = new Dictionary<string, KeywordSource>(kind.Fields);
                    }
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderTemplatesValidation>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new ReminderKindJson()));
        services.AddOptions<SwaggerGenOptions>().Configure(o => o.SchemaFilter<ReminderKindSchema>());

        // The general notice kind: any area may remind with it without a template of its own (transfers, study,
        // mailbox, organisation flags, unread notices).
        services.AddReminderKind(ReminderKind.Notice, "通知提醒", "EMU_NOTICE_REMINDER",
            ("thing1", KeywordSource.Subject), ("time2", KeywordSource.Time), ("thing3", KeywordSource.Note));
        services.AddSingleton<ReminderTemplates>();
        services.AddSingleton<DispatchPause>();
        services.AddSingleton<ReminderWriteGate>();
        services.AddSingleton<ReminderFeeder>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }
}
