using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ComplianceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Meetings_BranchId_Status_StartsAt",
                table: "Meetings",
                columns: new[] { "BranchId", "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_UnitId_Status_StartsAt_IsThemedPartyDay",
                table: "Activities",
                columns: new[] { "UnitId", "Status", "StartsAt", "IsThemedPartyDay" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Meetings_BranchId_Status_StartsAt",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Activities_UnitId_Status_StartsAt_IsThemedPartyDay",
                table: "Activities");
        }
    }
}
