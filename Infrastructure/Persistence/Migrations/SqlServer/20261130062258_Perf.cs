using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Perf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_UnitId_Status",
                table: "Notices");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_UnitId_Status_PublishedAt",
                table: "Notices",
                columns: new[] { "UnitId", "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_UnitId_Status_PublishedAt",
                table: "Notices");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_UnitId_Status",
                table: "Notices",
                columns: new[] { "UnitId", "Status" });
        }
    }
}
