using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// Production start-up refuses to serve from a database that is behind the code: the schema is
/// changed by the one-shot migration step in deploy/, never by the API instances themselves.
/// </summary>
internal sealed class PendingMigrationsCheck(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new StartupRefusedException(
                $"The database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}). " +
                "Run the migration step first (deploy/: docker-compose run --rm migrate), then start the API again.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
