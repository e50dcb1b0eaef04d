using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrialAccess.Storage.Recruitment.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recruitment_referrals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StudyId = table.Column<string>(type: "TEXT", nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Checklist = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScreenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recruitment_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recruitment_referrals_recruitment_sites_StudyId_SiteCode",
                        columns: x => new { x.StudyId, x.SiteCode },
                        principalTable: "recruitment_sites",
                        principalColumns: new[] { "StudyId", "Code" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recruitment_referrals_StudyId_SiteCode",
                table: "recruitment_referrals",
                columns: new[] { "StudyId", "SiteCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recruitment_referrals");
        }
    }
}
