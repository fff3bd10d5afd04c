using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Hand-written SQL runs on SQLite in every functional test; its SQL Server form never runs here, so it
/// is at least parsed by Microsoft's own T-SQL parser, and no raw SQL hides outside <see cref="RawSqlStatement"/>.
/// </summary>
public sealed partial class RawSqlTests
{
    private static IEnumerable<TestCaseData> Statements() =>
        typeof(RawSqlStatement).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(RawSqlStatement))
            .Select(f => (RawSqlStatement)f.GetValue(null)!)
            .Select(s => new TestCaseData(s).SetArgDisplayNames(s.Name));

    [Test]
    public void EveryStatementIsDeclared_WhenTheInfrastructureAssemblyIsScanned() =>
        Assert.That(Statements().Select(s => ((RawSqlStatement)s.Arguments[0]!).Name), Is.SupersetOf(new[] { nameof(ReminderBatches.CopyToInbox), nameof(ReminderBatches.MarkSent), nameof(DataMigrations.RenameAuditTargetTypes) }));

    [TestCaseSource(nameof(Statements))]
    public void SqlServerFormParses_WhenReadByScriptDom(RawSqlStatement statement)
    {
        // ExecuteSqlRawAsync turns {0}, {1} … into @p0, @p1 …; parse what SQL Server receives.
        var sql = Placeholder().Replace(statement.SqlServer, m => "@p" + m.Groups[1].Value);
        var fragment = new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.That(errors.Select(e => $"line {e.Line}: {e.Message}"), Is.Empty, sql);
        var script = (TSqlScript)fragment;
        Assert.That(script.Batches.SelectMany(b => b.Statements).Count(), Is.EqualTo(1), "one statement per RawSqlStatement");
    }

    [TestCaseSource(nameof(Statements))]
    public void BothFormsUseTheSamePlaceholders_WhenCompared(RawSqlStatement statement)
    {
        static string[] Used(string sql) => Placeholder().Matches(sql).Select(m => m.Value).Distinct().Order().ToArray();
        Assert.That(Used(statement.SqlServer), Is.EqualTo(Used(statement.Sqlite)));
    }

    [Test]
    public void NoRawSqlIsRun_WhenTheSourceOutsideRawSqlStatementIsSearched()
    {
        var root = RepositoryRoot.Path;
        var offenders = new[] { "Api", "Infrastructure" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "RawSqlStatement.cs")
            .Where(f => RawSqlCall().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(root, f));

        // The one exception is SQLite's journal mode, a connection setting with no SQL Server counterpart.
        Assert.That(offenders, Is.EquivalentTo(new[] { Path.Combine("Infrastructure", "Persistence", "DatabaseInitializer.cs") }));
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b(ExecuteSqlRaw|ExecuteSqlInterpolated|ExecuteSql|SqlQueryRaw|SqlQuery|FromSqlRaw|FromSqlInterpolated|FromSql)(Async)?\s*[<(]")]
    private static partial Regex RawSqlCall();
}
