using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReminderRecipients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubscriptionQuotas_MemberId_TemplateId",
                table: "SubscriptionQuotas");

            migrationBuilder.DropIndex(
                name: "IX_Reminders_SubjectType_SubjectId_Slot_MemberId",
                table: "Reminders");

            migrationBuilder.AlterColumn<int>(
                name: "MemberId",
                table: "SubscriptionQuotas",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<int>(
                name: "ApplicantId",
                table: "SubscriptionQuotas",
                type: "int",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "MemberId",
                table: "Reminders",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<int>(
                name: "ApplicantId",
                table: "Reminders",
                type: "int",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "MemberId",
                table: "InboxMessages",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<int>(
                name: "ApplicantId",
                table: "InboxMessages",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubscriptionQuotas_ApplicantId_TemplateId",
                table: "SubscriptionQuotas",
                columns: new[] { "ApplicantId", "TemplateId" },
                unique: true,
                filter: "[ApplicantId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SubscriptionQuotas_MemberId_TemplateId",
                table: "SubscriptionQuotas",
                columns: new[] { "MemberId", "TemplateId" },
                unique: true,
                filter: "[MemberId] IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SubscriptionQuotas_Recipient",
                table: "SubscriptionQuotas",
                sql: "([MemberId] IS NOT NULL AND [ApplicantId] IS NULL) OR ([MemberId] IS NULL AND [ApplicantId] IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_ApplicantId",
                table: "Reminders",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_SubjectType_SubjectId_Slot_ApplicantId",
                table: "Reminders",
                columns: new[] { "SubjectType", "SubjectId", "Slot", "ApplicantId" },
                unique: true,
                filter: "[ApplicantId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_SubjectType_SubjectId_Slot_MemberId",
                table: "Reminders",
                columns: new[] { "SubjectType", "SubjectId", "Slot", "MemberId" },
                unique: true,
                filter: "[MemberId] IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Reminders_Recipient",
                table: "Reminders",
                sql: "([MemberId] IS NOT NULL AND [ApplicantId] IS NULL) OR ([MemberId] IS NULL AND [ApplicantId] IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ApplicantId_Id",
                table: "InboxMessages",
                columns: new[] { "ApplicantId", "Id" },
                filter: "[ApplicantId] IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_InboxMessages_Recipient",
                table: "InboxMessages",
                sql: "([MemberId] IS NOT NULL AND [ApplicantId] IS NULL) OR ([MemberId] IS NULL AND [ApplicantId] IS NOT NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_InboxMessages_DevelopmentRecords_ApplicantId",
                table: "InboxMessages",
                column: "ApplicantId",
                principalTable: "DevelopmentRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Reminders_DevelopmentRecords_ApplicantId",
                table: "Reminders",
                column: "ApplicantId",
                principalTable: "DevelopmentRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SubscriptionQuotas_DevelopmentRecords_ApplicantId",
                table: "SubscriptionQuotas",
                column: "ApplicantId",
                principalTable: "DevelopmentRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_InboxMessages_DevelopmentRecords_ApplicantId",
                table: "InboxMessages");

            migrationBuilder.DropForeignKey(
                name: "FK_Reminders_DevelopmentRecords_ApplicantId",
                table: "Reminders");

            migrationBuilder.DropForeignKey(
                name: "FK_SubscriptionQuotas_DevelopmentRecords_ApplicantId",
                table: "SubscriptionQuotas");

            migrationBuilder.DropIndex(
                name: "IX_SubscriptionQuotas_ApplicantId_TemplateId",
                table: "SubscriptionQuotas");

            migrationBuilder.DropIndex(
                name: "IX_SubscriptionQuotas_MemberId_TemplateId",
                table: "SubscriptionQuotas");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SubscriptionQuotas_Recipient",
                table: "SubscriptionQuotas");

            migrationBuilder.DropIndex(
                name: "IX_Reminders_ApplicantId",
                table: "Reminders");

            migrationBuilder.DropIndex(
                name: "IX_Reminders_SubjectType_SubjectId_Slot_ApplicantId",
                table: "Reminders");

            migrationBuilder.DropIndex(
                name: "IX_Reminders_SubjectType_SubjectId_Slot_MemberId",
                table: "Reminders");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Reminders_Recipient",
                table: "Reminders");

            migrationBuilder.DropIndex(
                name: "IX_InboxMessages_ApplicantId_Id",
                table: "InboxMessages");

            migrationBuilder.DropCheckConstraint(
                name: "CK_InboxMessages_Recipient",
                table: "InboxMessages");

            migrationBuilder.DropColumn(
                name: "ApplicantId",
                table: "SubscriptionQuotas");

            migrationBuilder.DropColumn(
                name: "ApplicantId",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "ApplicantId",
                table: "InboxMessages");

            migrationBuilder.AlterColumn<int>(
                name: "MemberId",
                table: "SubscriptionQuotas",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "MemberId",
                table: "Reminders",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "MemberId",
                table: "InboxMessages",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubscriptionQuotas_MemberId_TemplateId",
                table: "SubscriptionQuotas",
                columns: new[] { "MemberId", "TemplateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_SubjectType_SubjectId_Slot_MemberId",
                table: "Reminders",
                columns: new[] { "SubjectType", "SubjectId", "Slot", "MemberId" },
                unique: true);
        }
    }
}
