namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Production runs SQL Server and the tests run SQLite, so the two migration sets must build the same
/// schema. Read from the migrations themselves (their snapshots), not from the current model.
/// </summary>
public sealed class ProviderParityTests
{
    [Test]
    public void EveryMigrationExistsForBothProviders()
    {
        using var sqlite = MigrationModels.SqliteContext();
        using var sqlServer = MigrationModels.SqlServerContext();

        var sqliteNames = MigrationModels.MigrationNames(sqlite);
        var sqlServerNames = MigrationModels.MigrationNames(sqlServer);

        Assert.Multiple(() =>
        {
            Assert.That(sqliteNames.Except(sqlServerNames), Is.Empty, "migrations only in Migrations/Sqlite: add them with deploy/migrations.sh, which writes both sets");
            Assert.That(sqlServerNames.Except(sqliteNames), Is.Empty, "migrations only in Migrations/SqlServer: add them with deploy/migrations.sh, which writes both sets");
            Assert.That(sqlServerNames, Is.EqualTo(sqliteNames), "the two sets list the same migrations in a different order");
        });
    }

    [Test]
    public void BothMigrationSetsBuildTheSameTablesColumnsKeysAndIndexes()
    {
        using var sqlite = MigrationModels.SqliteContext();
        using var sqlServer = MigrationModels.SqlServerContext();

        var sqliteSchema = MigrationModels.Describe(MigrationModels.Migrated(sqlite));
        var sqlServerSchema = MigrationModels.Describe(MigrationModels.Migrated(sqlServer));

        Assert.Multiple(() =>
        {
            Assert.That(sqliteSchema, Has.Some.StartsWith("table Members"), "the comparison read no schema");
            Assert.That(sqliteSchema.Except(sqlServerSchema), Is.Empty, "only in the SQLite migrations");
            Assert.That(sqlServerSchema.Except(sqliteSchema), Is.Empty, "only in the SQL Server migrations");
        });
    }
}
