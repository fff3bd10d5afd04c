namespace SmartBranch.Api.Startup;

/// <summary>Start-up work on the database; it knows every area (demo data), so it lives beside Program.cs, not in Common.</summary>
public static class DatabasePreparation
{
    /// <summary>Registers the demo-data switch (section "DemoData").</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.SectionName);
        return services;
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
