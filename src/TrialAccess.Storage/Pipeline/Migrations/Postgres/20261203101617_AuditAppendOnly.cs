using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrialAccess.Storage.Pipeline.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only in the database too, whatever program writes to it.
            migrationBuilder.Sql("CREATE FUNCTION pipeline_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'pipeline_audit is append-only'; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER pipeline_audit_no_change BEFORE UPDATE OR DELETE ON pipeline_audit FOR EACH ROW EXECUTE FUNCTION pipeline_audit_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER pipeline_audit_no_truncate BEFORE TRUNCATE ON pipeline_audit FOR EACH STATEMENT EXECUTE FUNCTION pipeline_audit_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS pipeline_audit_no_truncate ON pipeline_audit;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS pipeline_audit_no_change ON pipeline_audit;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS pipeline_audit_append_only();");
        }
    }
}
