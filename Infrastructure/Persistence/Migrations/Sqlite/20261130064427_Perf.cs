using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Perf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_GeneralBranchId",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_Notices_UnitId_Status",
                table: "Notices");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_GeneralBranchId_Visibility_Status",
                table: "Notices",
                columns: new[] { "GeneralBranchId", "Visibility", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_UnitId_Status_PublishedAt",
                table: "Notices",
                columns: new[] { "UnitId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeRecipients_MemberId_NoticeId",
                table: "NoticeRecipients",
                columns: new[] { "MemberId", "NoticeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_GeneralBranchId_Visibility_Status",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_Notices_UnitId_Status_PublishedAt",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_NoticeRecipients_MemberId_NoticeId",
                table: "NoticeRecipients");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_GeneralBranchId",
                table: "Notices",
                column: "GeneralBranchId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_UnitId_Status",
                table: "Notices",
                columns: new[] { "UnitId", "Status" });
        }
    }
}
