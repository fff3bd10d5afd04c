using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DuesBaseOwedFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OwedFrom",
                table: "DuesBases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Bases stored before OwedFrom existed were owed from January, as the bills already made say.
            migrationBuilder.Sql("UPDATE \"DuesBases\" SET \"OwedFrom\" = \"Year\" * 100 + 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OwedFrom",
                table: "DuesBases");
        }
    }
}
