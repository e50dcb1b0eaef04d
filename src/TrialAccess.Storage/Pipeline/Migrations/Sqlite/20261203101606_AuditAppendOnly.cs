using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrialAccess.Storage.Pipeline.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only in the database too, whatever program writes to it.
            migrationBuilder.Sql("CREATE TRIGGER pipeline_audit_no_update BEFORE UPDATE ON pipeline_audit BEGIN SELECT RAISE(ABORT, 'pipeline_audit is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER pipeline_audit_no_delete BEFORE DELETE ON pipeline_audit BEGIN SELECT RAISE(ABORT, 'pipeline_audit is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS pipeline_audit_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS pipeline_audit_no_delete;");
        }
    }
}
