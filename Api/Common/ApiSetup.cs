using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using SmartBranch.Api.Common.Errors;
using SmartBranch.Api.Common.Startup;
using SmartBranch.Api.Common.Time;
using SmartBranch.Api.Features.Reminders;
using SmartBranch.Infrastructure;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Common;

public static class ApiSetup
{
    /// <summary>Registers the HTTP surface: errors, validation, auth, rate limits, Swagger, demo data.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddErrorHandling();
        services.AddRequestValidation();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOrganizationTime(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentMember>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<SmartBranch.Api.Features.Reminders.ReminderScheduler>();
        // One application name, so every instance (whatever its content root) reads the others' encrypted phones.
        services.AddDataProtection().SetApplicationName("SmartBranch");
        services.AddSingleton<SmartBranch.Api.Common.Privacy.PhoneNumbers>();
        services.AddOptions<SmartBranch.Api.Features.Org.BindingOptions>().BindConfiguration(SmartBranch.Api.Features.Org.BindingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SmartBranch.Api.Features.Org.BindFailureLimiter(sp.GetService<SmartBranch.Infrastructure.Redis.RedisConnection>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SmartBranch.Api.Features.Org.BindingOptions>>()));
        services.AddScoped<SmartBranch.Api.Common.ContentSecurity.TextContentCheck>();
        services.AddOptions<SmartBranch.Api.Features.Activities.ActivityOptions>().BindConfiguration(SmartBranch.Api.Features.Activities.ActivityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmartBranch.Api.Features.Meetings.MeetingOptions>().BindConfiguration(SmartBranch.Api.Features.Meetings.MeetingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SmartBranch.Api.Features.Meetings.IBranchActivitySignal, SmartBranch.Api.Features.Meetings.MeetingActivitySignal>();
        services.AddScoped<SmartBranch.Api.Features.Meetings.IBranchActivitySignal, SmartBranch.Api.Features.Notices.NoticeActivitySignal>();
        services.AddScoped<SmartBranch.Api.Features.Meetings.IBranchActivitySignal, SmartBranch.Api.Features.Activities.ActivityHeldSignal>();
        services.AddScoped<SmartBranch.Api.Features.Calendar.ICalendarSource, SmartBranch.Api.Features.Meetings.MeetingCalendarSource>();
        services.AddScoped<SmartBranch.Api.Features.Reminders.ISubjectOwnerResolver, SmartBranch.Api.Features.Notices.NoticeOwnerResolver>();
        services.AddScoped<SmartBranch.Api.Features.Reminders.ISubjectOwnerResolver, SmartBranch.Api.Features.Activities.ActivityOwnerResolver>();
        services.AddScoped<SmartBranch.Api.Features.Reminders.ISubjectOwnerResolver, SmartBranch.Api.Features.Meetings.MeetingOwnerResolver>();
        services.AddScoped<SmartBranch.Api.Features.Reminders.ISubjectOwnerResolver, SmartBranch.Api.Features.Meetings.LeaveRequestOwnerResolver>();
        services.AddScoped<SmartBranch.Api.Features.Calendar.ICalendarSource, SmartBranch.Api.Features.Activities.ActivityCalendarSource>();
        services.AddReminders();
        SmartBranch.Api.Features.Org.OrgModule.AddOrg(services);
        SmartBranch.Api.Features.Transfers.TransfersModule.AddTransfers(services);
        services.AddMediaStorage(builder.Environment, builder.Configuration);
        services.AddOptions<SmartBranch.Api.Features.Brand.ReachOptions>().BindConfiguration(SmartBranch.Api.Features.Brand.ReachOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SmartBranch.Api.Features.Brand.ReachCalculator>();
        SmartBranch.Api.Features.Dues.DuesModule.AddDues(services);
        SmartBranch.Api.Features.Mailbox.MailboxModule.AddMailbox(services);
        SmartBranch.Api.Features.Appraisals.AppraisalsModule.AddAppraisals(services);
        SmartBranch.Api.Features.Polls.PollsModule.AddPolls(services);
        SmartBranch.Api.Features.Walls.WallsModule.AddWalls(services);

        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser().RequireClaim(AppClaims.MemberId));

        services.AddRateLimits();
        services.AddSingleton<SmartBranch.Api.Features.Auth.LoginAbuseLimiter>();
        services.AddResponseHeaders();
        builder.AddReverseProxySupport();
        services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.SectionName);

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "SmartBranch 智慧党支部 API",
                Version = "v1",
                Description = "Backend of the SmartBranch WeChat mini-program. Sign in with POST /api/auth/wechat-login, then use the token with the Authorize button.",
            });
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The token from POST /api/auth/wechat-login.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            o.IncludeXmlComments(typeof(ApiSetup).Assembly);
            o.CustomSchemaIds(SchemaId);
        });
        return builder;
    }

    /// <summary>Use cases nest their Request/Response records, so schema ids carry the use case name: GetMeResponse.</summary>
    private static string SchemaId(Type type) =>
        type.IsGenericType
            ? $"{type.Name.Split('`')[0]}Of{string.Join("And", type.GetGenericArguments().Select(SchemaId))}"
            : type.DeclaringType is { } outer ? SchemaId(outer) + type.Name : type.Name;

    /// <summary>The middleware pipeline, in order.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseReverseProxySupport();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The API description is for developers; production serves it only when asked to (Swagger:Enabled).
        if (!app.Environment.IsProduction() || app.Configuration.GetValue<bool>("Swagger:Enabled"))
        {
            app.UseSwagger();
            app.UseSwaggerUI(o => o.DocumentTitle = "SmartBranch API");
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(DependencyInjection.ReadyTag) }).WithTags("Health");
        return app;
    }

    /// <summary>Migrates the embedded database and seeds demo data when asked to.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateIfEmbeddedAsync(app.Lifetime.ApplicationStopping);
        if (initializer.IsEmbedded && scope.ServiceProvider.GetRequiredService<IOptions<DemoDataOptions>>().Value.Enabled)
        {
            await DemoData.SeedAsync(scope.ServiceProvider, app.Lifetime.ApplicationStopping);
        }
    }
}
