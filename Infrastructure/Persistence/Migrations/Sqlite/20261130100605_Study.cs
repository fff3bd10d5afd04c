using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Study : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StudyAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyAssignments_Members_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyAssignments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyMedia",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploaderMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ChunkSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PosterKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CheckTraceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CheckSuggest = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyMedia", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyMedia_Members_UploaderMemberId",
                        column: x => x.UploaderMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyAssignees",
                columns: table => new
                {
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyAssignees", x => new { x.AssignmentId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_StudyAssignees_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyAssignees_StudyAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "StudyAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyMaterials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    MediaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EstimatedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApprovedById = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyMaterials_Members_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyMaterials_StudyMedia_MediaId",
                        column: x => x.MediaId,
                        principalTable: "StudyMedia",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyMaterials_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyMediaChunks",
                columns: table => new
                {
                    MediaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyMediaChunks", x => new { x.MediaId, x.Index });
                    table.ForeignKey(
                        name: "FK_StudyMediaChunks_StudyMedia_MediaId",
                        column: x => x.MediaId,
                        principalTable: "StudyMedia",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyAssignmentMaterial",
                columns: table => new
                {
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyAssignmentMaterial", x => new { x.AssignmentId, x.MaterialId });
                    table.ForeignKey(
                        name: "FK_StudyAssignmentMaterial_StudyAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "StudyAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StudyAssignmentMaterial_StudyMaterials_MaterialId",
                        column: x => x.MaterialId,
                        principalTable: "StudyMaterials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyProgress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Running = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastReportAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastPosition = table.Column<double>(type: "REAL", nullable: false),
                    ReachedEnd = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyProgress_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyProgress_StudyMaterials_MaterialId",
                        column: x => x.MaterialId,
                        principalTable: "StudyMaterials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StudyAssignees_MemberId",
                table: "StudyAssignees",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyAssignmentMaterial_MaterialId",
                table: "StudyAssignmentMaterial",
                column: "MaterialId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyAssignments_CreatedById",
                table: "StudyAssignments",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_StudyAssignments_UnitId",
                table: "StudyAssignments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyMaterials_AuthorId",
                table: "StudyMaterials",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyMaterials_MediaId",
                table: "StudyMaterials",
                column: "MediaId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyMaterials_UnitId_Status_Id",
                table: "StudyMaterials",
                columns: new[] { "UnitId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyMedia_CheckTraceId",
                table: "StudyMedia",
                column: "CheckTraceId",
                unique: true,
                filter: "[CheckTraceId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StudyMedia_UploaderMemberId",
                table: "StudyMedia",
                column: "UploaderMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyProgress_MaterialId",
                table: "StudyProgress",
                column: "MaterialId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyProgress_MemberId_MaterialId",
                table: "StudyProgress",
                columns: new[] { "MemberId", "MaterialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyProgress_MemberId_Year",
                table: "StudyProgress",
                columns: new[] { "MemberId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StudyAssignees");

            migrationBuilder.DropTable(
                name: "StudyAssignmentMaterial");

            migrationBuilder.DropTable(
                name: "StudyMediaChunks");

            migrationBuilder.DropTable(
                name: "StudyProgress");

            migrationBuilder.DropTable(
                name: "StudyAssignments");

            migrationBuilder.DropTable(
                name: "StudyMaterials");

            migrationBuilder.DropTable(
                name: "StudyMedia");
        }
    }
}
