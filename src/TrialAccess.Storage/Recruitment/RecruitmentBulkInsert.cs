using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TrialAccess.Recruitment.Participants;

namespace TrialAccess.Storage.Recruitment;

/// <summary>
/// New participants, their states and the audit rows for both, written with multi-row INSERT statements inside the
/// current transaction (EF Core's per-row change tracking took most of a 100,000-row import). The rows and the audit
/// are the same as <see cref="RecruitmentDbContext"/> writes for one added row: what, who, when, in one transaction.
/// </summary>
internal static class RecruitmentBulkInsert
{
    private const int RowsPerStatement = 200;

    public static async Task<int> ParticipantsAsync(RecruitmentDbContext db, IReadOnlyList<RecruitmentWorkspace.ParticipantEntry> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return 0;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Bulk inserts run inside the save's transaction.");
        var sqlite = db.Database.IsSqlite();
        var at = db.Now;
        var actor = db.Actor!;
        var written = 0;
        var audit = new List<object?[]>(added.Count * 3);

        foreach (var chunk in added.Chunk(RowsPerStatement))
        {
            var rows = chunk.Select(e => new object?[] { e.Participant.Study.ToString(), e.Participant.SubjectId.Value, e.Participant.SiteCode, e.Participant.AgeBand?.Label, e.Participant.Sex.ToString() }).ToList();
            await using var command = Command(connection, transaction, "recruitment_participants", ["StudyId", "SubjectId", "SiteCode", "AgeBand", "Sex"], rows, " RETURNING \"Id\", \"StudyId\", \"SubjectId\"");
            var ids = new Dictionary<(string, string), long>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids[(reader.GetString(1), reader.GetString(2))] = reader.GetInt64(0);
                }
            }

            foreach (var entry in chunk)
            {
                var participant = entry.Participant;
                entry.Row = new ParticipantRow
                {
                    Id = ids[(participant.Study.ToString(), participant.SubjectId.Value)],
                    StudyId = participant.Study.ToString(),
                    SubjectId = participant.SubjectId.Value,
                    SiteCode = participant.SiteCode,
                    AgeBand = participant.AgeBand?.Label,
                    Sex = participant.Sex.ToString(),
                };
                audit.Add(Audit(at, actor, "participant", $"{entry.Row.StudyId}/{entry.Row.SubjectId}", new Dictionary<string, object?>
                {
                    ["id"] = entry.Row.Id, ["studyId"] = entry.Row.StudyId, ["subjectId"] = entry.Row.SubjectId, ["siteCode"] = entry.Row.SiteCode, ["ageBand"] = entry.Row.AgeBand, ["sex"] = entry.Row.Sex,
                }));
            }

            written += chunk.Length;
        }

        var states = new List<object?[]>();
        foreach (var entry in added)
        {
            foreach (var change in entry.Participant.History)
            {
                var row = RecruitmentMapping.ToRow(entry.Row!.Id, change);
                states.Add([row.ParticipantId, row.State, sqlite ? row.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : row.On, row.Reasons]);
                audit.Add(Audit(at, actor, "participant_state", $"participant {row.ParticipantId}/{row.State}", new Dictionary<string, object?>
                {
                    ["on"] = row.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["participantId"] = row.ParticipantId, ["reasons"] = row.Reasons, ["state"] = row.State,
                }));
            }
        }

        written += await InsertAsync(connection, transaction, "recruitment_participant_states", ["ParticipantId", "State", "On", "Reasons"], states, cancellationToken);
        foreach (var row in audit)
        {
            row[0] = sqlite ? ((DateTimeOffset)row[0]!).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture) : row[0];
        }

        written += await InsertAsync(connection, transaction, "recruitment_audit", ["At", "Actor", "Action", "Entity", "EntityKey", "Changes"], audit, cancellationToken);
        return written;
    }

    private static object?[] Audit(DateTimeOffset at, string actor, string entity, string key, Dictionary<string, object?> values) =>
        [at, actor, "added", entity, key, RecruitmentDbContext.AuditChanges(values)];

    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, List<object?[]> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = Command(connection, transaction, table, columns, chunk, "");
            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string table, string[] columns, IReadOnlyList<object?[]> rows, string suffix)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        var index = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = "@p" + index.ToString(CultureInfo.InvariantCulture);
                index++;
                sql.Append(c == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = rows[r][c] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(suffix).ToString();
        return command;
    }
}
