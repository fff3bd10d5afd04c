using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SubjectVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DataMigrations.RenameAuditTargetTypes.SqlServer);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DataMigrations.RestoreAuditTargetTypes.SqlServer);
        }
    }
}
