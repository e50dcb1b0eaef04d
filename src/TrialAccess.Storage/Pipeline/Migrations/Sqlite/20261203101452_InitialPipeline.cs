using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrialAccess.Storage.Pipeline.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pipeline_agents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Modality = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "TEXT", nullable: false),
                    Mechanism = table.Column<string>(type: "TEXT", nullable: false),
                    OriginatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IpPosition = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_agents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_attachment_contents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_attachment_contents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_audit",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_audit", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_conflict_overrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ChairUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_conflict_overrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_declared_conflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_declared_conflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_gate_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromStage = table.Column<string>(type: "TEXT", nullable: false),
                    ToStage = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SupersedesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    criteria = table.Column<string>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", nullable: false),
                    recused = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_gate_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    agenda = table.Column<string>(type: "TEXT", nullable: false),
                    attendees = table.Column<string>(type: "TEXT", nullable: false),
                    minutes = table.Column<string>(type: "TEXT", nullable: false),
                    recusals = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ror = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_people",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    AffiliationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    relationships = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_people", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    SponsorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    nomination = table.Column<string>(type: "TEXT", nullable: true),
                    CurrentStage = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EnteredAtStage = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MarketApprovalOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    agreements = table.Column<string>(type: "TEXT", nullable: false),
                    attachments = table.Column<string>(type: "TEXT", nullable: false),
                    indications = table.Column<string>(type: "TEXT", nullable: false),
                    partners = table.Column<string>(type: "TEXT", nullable: false),
                    stage_history = table.Column<string>(type: "TEXT", nullable: false),
                    trials = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_review_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_review_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_review_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    form = table.Column<string>(type: "TEXT", nullable: false),
                    Blind = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReleasedToApplicant = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_review_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Comments = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SupersedesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SupersedeReason = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    scores = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_reviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_agents_Code",
                table: "pipeline_agents",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_attachment_contents_ProjectId",
                table: "pipeline_attachment_contents",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_audit_ProjectId",
                table: "pipeline_audit",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_conflict_overrides_ProjectId_UserId",
                table: "pipeline_conflict_overrides",
                columns: new[] { "ProjectId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_declared_conflicts_ProjectId_UserId",
                table: "pipeline_declared_conflicts",
                columns: new[] { "ProjectId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_gate_decisions_ProjectId",
                table: "pipeline_gate_decisions",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_gate_decisions_SupersedesId",
                table: "pipeline_gate_decisions",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_projects_Code",
                table: "pipeline_projects",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_review_assignments_ProjectId",
                table: "pipeline_review_assignments",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_review_assignments_RoundId_UserId",
                table: "pipeline_review_assignments",
                columns: new[] { "RoundId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_review_assignments_UserId",
                table: "pipeline_review_assignments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_review_rounds_ProjectId",
                table: "pipeline_review_rounds",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_reviews_AssignmentId",
                table: "pipeline_reviews",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_reviews_ProjectId",
                table: "pipeline_reviews",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_reviews_SupersedesId",
                table: "pipeline_reviews",
                column: "SupersedesId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pipeline_agents");

            migrationBuilder.DropTable(
                name: "pipeline_attachment_contents");

            migrationBuilder.DropTable(
                name: "pipeline_audit");

            migrationBuilder.DropTable(
                name: "pipeline_conflict_overrides");

            migrationBuilder.DropTable(
                name: "pipeline_declared_conflicts");

            migrationBuilder.DropTable(
                name: "pipeline_gate_decisions");

            migrationBuilder.DropTable(
                name: "pipeline_meetings");

            migrationBuilder.DropTable(
                name: "pipeline_organisations");

            migrationBuilder.DropTable(
                name: "pipeline_people");

            migrationBuilder.DropTable(
                name: "pipeline_projects");

            migrationBuilder.DropTable(
                name: "pipeline_review_assignments");

            migrationBuilder.DropTable(
                name: "pipeline_review_rounds");

            migrationBuilder.DropTable(
                name: "pipeline_reviews");
        }
    }
}
