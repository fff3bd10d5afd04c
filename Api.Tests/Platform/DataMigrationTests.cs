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

    [Test]
    public async Task NoticeAudiencesBecomeRows_WhenMigratedPastNoticeAudience()
    {
        await using var db = Context();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before("NoticeAudience"));
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Notices" ("Id", "UnitId", "GeneralBranchId", "AuthorMemberId", "Title", "Body", "Visibility", "RequiresAck", "Pinned", "Status", "AudienceUnits", "AudienceMembers", "CreatedAt", "Version")
            VALUES (1, 2, 1, 5, 'units and members', '<p>x</p>', 'Internal', 0, 0, 'Published', '2,4', '7,9', 0, 1),
                   (2, 2, 1, 5, 'members only', '<p>x</p>', 'Internal', 0, 0, 'Published', '', '8', 0, 1)
            """);

        await migrator.MigrateAsync();

        var notices = await db.Notices.OrderBy(n => n.Id).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(notices[0].Audience.UnitIds, Is.EquivalentTo(new[] { 2, 4 }));
            Assert.That(notices[0].Audience.MemberIds, Is.EquivalentTo(new[] { 7, 9 }));
            Assert.That(notices[1].Audience.UnitIds, Is.Empty);
            Assert.That(notices[1].Audience.MemberIds, Is.EqualTo(new[] { 8 }));
        });
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
