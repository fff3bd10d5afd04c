using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DuesAccounts",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidUpTo = table.Column<int>(type: "INTEGER", nullable: true),
                    LeftIn = table.Column<int>(type: "INTEGER", nullable: true),
                    ExcuseReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExcusedByMemberId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesAccounts", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_DuesAccounts_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DuesBases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MonthlyBaseFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ReducedMonthlyFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ReductionReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReductionApprovedByMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReductionApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SetByMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesBases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuesBases_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DuesPayments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OutTradeNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Periods = table.Column<string>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ExtraFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PayerOpenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PrepayId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedByMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OutRefundNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StatusBeforeRefund = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RefundReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuesPayments_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DuesPayments_Units_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DuesBills",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PaymentId = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesBills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuesBills_DuesPayments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "DuesPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DuesBills_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DuesBills_Units_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DuesBases_MemberId_Year",
                table: "DuesBases",
                columns: new[] { "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuesBills_BranchId_Period",
                table: "DuesBills",
                columns: new[] { "BranchId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_DuesBills_MemberId_Period",
                table: "DuesBills",
                columns: new[] { "MemberId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuesBills_PaymentId",
                table: "DuesBills",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_BranchId_PaidAt",
                table: "DuesPayments",
                columns: new[] { "BranchId", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_MemberId",
                table: "DuesPayments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_OutTradeNo",
                table: "DuesPayments",
                column: "OutTradeNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_Status_CreatedAt",
                table: "DuesPayments",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuesAccounts");

            migrationBuilder.DropTable(
                name: "DuesBases");

            migrationBuilder.DropTable(
                name: "DuesBills");

            migrationBuilder.DropTable(
                name: "DuesPayments");
        }
    }
}
