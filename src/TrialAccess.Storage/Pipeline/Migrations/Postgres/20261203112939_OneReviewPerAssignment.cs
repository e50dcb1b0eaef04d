using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrialAccess.Storage.Pipeline.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneReviewPerAssignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pipeline_reviews_AssignmentId",
                table: "pipeline_reviews");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_reviews_one_per_assignment",
                table: "pipeline_reviews",
                column: "AssignmentId",
                unique: true,
                filter: "\"SupersedesId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pipeline_reviews_one_per_assignment",
                table: "pipeline_reviews");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_reviews_AssignmentId",
                table: "pipeline_reviews",
                column: "AssignmentId");
        }
    }
}
