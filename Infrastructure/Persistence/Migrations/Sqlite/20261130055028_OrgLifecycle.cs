using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrgLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArchivedBecause",
                table: "Members",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ArchivedOn",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProbationExtendedTo",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RevokedAt",
                table: "Invitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MemberStatusEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedByMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberStatusEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberStatusEvents_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberStatusEvents_Members_RecordedByMemberId",
                        column: x => x.RecordedByMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberStatusEvents_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberStatusEvents_Units_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Transfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromBranchId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToBranchId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromOrganization = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ToOrganization = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DuesPaidUpTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestedByMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedByMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LetterIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProtectedIdNumber = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ReceiptOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReceiptNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StatusOnLetter = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Transfers_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Transfers_Units_FromBranchId",
                        column: x => x.FromBranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Transfers_Units_ToBranchId",
                        column: x => x.ToBranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemberStatusEvents_BranchId",
                table: "MemberStatusEvents",
                column: "BranchId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberStatusEvents_MemberId_OccurredOn",
                table: "MemberStatusEvents",
                columns: new[] { "MemberId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberStatusEvents_RecordedByMemberId",
                table: "MemberStatusEvents",
                column: "RecordedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberStatusEvents_ResolutionId",
                table: "MemberStatusEvents",
                column: "ResolutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_FromBranchId",
                table: "Transfers",
                column: "FromBranchId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_MemberId_State",
                table: "Transfers",
                columns: new[] { "MemberId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_State_ValidUntil",
                table: "Transfers",
                columns: new[] { "State", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_ToBranchId",
                table: "Transfers",
                column: "ToBranchId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_VerificationCode",
                table: "Transfers",
                column: "VerificationCode",
                unique: true,
                filter: "[VerificationCode] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberStatusEvents");

            migrationBuilder.DropTable(
                name: "Transfers");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ArchivedBecause",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ArchivedOn",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ProbationExtendedTo",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "Invitations");
        }
    }
}
