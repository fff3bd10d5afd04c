using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SmartBranch.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Development : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DevelopmentRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BranchId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    BoundAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    MemberId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentRecords_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentRecords_Units_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentRules",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Value = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentRules", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RecordId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ResolutionId = table.Column<int>(type: "int", nullable: true),
                    TrainingDays = table.Column<int>(type: "int", nullable: true),
                    TrainingHours = table.Column<int>(type: "int", nullable: true),
                    ExtensionMonths = table.Column<int>(type: "int", nullable: true),
                    RecordedByMemberId = table.Column<int>(type: "int", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentSteps_DevelopmentRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "DevelopmentRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DevelopmentSteps_Members_RecordedByMemberId",
                        column: x => x.RecordedByMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentSteps_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Publicities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RecordId = table.Column<int>(type: "int", nullable: false),
                    BranchId = table.Column<int>(type: "int", nullable: false),
                    Before = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkingDays = table.Column<int>(type: "int", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedByMemberId = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Publicities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Publicities_DevelopmentRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "DevelopmentRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Publicities_Members_CreatedByMemberId",
                        column: x => x.CreatedByMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Publicities_Units_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentStepPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    StepId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentStepPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentStepPeople_DevelopmentSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "DevelopmentSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DevelopmentStepPeople_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicityObjections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PublicityId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    FromMemberId = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicityObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicityObjections_Members_FromMemberId",
                        column: x => x.FromMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicityObjections_Publicities_PublicityId",
                        column: x => x.PublicityId,
                        principalTable: "Publicities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "DevelopmentRules",
                columns: new[] { "Key", "Description", "Value" },
                values: new object[,]
                {
                    { "ActivistMinMonths", "入党积极分子培养至少（月）后方可确定为发展对象", 12 },
                    { "ExtensionMaxCount", "预备期可延长次数", 1 },
                    { "ExtensionMaxMonths", "延长预备期至多（月）", 12 },
                    { "ExtensionMinMonths", "延长预备期至少（月）", 6 },
                    { "FirstTalkWithinMonths", "收到入党申请后谈话期限（月）", 1 },
                    { "MinAgeYears", "递交入党申请时年满（周岁）", 18 },
                    { "ObservationMonths", "培养考察记录周期（月）", 6 },
                    { "ProbationMonths", "预备期（月），自支部大会通过之日起", 12 },
                    { "PublicityWorkingDays", "公示期（工作日）", 5 },
                    { "ThoughtReportMonths", "思想汇报周期（月）", 3 },
                    { "TrainingMinDays", "发展对象集中培训至少（天）", 3 },
                    { "TrainingMinHours", "或集中培训至少（学时）", 24 },
                    { "UpperApprovalWithinMonths", "支部大会通过后上级党委审批期限（月）", 3 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentRecords_BranchId_Number",
                table: "DevelopmentRecords",
                columns: new[] { "BranchId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentRecords_MemberId",
                table: "DevelopmentRecords",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentRecords_OpenId",
                table: "DevelopmentRecords",
                column: "OpenId",
                unique: true,
                filter: "[OpenId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentStepPeople_MemberId",
                table: "DevelopmentStepPeople",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentStepPeople_StepId",
                table: "DevelopmentStepPeople",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentSteps_RecordedByMemberId",
                table: "DevelopmentSteps",
                column: "RecordedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentSteps_RecordId_Kind",
                table: "DevelopmentSteps",
                columns: new[] { "RecordId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentSteps_ResolutionId",
                table: "DevelopmentSteps",
                column: "ResolutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Publicities_BranchId_EndsOn",
                table: "Publicities",
                columns: new[] { "BranchId", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Publicities_CreatedByMemberId",
                table: "Publicities",
                column: "CreatedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Publicities_RecordId_Before",
                table: "Publicities",
                columns: new[] { "RecordId", "Before" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicityObjections_FromMemberId",
                table: "PublicityObjections",
                column: "FromMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicityObjections_PublicityId",
                table: "PublicityObjections",
                column: "PublicityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DevelopmentRules");

            migrationBuilder.DropTable(
                name: "DevelopmentStepPeople");

            migrationBuilder.DropTable(
                name: "PublicityObjections");

            migrationBuilder.DropTable(
                name: "DevelopmentSteps");

            migrationBuilder.DropTable(
                name: "Publicities");

            migrationBuilder.DropTable(
                name: "DevelopmentRecords");
        }
    }
}
