using Microsoft.EntityFrameworkCore.Metadata;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// SQL Server column types and indexes, as the SQL Server migrations create them, are what the model
/// means: checked over every entity so new features are covered without touching this file.
/// </summary>
public sealed class SqlServerMappingTests
{
    [Test]
    public void EveryColumnHasTheStoreTypeItsPropertyImplies()
    {
        using var db = MigrationModels.SqlServerContext();
        var migrated = MigrationModels.Migrated(db);
        var mismatches = new List<string>();
        var checkedColumns = 0;

        foreach (var property in MigrationModels.Intended(db).GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            foreach (var mapping in property.GetTableColumnMappings())
            {
                var table = mapping.TableMapping.Table;
                var column = migrated.FindTable(table.Name, table.Schema)?.FindColumn(mapping.Column.Name);
                var expected = ExpectedStoreType(property);
                if (column is null)
                {
                    mismatches.Add($"{table.Name}.{mapping.Column.Name}: not created by the SQL Server migrations");
                }
                else if (expected is not null && !string.Equals(column.StoreType, expected, StringComparison.OrdinalIgnoreCase))
                {
                    mismatches.Add($"{table.Name}.{column.Name}: {column.StoreType}, expected {expected}");
                }

                checkedColumns += expected is null ? 0 : 1;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(checkedColumns, Is.GreaterThan(10), "no columns were checked");
            Assert.That(mismatches, Is.Empty);
        });
    }

    [Test]
    public void EveryDecimalHasExplicitPrecision()
    {
        using var db = MigrationModels.SqlServerContext();

        var unspecified = MigrationModels.Intended(db).GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal) && p.GetColumnType() is null && p.GetPrecision() is null)
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}");

        Assert.That(unspecified, Is.Empty, "SQL Server would silently use decimal(18,2); say HasPrecision(p, s)");
    }

    [Test]
    public void UniqueIndexesOverNullableColumnsAreFilteredOnSqlServer()
    {
        using var db = MigrationModels.SqlServerContext();
        var indexes = MigrationModels.Migrated(db).Tables.SelectMany(t => t.Indexes).ToList();

        // SQL Server lets a unique index hold one NULL only; unbound members (OpenId NULL) must not collide.
        var unfiltered = indexes
            .Where(i => i.IsUnique)
            .SelectMany(i => i.Columns.Where(c => c.IsNullable).Select(c => (Index: i, Column: c)))
            .Where(x => x.Index.Filter?.Contains($"[{x.Column.Name}] IS NOT NULL", StringComparison.OrdinalIgnoreCase) != true)
            .Select(x => $"{x.Index.Name} on {x.Index.Table.Name}: no filter \"[{x.Column.Name}] IS NOT NULL\"");
        var openId = indexes.SingleOrDefault(i => i.Table.Name == "Members" && i.Columns.Select(c => c.Name).SequenceEqual(["OpenId"]));

        Assert.Multiple(() =>
        {
            Assert.That(unfiltered, Is.Empty);
            Assert.That(openId?.IsUnique, Is.True, "Members.OpenId must be unique");
            Assert.That(openId?.Filter, Is.EqualTo("[OpenId] IS NOT NULL"));
        });
    }

    /// <summary>What the SQL Server migrations should produce for the property; null when this test has no opinion.</summary>
    private static string? ExpectedStoreType(IProperty property)
    {
        if (property.GetColumnType() is { } configured)
        {
            return configured;
        }

        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var maxLength = property.GetMaxLength();
        if (type == typeof(byte[]) && property.IsConcurrencyToken && property.ValueGenerated == ValueGenerated.OnAddOrUpdate)
        {
            return "rowversion";
        }

        var length = maxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "max";
        if (type.IsEnum)
        {
            // Stored by name (AppDbContext conventions) so the database reads without the code.
            return $"nvarchar({length})";
        }

        if (type == typeof(string))
        {
            var kind = (property.IsUnicode() == false ? string.Empty : "n") + (property.IsFixedLength() == true ? "char" : "varchar");
            return $"{kind}({length})";
        }

        return type switch
        {
            _ when type == typeof(DateTimeOffset) => "datetimeoffset",
            _ when type == typeof(DateTime) => "datetime2",
            _ when type == typeof(DateOnly) => "date",
            _ when type == typeof(TimeOnly) => "time",
            _ when type == typeof(int) => "int",
            _ when type == typeof(long) => "bigint",
            _ when type == typeof(short) => "smallint",
            _ when type == typeof(bool) => "bit",
            _ when type == typeof(Guid) => "uniqueidentifier",
            _ when type == typeof(double) => "float",
            _ when type == typeof(decimal) && property.GetPrecision() is { } precision => $"decimal({precision},{property.GetScale() ?? 0})",
            _ when type == typeof(byte[]) => $"varbinary({length})",
            _ => null,
        };
    }
}
