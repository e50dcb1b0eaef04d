using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrialAccess.Storage.Recruitment.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recruitment_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recruitment_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recruitment_studies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    RecruitmentStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TargetEndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedSites = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recruitment_studies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recruitment_sites",
                columns: table => new
                {
                    StudyId = table.Column<string>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DelaySource = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DelayNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Invited = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Selected = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Approved = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Confirmed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Opened = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstParticipant = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Closed = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recruitment_sites", x => new { x.StudyId, x.Code });
                    table.ForeignKey(
                        name: "FK_recruitment_sites_recruitment_studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "recruitment_studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recruitment_participants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyId = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recruitment_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recruitment_participants_recruitment_sites_StudyId_SiteCode",
                        columns: x => new { x.StudyId, x.SiteCode },
                        principalTable: "recruitment_sites",
                        principalColumns: new[] { "StudyId", "Code" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recruitment_participant_states",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recruitment_participant_states", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recruitment_participant_states_recruitment_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "recruitment_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recruitment_audit_At",
                table: "recruitment_audit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_recruitment_participant_states_ParticipantId_State",
                table: "recruitment_participant_states",
                columns: new[] { "ParticipantId", "State" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recruitment_participants_StudyId_SiteCode",
                table: "recruitment_participants",
                columns: new[] { "StudyId", "SiteCode" });

            migrationBuilder.CreateIndex(
                name: "IX_recruitment_participants_StudyId_SubjectId",
                table: "recruitment_participants",
                columns: new[] { "StudyId", "SubjectId" },
                unique: true);

            // The audit is append-only: the database itself refuses to change or remove a row.
            migrationBuilder.Sql("CREATE TRIGGER recruitment_audit_no_update BEFORE UPDATE ON recruitment_audit BEGIN SELECT RAISE(ABORT, 'recruitment_audit is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER recruitment_audit_no_delete BEFORE DELETE ON recruitment_audit BEGIN SELECT RAISE(ABORT, 'recruitment_audit is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS recruitment_audit_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS recruitment_audit_no_delete;");

            migrationBuilder.DropTable(
                name: "recruitment_audit");

            migrationBuilder.DropTable(
                name: "recruitment_participant_states");

            migrationBuilder.DropTable(
                name: "recruitment_participants");

            migrationBuilder.DropTable(
                name: "recruitment_sites");

            migrationBuilder.DropTable(
                name: "recruitment_studies");
        }
    }
}
