using SmartBranch.Api.Features.Auth;
using SmartBranch.Api.Features.Inbox;
using SmartBranch.Api.Features.Me;
using SmartBranch.Api.Features.Reminders;
using SmartBranch.Api.Features.Subscriptions;
using SmartBranch.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddApi();

var app = builder.Build();
app.UseApi();
await app.PrepareDatabaseAsync();

app.MapAuthEndpoints();
app.MapMeEndpoints();
app.MapSubscriptionsEndpoints();
app.MapInboxEndpoints();
app.MapRemindersEndpoints();

await app.RunAsync();
