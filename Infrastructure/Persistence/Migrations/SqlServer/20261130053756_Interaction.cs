using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Interaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppraisalRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BranchId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedByMemberId = table.Column<int>(type: "int", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalRounds_Members_OpenedByMemberId",
                        column: x => x.OpenedByMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppraisalRounds_Units_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MailboxMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AuthorMemberId = table.Column<int>(type: "int", nullable: false),
                    BranchId = table.Column<int>(type: "int", nullable: false),
                    GeneralBranchId = table.Column<int>(type: "int", nullable: false),
                    Addressee = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ImageIds = table.Column<string>(type: "nvarchar(240)", maxLength: 240, nullable: false),
                    IsAnonymous = table.Column<bool>(type: "bit", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ReplyDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EscalateAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    FirstAnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FirstAnsweredOnTime = table.Column<bool>(type: "bit", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailboxMessages_Members_AuthorMemberId",
                        column: x => x.AuthorMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MailboxMessages_Units_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MailboxMessages_Units_GeneralBranchId",
                        column: x => x.GeneralBranchId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MessageWalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TargetKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TargetId = table.Column<int>(type: "int", nullable: false),
                    OwnerUnitId = table.Column<int>(type: "int", nullable: false),
                    RequiresApproval = table.Column<bool>(type: "bit", nullable: false),
                    OpenedByMemberId = table.Column<int>(type: "int", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageWalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageWalls_Members_OpenedByMemberId",
                        column: x => x.OpenedByMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MessageWalls_Units_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Polls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TargetKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TargetId = table.Column<int>(type: "int", nullable: false),
                    OwnerUnitId = table.Column<int>(type: "int", nullable: false),
                    Question = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MultipleChoice = table.Column<bool>(type: "bit", nullable: false),
                    IsAnonymous = table.Column<bool>(type: "bit", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedByMemberId = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Polls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Polls_Members_CreatedByMemberId",
                        column: x => x.CreatedByMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Polls_Units_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalVoters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    HasVoted = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalVoters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalVoters_AppraisalRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AppraisalRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppraisalVoters_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppraisedMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    SelfAppraisal = table.Column<string>(type: "nvarchar(3000)", maxLength: 3000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisedMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisedMembers_AppraisalRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AppraisalRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppraisedMembers_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    AppraisedMemberId = table.Column<int>(type: "int", nullable: false),
                    Grade = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ballots_AppraisalRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AppraisalRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Ballots_Members_AppraisedMemberId",
                        column: x => x.AppraisedMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MailboxReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MessageId = table.Column<int>(type: "int", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    AnsweredByMemberId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    OnTime = table.Column<bool>(type: "bit", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailboxReplies_MailboxMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "MailboxMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MailboxReplies_Members_AnsweredByMemberId",
                        column: x => x.AnsweredByMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WallMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WallId = table.Column<int>(type: "int", nullable: false),
                    AuthorMemberId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(140)", maxLength: 140, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedByMemberId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WallMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WallMessages_Members_AuthorMemberId",
                        column: x => x.AuthorMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WallMessages_MessageWalls_WallId",
                        column: x => x.WallId,
                        principalTable: "MessageWalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollOption",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PollId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollOption", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollOption_Polls_PollId",
                        column: x => x.PollId,
                        principalTable: "Polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PollId = table.Column<int>(type: "int", nullable: false),
                    OptionId = table.Column<int>(type: "int", nullable: false),
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    VotedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollVotes_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PollVotes_PollOption_OptionId",
                        column: x => x.OptionId,
                        principalTable: "PollOption",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PollVotes_Polls_PollId",
                        column: x => x.PollId,
                        principalTable: "Polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalRounds_BranchId_OpenedAt",
                table: "AppraisalRounds",
                columns: new[] { "BranchId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalRounds_OpenedByMemberId",
                table: "AppraisalRounds",
                column: "OpenedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalVoters_MemberId",
                table: "AppraisalVoters",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalVoters_RoundId_MemberId",
                table: "AppraisalVoters",
                columns: new[] { "RoundId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppraisedMembers_MemberId",
                table: "AppraisedMembers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisedMembers_RoundId_MemberId",
                table: "AppraisedMembers",
                columns: new[] { "RoundId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_AppraisedMemberId",
                table: "Ballots",
                column: "AppraisedMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_RoundId_AppraisedMemberId",
                table: "Ballots",
                columns: new[] { "RoundId", "AppraisedMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxMessages_AuthorMemberId_SentAt",
                table: "MailboxMessages",
                columns: new[] { "AuthorMemberId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxMessages_BranchId_Addressee_Status",
                table: "MailboxMessages",
                columns: new[] { "BranchId", "Addressee", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxMessages_GeneralBranchId_Status_EscalateAt",
                table: "MailboxMessages",
                columns: new[] { "GeneralBranchId", "Status", "EscalateAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxReplies_AnsweredByMemberId",
                table: "MailboxReplies",
                column: "AnsweredByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MailboxReplies_MessageId",
                table: "MailboxReplies",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageWalls_OpenedByMemberId",
                table: "MessageWalls",
                column: "OpenedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageWalls_OwnerUnitId",
                table: "MessageWalls",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageWalls_TargetKind_TargetId",
                table: "MessageWalls",
                columns: new[] { "TargetKind", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PollOption_PollId",
                table: "PollOption",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_Polls_CreatedByMemberId",
                table: "Polls",
                column: "CreatedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Polls_OwnerUnitId",
                table: "Polls",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Polls_TargetKind_TargetId_CreatedAt",
                table: "Polls",
                columns: new[] { "TargetKind", "TargetId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PollVotes_MemberId",
                table: "PollVotes",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PollVotes_OptionId",
                table: "PollVotes",
                column: "OptionId");

            migrationBuilder.CreateIndex(
                name: "IX_PollVotes_PollId_MemberId_OptionId",
                table: "PollVotes",
                columns: new[] { "PollId", "MemberId", "OptionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WallMessages_AuthorMemberId",
                table: "WallMessages",
                column: "AuthorMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_WallMessages_WallId_Status_DecidedAt",
                table: "WallMessages",
                columns: new[] { "WallId", "Status", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppraisalVoters");

            migrationBuilder.DropTable(
                name: "AppraisedMembers");

            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "MailboxReplies");

            migrationBuilder.DropTable(
                name: "PollVotes");

            migrationBuilder.DropTable(
                name: "WallMessages");

            migrationBuilder.DropTable(
                name: "AppraisalRounds");

            migrationBuilder.DropTable(
                name: "MailboxMessages");

            migrationBuilder.DropTable(
                name: "PollOption");

            migrationBuilder.DropTable(
                name: "MessageWalls");

            migrationBuilder.DropTable(
                name: "Polls");
        }
    }
}
