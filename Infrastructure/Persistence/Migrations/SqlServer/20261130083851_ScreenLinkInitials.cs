using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScreenLinkInitials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "InitialsOnly",
                table: "ScreenLinks",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InitialsOnly",
                table: "ScreenLinks");
        }
    }
}
