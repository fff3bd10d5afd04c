using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Bench;

/// <summary>
/// The university-scale data set, written with raw SQL in one transaction into a freshly migrated SQLite
/// database: 10 general branches × 20 branches × 50 members (5 party groups of 10), a secretary and an
/// organisation commissioner per branch, an admin per general branch, 250 notices per branch (a quarter to
/// the whole branch, the rest to one group; every 20th public) with 1,004,000 recipient rows (70 % read),
/// and 12 past meetings per branch. Every member is bound to the emulator's openid of <c>dev-u{id}</c>.
/// </summary>
internal static class UniversityData
{
    private const int GeneralBranches = 10;
    private const int BranchesPerGeneral = 20;
    private const int MembersPerBranch = 50;
    private const int GroupsPerBranch = 5;
    private const int NoticesPerBranch = 250;
    private const int MeetingsPerBranch = 12;
    private const int Branches = GeneralBranches * BranchesPerGeneral;
    private const int FirstBranchUnitId = GeneralBranches + 1;
    private const int FirstGroupUnitId = FirstBranchUnitId + Branches;

    /// <summary>The general branch the admin manages and the sign-up storm is addressed to.</summary>
    public const int GeneralBranchId = 1;

    /// <summary>A notice of branch 1 to the whole branch (50 recipients).</summary>
    public const int BranchWideNoticeId = NoticesPerBranch - 2;

    /// <summary>Branch 1's secretary.</summary>
    public const string SecretaryCode = "dev-u1";

    /// <summary>The admin of general branch 1 (third member of branch 1).</summary>
    public const string AdminCode = "dev-u3";

    /// <summary>A plain member of branch 1 (group 1).</summary>
    public const string MemberCode = "dev-u10";

    /// <summary>The i-th member of general branch 1 (its 1,000 members), for the sign-up storm.</summary>
    public static string StormMemberCode(int i) => $"dev-u{(i % (BranchesPerGeneral * MembersPerBranch)) + 1}";

    public sealed record Generated(string Summary, TimeSpan Elapsed);

    public static async Task<Generated> GenerateAsync(string databasePath)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var recipients = 0L;

        var unit = Command(connection, transaction, "INSERT INTO Units (Id, Name, Kind, Category, ParentId) VALUES ($p0, $p1, $p2, $p3, $p4)", 5);
        for (var g = 0; g < GeneralBranches; g++)
        {
            Run(unit, g + 1, $"第{g + 1}学院党总支", "GeneralBranch", "None", DBNull.Value);
        }

        for (var b = 0; b < Branches; b++)
        {
            Run(unit, BranchUnit(b), $"第{b / BranchesPerGeneral + 1}学院第{b % BranchesPerGeneral + 1}党支部", "Branch", b % 2 == 0 ? "Teacher" : "Student", b / BranchesPerGeneral + 1);
            for (var p = 0; p < GroupsPerBranch; p++)
            {
                Run(unit, GroupUnit(b, p), $"第{p + 1}党小组", "PartyGroup", "None", BranchUnit(b));
            }
        }

