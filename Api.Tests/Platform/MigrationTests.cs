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

        // Including the statements EF wraps in EXEC(N'…') inside the IF blocks of an idempotent script.
        var parsed = ScriptReader.Read(script);

        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(script, Does.Contain("CREATE TABLE [Members]"));
    }

    [Test]
    public void IdempotentSqlServerScriptCreatesEveryFilteredIndexWithItsFilter()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var filtered = MigrationModels.Migrated(db).Tables.SelectMany(t => t.Indexes).Where(i => i.Filter is not null).Select(i => i.Name).ToList();

        var created = ScriptReader.Read(script).Indexes;

        Assert.Multiple(() =>
        {
            Assert.That(filtered, Does.Contain("IX_Members_OpenId"));
            Assert.That(filtered.Where(name => !created.TryGetValue(name, out var hasFilter) || !hasFilter), Is.Empty, "filtered indexes the script creates without a WHERE clause (or not at all)");
        });
    }

    /// <summary>Parse errors and CREATE INDEX statements (name → has a WHERE clause) of a script, EXEC'd strings included.</summary>
    private sealed class ScriptReader : TSqlFragmentVisitor
    {
        public List<string> Errors { get; } = [];

        public Dictionary<string, bool> Indexes { get; } = new(StringComparer.Ordinal);

        public static ScriptReader Read(string sql)
        {
            var reader = new ScriptReader();
            reader.Parse(sql);
            return reader;
        }

        public override void Visit(CreateIndexStatement node) => Indexes[node.Name.Value] = node.FilterPredicate is not null;

        public override void Visit(ExecuteStatement node)
        {
            if (node.ExecuteSpecification.ExecutableEntity is ExecutableStringList list)
            {
                // A variable spliced into the string (EF's DROP CONSTRAINT [' + @var + ']) stands in as a name.
                Parse(string.Concat(list.Strings.Select(s => s is StringLiteral literal ? literal.Value : "spliced")));
            }
        }

        private void Parse(string sql)
        {
            var fragment = new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Errors.AddRange(errors.Select(e => $"line {e.Line}: {e.Message} in: {(sql.Length > 200 ? sql[..200] : sql)}"));
            fragment?.Accept(this);
        }
    }

    internal static SqlServerAppDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=True").Options);
}
