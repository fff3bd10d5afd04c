namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// Data changes that migrations make besides the schema, in both dialects. The values are written out
/// rather than taken from the Domain constants: a migration must do the same thing forever.
/// </summary>
public static class DataMigrations
{
    /// <summary>SubjectVocabulary, up: audit target types spelled the one way (Domain/Common/SubjectTypes.cs).</summary>
    public static readonly RawSqlStatement RenameAuditTargetTypes = new(
        nameof(RenameAuditTargetTypes),
        Sqlite: """
            UPDATE "AuditLog"
            SET "TargetType" = CASE "TargetType"
                WHEN 'Member' THEN 'member' WHEN 'Appointment' THEN 'appointment' WHEN 'Invitation' THEN 'invitation'
                WHEN 'Unit' THEN 'unit' WHEN 'meeting-cadence' THEN 'meeting_cadence' END
            WHERE "TargetType" IN ('Member', 'Appointment', 'Invitation', 'Unit', 'meeting-cadence')
            """,
        SqlServer: """
            UPDATE [AuditLog]
            SET [TargetType] = CASE [TargetType]
                WHEN N'Member' THEN N'member' WHEN N'Appointment' THEN N'appointment' WHEN N'Invitation' THEN N'invitation'
                WHEN N'Unit' THEN N'unit' WHEN N'meeting-cadence' THEN N'meeting_cadence' END
            WHERE [TargetType] COLLATE Latin1_General_BIN2 IN (N'Member', N'Appointment', N'Invitation', N'Unit', N'meeting-cadence')
            """);

    /// <summary>SubjectVocabulary, down: the spellings before it.</summary>
    public static readonly RawSqlStatement RestoreAuditTargetTypes = new(
        nameof(RestoreAuditTargetTypes),
        Sqlite: """
            UPDATE "AuditLog"
            SET "TargetType" = CASE "TargetType"
                WHEN 'member' THEN 'Member' WHEN 'appointment' THEN 'Appointment' WHEN 'invitation' THEN 'Invitation'
                WHEN 'unit' THEN 'Unit' WHEN 'meeting_cadence' THEN 'meeting-cadence' END
            WHERE "TargetType" IN ('member', 'appointment', 'invitation', 'unit', 'meeting_cadence')
            """,
        SqlServer: """
            UPDATE [AuditLog]
            SET [TargetType] = CASE [TargetType]
                WHEN N'member' THEN N'Member' WHEN N'appointment' THEN N'Appointment' WHEN N'invitation' THEN N'Invitation'
                WHEN N'unit' THEN N'Unit' WHEN N'meeting_cadence' THEN N'meeting-cadence' END
            WHERE [TargetType] COLLATE Latin1_General_BIN2 IN (N'member', N'appointment', N'invitation', N'unit', N'meeting_cadence')
            """);

    /// <summary>NoticeAudience, up: the comma-joined audience columns of Notices become one row per unit or member.</summary>
    public static readonly RawSqlStatement NoticeAudienceToRows = new(
        nameof(NoticeAudienceToRows),
        Sqlite: """
            INSERT INTO "NoticeAudience" ("NoticeId", "UnitId", "MemberId")
            SELECT "n"."Id", CAST("j"."value" AS INTEGER), NULL
            FROM "Notices" AS "n", json_each('[' || "n"."AudienceUnits" || ']') AS "j"
            WHERE "n"."AudienceUnits" <> ''
            UNION ALL
            SELECT "n"."Id", NULL, CAST("j"."value" AS INTEGER)
            FROM "Notices" AS "n", json_each('[' || "n"."AudienceMembers" || ']') AS "j"
            WHERE "n"."AudienceMembers" <> ''
            """,
        SqlServer: """
            INSERT INTO [NoticeAudience] ([NoticeId], [UnitId], [MemberId])
            SELECT [n].[Id], CAST([j].[value] AS int), NULL
            FROM [Notices] AS [n] CROSS APPLY OPENJSON(N'[' + [n].[AudienceUnits] + N']') AS [j]
            WHERE [n].[AudienceUnits] <> N''
            UNION ALL
            SELECT [n].[Id], NULL, CAST([j].[value] AS int)
            FROM [Notices] AS [n] CROSS APPLY OPENJSON(N'[' + [n].[AudienceMembers] + N']') AS [j]
            WHERE [n].[AudienceMembers] <> N''
            """);

    /// <summary>NoticeAudience, down: the rows joined back into the comma-separated columns, ids in order.</summary>
    public static readonly RawSqlStatement NoticeAudienceToText = new(
        nameof(NoticeAudienceToText),
        Sqlite: """
            UPDATE "Notices"
            SET "AudienceUnits" = COALESCE((SELECT group_concat("UnitId", ',') FROM (SELECT "a"."UnitId" FROM "NoticeAudience" AS "a" WHERE "a"."NoticeId" = "Notices"."Id" AND "a"."UnitId" IS NOT NULL ORDER BY "a"."UnitId")), ''),
                "AudienceMembers" = COALESCE((SELECT group_concat("MemberId", ',') FROM (SELECT "a"."MemberId" FROM "NoticeAudience" AS "a" WHERE "a"."NoticeId" = "Notices"."Id" AND "a"."MemberId" IS NOT NULL ORDER BY "a"."MemberId")), '')
            """,
        SqlServer: """
            UPDATE [n]
            SET [AudienceUnits] = COALESCE((SELECT STRING_AGG(CAST([a].[UnitId] AS nvarchar(max)), N',') WITHIN GROUP (ORDER BY [a].[UnitId]) FROM [NoticeAudience] AS [a] WHERE [a].[NoticeId] = [n].[Id] AND [a].[UnitId] IS NOT NULL), N''),
                [AudienceMembers] = COALESCE((SELECT STRING_AGG(CAST([a].[MemberId] AS nvarchar(max)), N',') WITHIN GROUP (ORDER BY [a].[MemberId]) FROM [NoticeAudience] AS [a] WHERE [a].[NoticeId] = [n].[Id] AND [a].[MemberId] IS NOT NULL), N'')
            FROM [Notices] AS [n]
            """);
}