        var member = Command(connection, transaction,
            "INSERT INTO Members (Id, Name, Number, Phone, Status, AdmittedOn, FullSince, BranchId, PartyGroupId, OpenId, BoundAt) VALUES ($p0, $p1, $p2, NULL, $p3, $p4, $p5, $p6, $p7, $p8, $p9)", 10);
        var appointment = Command(connection, transaction, "INSERT INTO Appointments (MemberId, UnitId, Role, StartsOn, EndsOn) VALUES ($p0, $p1, $p2, $p3, $p4)", 5);
        var termStart = today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var termEnd = today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var b = 0; b < Branches; b++)
        {
            for (var k = 0; k < MembersPerBranch; k++)
            {
                var id = MemberId(b, k);
                var probationary = k % 12 == 11;
                Run(member, id, $"党员{id}", $"U{id:D6}", probationary ? "Probationary" : "Full", "2015-06-01", probationary ? DBNull.Value : "2016-06-01",
                    BranchUnit(b), GroupUnit(b, k / (MembersPerBranch / GroupsPerBranch)), WeChatEmulator.OpenIdFor($"u{id}"), now.AddDays(-30).UtcTicks);
            }

            Run(appointment, MemberId(b, 0), BranchUnit(b), "Secretary", termStart, termEnd);
            Run(appointment, MemberId(b, 1), BranchUnit(b), "OrganizationCommissioner", termStart, termEnd);
            if (b % BranchesPerGeneral == 0)
            {
                Run(appointment, MemberId(b, 2), b / BranchesPerGeneral + 1, "GeneralBranchAdmin", termStart, termEnd);
            }
        }

        var notice = Command(connection, transaction,
            "INSERT INTO Notices (Id, UnitId, GeneralBranchId, AuthorMemberId, Title, Body, Visibility, RequiresAck, Pinned, Status, HoldReason, CreatedAt, PublishedAt, ApprovedByMemberId, Version, EditedAt, WithdrawnAt) " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, 'Published', NULL, $p9, $p9, NULL, 1, NULL, NULL)", 10);
        var audience = Command(connection, transaction, "INSERT INTO NoticeAudience (NoticeId, UnitId, MemberId) VALUES ($p0, $p1, NULL)", 2);
        var recipient = Command(connection, transaction, "INSERT INTO NoticeRecipients (NoticeId, MemberId, FirstReadAt, AckedAt) VALUES ($p0, $p1, $p2, $p3)", 4);
        for (var b = 0; b < Branches; b++)
        {
            for (var n = 0; n < NoticesPerBranch; n++)
            {
                var id = b * NoticesPerBranch + n + 1;
                var wholeBranch = n % 4 == 0 || id == BranchWideNoticeId;
                var group = n % GroupsPerBranch;
                var requiresAck = n % 3 == 0;
                var published = now.AddHours(-2 * (NoticesPerBranch - n));
                Run(notice, id, BranchUnit(b), b / BranchesPerGeneral + 1, MemberId(b, 0), $"第{n + 1}号通知：关于开展专题学习的安排",
                    $"<p>各位党员：请按照支部安排完成第{n + 1}期专题学习，并在规定时间内提交学习心得。学习材料见附件，如有疑问请联系支部组织委员。</p>",
                    n % 20 == 1 ? "Public" : "Internal", requiresAck ? 1 : 0, n == NoticesPerBranch - 1 ? 1 : 0, published.UtcTicks);
                Run(audience, id, wholeBranch ? BranchUnit(b) : GroupUnit(b, group));
                var first = wholeBranch ? 0 : group * (MembersPerBranch / GroupsPerBranch);
                var count = wholeBranch ? MembersPerBranch : MembersPerBranch / GroupsPerBranch;
                for (var k = first; k < first + count; k++)
                {
                    var roll = (id * 31 + k * 17) % 10;
                    var read = roll < 7 && n < NoticesPerBranch - 3;
                    Run(recipient, id, MemberId(b, k), read ? published.AddHours(1).UtcTicks : DBNull.Value,
                        read && requiresAck && roll < 4 ? published.AddHours(2).UtcTicks : DBNull.Value);
                    recipients++;
                }
            }
        }

        var meeting = Command(connection, transaction,
            "INSERT INTO Meetings (Type, BranchId, UnitId, Topic, StartsAt, EndsAt, Place, OnlineLink, ConvenerId, RecorderId, Agenda, Visibility, Status, CancelReason, CancelledAt, CheckInSecret, CreatedById, CreatedAt, UpdatedAt, Sequence) " +
            "VALUES ($p0, $p1, $p1, $p2, $p3, $p4, '党员活动室', NULL, $p5, NULL, NULL, 'Internal', 'Scheduled', NULL, NULL, $p6, $p5, $p3, $p3, 0)", 7);
        string[] types = ["BranchGeneralMeeting", "CommitteeMeeting", "PartyLesson", "ThemedPartyDay"];
        for (var b = 0; b < Branches; b++)
        {
            for (var m = 0; m < MeetingsPerBranch; m++)
            {
                var starts = now.AddDays(-30 * (m + 1));
                Run(meeting, types[m % types.Length], BranchUnit(b), $"第{m + 1}次组织生活", starts.UtcTicks, starts.AddHours(2).UtcTicks, MemberId(b, 0), Convert.ToHexString(Guid.NewGuid().ToByteArray()));
            }
        }

        await transaction.CommitAsync();
        watch.Stop();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{GeneralBranches} general branches, {Branches} branches, {Branches * GroupsPerBranch} party groups, {Branches * MembersPerBranch:N0} members, {Branches * NoticesPerBranch:N0} notices, {recipients:N0} recipient rows, {Branches * MeetingsPerBranch:N0} meetings");
        return new Generated(summary, watch.Elapsed);
    }

    private static int BranchUnit(int branch) => FirstBranchUnitId + branch;

    private static int GroupUnit(int branch, int group) => FirstGroupUnitId + branch * GroupsPerBranch + group;

    private static int MemberId(int branch, int index) => branch * MembersPerBranch + index + 1;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
