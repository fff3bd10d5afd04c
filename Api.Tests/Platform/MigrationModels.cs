using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>The two migration sets as schemas to compare, read without a database server.</summary>
internal static class MigrationModels
{
    public static SqliteAppDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

    public static SqlServerAppDbContext SqlServerContext() => MigrationTests.SqlServerContext();

    /// <summary>The schema the provider's migrations build: its model snapshot, initialised the way the migrator does it.</summary>
    public static IRelationalModel Migrated(DbContext db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model
            ?? throw new AssertionException($"{db.GetType().Name} has no model snapshot: run deploy/migrations.sh <Name>.");
        if (snapshot is IMutableModel mutable)
        {
            snapshot = mutable.FinalizeModel();
        }

        return db.GetService<IModelRuntimeInitializer>().Initialize(snapshot, designTime: true, validationLogger: null).GetRelationalModel();
    }

    /// <summary>The model the code describes today (entity configurations and conventions), for the provider.</summary>
    public static IModel Intended(DbContext db) => db.GetService<IDesignTimeModel>().Model;

    /// <summary>Migration names without their timestamps, in order.</summary>
    public static IReadOnlyList<string> MigrationNames(DbContext db) =>
        db.GetService<IMigrationsAssembly>().Migrations.Keys.Select(id => id[(id.IndexOf('_') + 1)..]).ToList();

    /// <summary>One line per table, column (with nullability), key, foreign key and index: what both providers must agree on.</summary>
    public static IReadOnlyList<string> Describe(IRelationalModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.Add($"table {table.Name}");
            lines.AddRange(table.Columns.Select(c => $"column {table.Name}.{c.Name} {(c.IsNullable ? "null" : "not null")}"));
            if (table.PrimaryKey is { } pk)
            {
                lines.Add($"primary key {table.Name} ({Names(pk.Columns)})");
            }

            lines.AddRange(table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()).Select(u => $"unique {table.Name} ({Names(u.Columns)})"));
            lines.AddRange(table.ForeignKeyConstraints.Select(fk =>
                $"foreign key {table.Name} ({Names(fk.Columns)}) → {fk.PrincipalTable.Name} ({Names(fk.PrincipalColumns)}) on delete {fk.OnDeleteAction}"));
            // Filters are left out: SQL Server gets "[Col] IS NOT NULL" added to unique indexes over nullable
            // columns, which is what SQLite does without one (NULLs are distinct); SqlServerMappingTests checks them.
            lines.AddRange(table.Indexes.Select(i => $"index {table.Name} ({Names(i.Columns)}){(i.IsUnique ? " unique" : string.Empty)}"));
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static string Names(IEnumerable<IColumn> columns) => string.Join(", ", columns.Select(c => c.Name));
}
