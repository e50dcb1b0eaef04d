using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using TrialAccess.Ingestion;
using TrialAccess.Trials;

namespace TrialAccess.Storage.Postgres;

/// <summary>
/// The shared-deployment store: the same tables as the SQLite store, with a weighted <c>tsvector</c> (English
/// stemming) and a GIN index for full-text search ranked by <c>ts_rank_cd</c>.
/// </summary>
public sealed class PostgresTrialStore : SqlTrialStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresTrialStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS trials (
                nct_id TEXT PRIMARY KEY,
                brief_title TEXT NOT NULL,
                overall_status TEXT NOT NULL,
                phase_label TEXT NOT NULL,
                phase_key TEXT NOT NULL,
                study_type TEXT NOT NULL,
                sex TEXT NOT NULL,
                min_age_days DOUBLE PRECISION,
                max_age_days DOUBLE PRECISION,
                has_criteria INTEGER NOT NULL,
                last_update TEXT,
                source TEXT,
                document TEXT NOT NULL,
                search TSVECTOR NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_trials_status ON trials (overall_status);
            CREATE INDEX IF NOT EXISTS ix_trials_search ON trials USING GIN (search);
            CREATE TABLE IF NOT EXISTS sites (
                nct_id TEXT NOT NULL REFERENCES trials (nct_id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                facility TEXT,
                city TEXT,
                state TEXT,
                country TEXT,
                postal_code TEXT,
                latitude DOUBLE PRECISION,
                longitude DOUBLE PRECISION,
                status TEXT NOT NULL,
                PRIMARY KEY (nct_id, ordinal)
            );
            CREATE INDEX IF NOT EXISTS ix_sites_status ON sites (status);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);

        // Upgrades in one transaction, each from the version before; a new database takes them all. 2: trial vectors.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var version = new NpgsqlCommand("LOCK TABLE schema_info IN EXCLUSIVE MODE; SELECT MAX(version) FROM schema_info", connection, transaction);
        var stored = CheckSchemaVersion(await version.ExecuteScalarAsync(cancellationToken));
        var upgrade = new List<string>();
        if (stored < 2)
        {
            upgrade.Add("""
                CREATE TABLE IF NOT EXISTS trial_vectors (
                    nct_id TEXT PRIMARY KEY REFERENCES trials (nct_id) ON DELETE CASCADE,
                    model TEXT NOT NULL,
                    text_version INTEGER NOT NULL,
                    text_hash BIGINT NOT NULL,
                    dimension INTEGER NOT NULL,
                    vector BYTEA NOT NULL
                )
                """);
        }

        if (stored < SchemaVersion)
        {
            upgrade.Add(stored == 0 ? $"INSERT INTO schema_info (version) VALUES ({SchemaVersion})" : $"UPDATE schema_info SET version = {SchemaVersion}");
        }

        foreach (var sql in upgrade)
        {
            await using var step = new NpgsqlCommand(sql, connection, transaction);
            await step.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override async ValueTask ReleaseConnectionAsync(DbConnection connection) => await connection.DisposeAsync();

    protected override async Task<Dictionary<NctId, DateOnly?>> LoadStoredVersionsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<NctId> ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT nct_id, last_update FROM trials WHERE nct_id = ANY(@ids)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", ids.Select(id => id.Value).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<NctId, DateOnly?>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result[NctId.Parse(reader.GetString(0))] = reader.IsDBNull(1) ? null : DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }

    protected override async Task WriteTrialAsync(DbConnection connection, DbTransaction transaction, ClinicalTrial trial, string document, bool replace, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        var text = IndexedText(trial);
        var batch = new NpgsqlBatch(npgsql, tx);

        var upsert = new NpgsqlBatchCommand(
            $"INSERT INTO trials ({TrialColumns}, search) VALUES ({TrialParameters}, " +
            "setweight(to_tsvector('english', @title), 'A') || setweight(to_tsvector('english', @conditions), 'A') || " +
            "setweight(to_tsvector('english', @keywords), 'B') || setweight(to_tsvector('english', @interventions), 'B') || " +
            "setweight(to_tsvector('english', @summary), 'C') || setweight(to_tsvector('english', @criteria), 'D')) " +
            $"ON CONFLICT (nct_id) DO UPDATE SET {TrialUpdateSet}, search = excluded.search");
        foreach (var (name, value) in TrialRow(trial, document))
        {
            upsert.Parameters.Add(new NpgsqlParameter(name, DbValue(value)));
        }

        upsert.Parameters.Add(new NpgsqlParameter("title", text.Title));
        upsert.Parameters.Add(new NpgsqlParameter("conditions", text.Conditions));
        upsert.Parameters.Add(new NpgsqlParameter("keywords", text.Keywords));
        upsert.Parameters.Add(new NpgsqlParameter("interventions", text.Interventions));
        upsert.Parameters.Add(new NpgsqlParameter("summary", text.Summary));
        upsert.Parameters.Add(new NpgsqlParameter("criteria", text.Criteria));
        batch.BatchCommands.Add(upsert);

        if (replace)
        {
            var delete = new NpgsqlBatchCommand("DELETE FROM sites WHERE nct_id = @id");
            delete.Parameters.Add(new NpgsqlParameter("id", trial.NctId.Value));
            batch.BatchCommands.Add(delete);
        }

        if (trial.Sites.Count > 0)
        {
            var sites = trial.Sites;
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO sites (nct_id, ordinal, facility, city, state, country, postal_code, latitude, longitude, status) " +
                "SELECT @id, s.ordinal, s.facility, s.city, s.state, s.country, s.postal_code, s.latitude, s.longitude, s.status " +
                "FROM unnest(@ordinal, @facility, @city, @state, @country, @postal_code, @latitude, @longitude, @status) " +
                "AS s(ordinal, facility, city, state, country, postal_code, latitude, longitude, status)");
            insert.Parameters.Add(new NpgsqlParameter("id", trial.NctId.Value));
            insert.Parameters.Add(new NpgsqlParameter<int[]>("ordinal", Enumerable.Range(0, sites.Count).ToArray()));
            insert.Parameters.Add(Texts("facility", sites.Select(s => s.Facility)));
            insert.Parameters.Add(Texts("city", sites.Select(s => s.City)));
            insert.Parameters.Add(Texts("state", sites.Select(s => s.State)));
            insert.Parameters.Add(Texts("country", sites.Select(s => s.Country)));
            insert.Parameters.Add(Texts("postal_code", sites.Select(s => s.PostalCode)));
            insert.Parameters.Add(new NpgsqlParameter<double?[]>("latitude", sites.Select(s => s.Coordinates?.Latitude).ToArray()));
            insert.Parameters.Add(new NpgsqlParameter<double?[]>("longitude", sites.Select(s => s.Coordinates?.Longitude).ToArray()));
            insert.Parameters.Add(Texts("status", sites.Select(s => (string?)s.Status.ToApiName())));
            batch.BatchCommands.Add(insert);
        }

        await using (batch)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    protected override string SearchSql(IReadOnlyList<string> terms, string filterSql, List<(string Name, object? Value)> parameters)
    {
        // Each word through plainto_tsquery, so that stop words drop out and stems match the index, then ANDed.
        for (var i = 0; i < terms.Count; i++)
        {
            parameters.Add(($"term{i}", terms[i]));
        }

        var termQueries = string.Join(" && ", terms.Select((_, i) => $"plainto_tsquery('english', @term{i})"));
        return $"SELECT t.document, ts_rank_cd(t.search, q.query) AS score FROM trials t, (SELECT {termQueries} AS query) q " +
            $"WHERE t.search @@ q.query{filterSql} ORDER BY score DESC, t.nct_id LIMIT @limit";
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.Select(v => (object?)v ?? DBNull.Value).ToArray() };
}
