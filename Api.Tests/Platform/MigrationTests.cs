using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SmartBranch.Api.Tests.Platform;

public sealed class MigrationTests
{
    [Test]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "run deploy/migrations.sh <Name> to add the migration for both providers");
    }

    [Test]
    public void SqlServerMigrationsMatchTheModel()
    {
        using var db = SqlServerContext();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "run deploy/migrations.sh <Name> to add the migration for both providers");
    }

    [Test]
    public void IdempotentSqlServerScriptParses()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(script), out var errors);

        Assert.That(errors.Select(e => $"line {e.Line}: {e.Message}"), Is.Empty);
        Assert.That(script, Does.Contain("CREATE TABLE [Members]"));
    }

    internal static SqlServerAppDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=True").Options);
}
