using SmartBranch.Api.Features.Auth;
using SmartBranch.Api.Features.Me;
using SmartBranch.Api.Common.Startup;
using SmartBranch.Infrastructure;

if (args.Contains(HealthProbe.Argument))
{
    Environment.ExitCode = await HealthProbe.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddApi();

var app = builder.Build();
app.UseApi();
await app.PrepareDatabaseAsync();

app.MapAuthEndpoints();
app.MapMeEndpoints();

await app.RunAsync();
