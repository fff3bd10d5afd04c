using System.Text.Json;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// The reminder dispatcher's batch writes: one statement per batch instead of one per row, which is what
/// lets a dispatcher keep up with WeChat (a batch is hundreds of reminders). The ids travel as one JSON
/// parameter, read with <c>json_each</c> (SQLite) or <c>OPENJSON</c> (SQL Server).
/// </summary>
public static class ReminderBatches
{
    /// <summary>Copies reminders into their recipients' inboxes (a member's or a person in development's): what <see cref="Reminder.ToInbox"/> builds for one. {0} ids (JSON array), {1} the time.</summary>
    public static readonly RawSqlStatement CopyToInbox = new(
        nameof(CopyToInbox),
        Sqlite: """
            INSERT INTO "InboxMessages" ("MemberId", "ApplicantId", "Title", "Body", "SubjectType", "SubjectId", "Link", "CreatedAt")
            SELECT "MemberId", "ApplicantId", "Title", "Body", "SubjectType", "SubjectId", "Page", {1}
            FROM "Reminders"
            WHERE "Id" IN (SELECT "value" FROM json_each({0}))
            ORDER BY "Id"
            """,
        SqlServer: """
            INSERT INTO [InboxMessages] ([MemberId], [ApplicantId], [Title], [Body], [SubjectType], [SubjectId], [Link], [CreatedAt])
            SELECT [MemberId], [ApplicantId], [Title], [Body], [SubjectType], [SubjectId], [Page], {1}
            FROM [Reminders]
            WHERE [Id] IN (SELECT CAST([value] AS bigint) FROM OPENJSON({0}))
            ORDER BY [Id]
            """);

    /// <summary>
    /// Writes what <see cref="Reminder.MarkSent"/>, <see cref="Reminder.MarkInInbox"/> and
    /// <see cref="Reminder.ReleaseLease"/> do to a sent reminder. {0} <c>[{"id":…,"msgId":"…"}]</c>, {1} the time.
    /// </summary>
    public static readonly RawSqlStatement MarkSent = new(
        nameof(MarkSent),
        Sqlite: """
            UPDATE "Reminders"
            SET "Status" = 'Sent', "Attempts" = "Attempts" + 1, "SentAt" = {1}, "LastError" = NULL,
                "LeaseOwner" = NULL, "LeaseUntil" = NULL, "InInbox" = 1, "WeChatMsgId" = "sent"."MsgId"
            FROM (SELECT json_extract("value", '$.id') AS "Id", json_extract("value", '$.msgId') AS "MsgId" FROM json_each({0})) AS "sent"
            WHERE "Reminders"."Id" = "sent"."Id"
            """,
        SqlServer: """
            UPDATE [r]
            SET [Status] = N'Sent', [Attempts] = [r].[Attempts] + 1, [SentAt] = {1}, [LastError] = NULL,
                [LeaseOwner] = NULL, [LeaseUntil] = NULL, [InInbox] = 1, [WeChatMsgId] = [sent].[MsgId]
            FROM [Reminders] AS [r]
            INNER JOIN OPENJSON({0}) WITH ([Id] bigint '$.id', [MsgId] nvarchar(32) '$.msgId') AS [sent] ON [sent].[Id] = [r].[Id]
            """);

    /// <summary>Puts the reminders <paramref name="reminderIds"/> in their recipients' inboxes, dated <paramref name="now"/>.</summary>
    public static Task<int> CopyToInboxAsync(AppDbContext db, IReadOnlyCollection<long> reminderIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        reminderIds.Count == 0
            ? Task.FromResult(0)
            : CopyToInbox.ExecuteAsync(db, [JsonSerializer.Serialize(reminderIds), Time(db, now)], cancellationToken);

    /// <summary>
    /// Saves the sent state of <paramref name="sent"/> (each reminder's id and WeChat's msgid) in one UPDATE. The
    /// dispatcher loads its batch without tracking, so nothing else writes these rows.
    /// </summary>
    public static Task<int> MarkSentAsync(AppDbContext db, IReadOnlyCollection<SentRow> sent, DateTimeOffset now, CancellationToken cancellationToken) =>
        sent.Count == 0
            ? Task.FromResult(0)
            : MarkSent.ExecuteAsync(db, [JsonSerializer.Serialize(sent, JsonSerializerOptions.Web), Time(db, now)], cancellationToken);

    /// <summary>SQLite keeps DateTimeOffset as UTC ticks (<see cref="SqliteAppDbContext"/>); SQL Server as datetimeoffset.</summary>
    private static object Time(AppDbContext db, DateTimeOffset value) => db.Database.IsSqlite() ? value.UtcTicks : value;

    /// <summary>A sent reminder and WeChat's msgid for it (serialised as <c>{"id":…,"msgId":"…"}</c>).</summary>
    public sealed record SentRow(long Id, string? MsgId);
}
