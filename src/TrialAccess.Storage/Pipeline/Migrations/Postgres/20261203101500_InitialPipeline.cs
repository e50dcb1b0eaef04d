using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TrialAccess.Storage.Pipeline.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Modality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "text", nullable: false),
                    Mechanism = table.Column<string>(type: "text", nullable: false),
                    OriginatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    IpPosition = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_agents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_attachment_contents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_attachment_contents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_audit",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    EntityId = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_audit", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_conflict_overrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ChairUserId = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_conflict_overrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_declared_conflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_declared_conflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_gate_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromStage = table.Column<string>(type: "text", nullable: false),
                    ToStage = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Rationale = table.Column<string>(type: "text", nullable: false),
                    Conditions = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupersedesId = table.Column<Guid>(type: "uuid", nullable: true),
                    criteria = table.Column<string>(type: "text", nullable: false),
                    decided_by = table.Column<string>(type: "text", nullable: false),
                    recused = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_gate_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    agenda = table.Column<string>(type: "text", nullable: false),
                    attendees = table.Column<string>(type: "text", nullable: false),
                    minutes = table.Column<string>(type: "text", nullable: false),
                    recusals = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Ror = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_people",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    AffiliationId = table.Column<Guid>(type: "uuid", nullable: true),
                    relationships = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_people", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    SponsorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Confidentiality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nomination = table.Column<string>(type: "text", nullable: true),
                    CurrentStage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EnteredAtStage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MarketApprovalOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    agreements = table.Column<string>(type: "text", nullable: false),
                    attachments = table.Column<string>(type: "text", nullable: false),
                    indications = table.Column<string>(type: "text", nullable: false),
                    partners = table.Column<string>(type: "text", nullable: false),
                    stage_history = table.Column<string>(type: "text", nullable: false),
                    trials = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_review_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_review_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_review_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    form = table.Column<string>(type: "text", nullable: false),
                    Blind = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReleasedToApplicant = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_review_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "text", nullable: false),
                    Comments = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersedesId = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersedeReason = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    scores = table.Column<string>(type: "text", nullable: false)
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
