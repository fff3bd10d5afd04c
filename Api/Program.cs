using SmartBranch.Api.Startup;
using SmartBranch.Api.Features.Activities;
using SmartBranch.Api.Features.Appraisals;
using SmartBranch.Api.Features.Audit;
using SmartBranch.Api.Features.Auth;
using SmartBranch.Api.Features.Brand;
using SmartBranch.Api.Features.Calendar;
using SmartBranch.Api.Features.ConsoleLogin;
using SmartBranch.Api.Features.Development;
using SmartBranch.Api.Features.Dues;
using SmartBranch.Api.Features.Inbox;
using SmartBranch.Api.Features.Mailbox;
using SmartBranch.Api.Features.Me;
using SmartBranch.Api.Features.Meetings;
using SmartBranch.Api.Features.Notices;
using SmartBranch.Api.Features.Org;
using SmartBranch.Api.Features.Polls;
using SmartBranch.Api.Features.Reminders;
using SmartBranch.Api.Features.Study;
using SmartBranch.Api.Features.Subscriptions;
using SmartBranch.Api.Features.WeChatPush;
using SmartBranch.Api.Features.Transfers;
using SmartBranch.Api.Features.Walls;
using SmartBranch.Api.Web;
using SmartBranch.Infrastructure;

if (args.Contains(HealthProbe.Argument))
{
    Environment.ExitCode = await HealthProbe.RunAsync(args);
    return;
}

if (args.FirstOrDefault() == SetupOrganization.Verb)
{
    Environment.ExitCode = await SetupOrganization.RunCommandAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddApi();
builder.Services.AddDemoData();

// Each area registers its own services and routes (AddAreaRoutes in its module); a new area adds one line here.
builder.Services
    .AddAuth()
    .AddMe()
    .AddOrg()
    .AddAudit()
    .AddNotices()
    .AddActivities()
    .AddMeetings()
    .AddCalendar()
    .AddSubscriptions()
    .AddInbox()
    .AddReminders()
    .AddBrand()
    .AddWeChatPush()
    .AddTransfers()
    .AddMailbox()
    .AddAppraisals()
    .AddPolls()
    .AddWalls()
    .AddDues()
    .AddStudy()
    .AddConsoleLogin()
    .AddDevelopment()
    .AddWeb();

var app = builder.Build();
try
{
    // Refuse a bad configuration before anything touches the database.
    app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
    app.UseApi();
    await app.PrepareDatabaseAsync();

    app.MapAreaRoutes();
    app.MapWebEndpoints();

    await app.RunAsync();
}
catch (Exception ex) when (StartupRefusal.Describe(ex) is { } reason)
{
    await Console.Error.WriteLineAsync($"SmartBranch refused to start: {reason}");
    Environment.ExitCode = 1;
}
