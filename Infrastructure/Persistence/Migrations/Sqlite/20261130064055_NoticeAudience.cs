using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeAudience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NoticeAudience",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeAudience", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeAudience_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeAudience_MemberId",
                table: "NoticeAudience",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeAudience_NoticeId",
                table: "NoticeAudience",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeAudience_UnitId",
                table: "NoticeAudience",
                column: "UnitId");

            // Data: the comma-joined audiences become rows before their columns go (DataMigrations.cs).
            migrationBuilder.Sql(DataMigrations.NoticeAudienceToRows.Sqlite);

            migrationBuilder.DropColumn(
                name: "AudienceMembers",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "AudienceUnits",
                table: "Notices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AudienceMembers",
                table: "Notices",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AudienceUnits",
                table: "Notices",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(DataMigrations.NoticeAudienceToText.Sqlite);

            migrationBuilder.DropTable(
                name: "NoticeAudience");
        }
    }
}
