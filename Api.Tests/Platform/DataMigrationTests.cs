using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>Migrations that move data, run on SQLite from the migration before them with rows in the old shape.</summary>
public sealed class DataMigrationTests
{
    private string _path = null!;

    [SetUp]
    public void CreatePath() => _path = Path.Combine(Path.GetTempPath(), $"smartbranch-datamigration-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Test]
    public async Task AuditTargetTypesUseTheOneVocabulary_WhenMigratedPastSubjectVocabulary()
    {
        await using var db = Context();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before("SubjectVocabulary"));
        string[] old = ["Member", "Appointment", "Invitation", "Unit", "meeting-cadence", "notice", "story"];
        foreach (var type in old)
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "AuditLog" ("ActorMemberId", "UnitId", "Action", "TargetType", "TargetId", "Summary", "At") VALUES (1, 1, 'test', {type}, 1, 'old row', 0)""");
        }

        await migrator.MigrateAsync();

        var stored = await db.AuditLog.OrderBy(a => a.Id).Select(a => a.TargetType).ToListAsync();
        Assert.That(stored, Is.EqualTo(new[]
        {
            SubjectTypes.Member, SubjectTypes.Appointment, SubjectTypes.Invitation, SubjectTypes.Unit, SubjectTypes.MeetingCadence, SubjectTypes.Notice, SubjectTypes.Story,
        }));
    }

    private SqliteAppDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_path};Foreign Keys=False").Options);

    /// <summary>The id of the migration just before the one named <paramref name="name"/>.</summary>
    private static string Before(string name)
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var ids = db.Database.GetMigrations().ToList();
        var index = ids.FindIndex(id => id.EndsWith("_" + name, StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThan(0), $"migration {name}");
        return ids[index - 1];
    }
}
