using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TrialAccess.Ingestion;
using TrialAccess.Trials;

namespace TrialAccess.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, write-ahead logged, with an FTS5 index ranked by bm25(). One connection is
/// held for the store's lifetime; the store is not for concurrent use by several threads.
/// </summary>
public sealed class SqliteTrialStore : SqlTrialStore
{
    /// <summary>bm25() weights per indexed column: title, conditions, keywords, interventions, summary, criteria.</summary>
    private const string Bm25Weights = "10.0, 8.0, 6.0, 5.0, 2.0, 1.0";

    private readonly SqliteConnection _connection;

    public SqliteTrialStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        _connection = new SqliteConnection(builder.ConnectionString);
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        if (_connection.State != System.Data.ConnectionState.Open)
        {
            await _connection.OpenAsync(cancellationToken);
        }

        await ExecuteAsync("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS trials (
                nct_id TEXT PRIMARY KEY,
                brief_title TEXT NOT NULL,
                overall_status TEXT NOT NULL,
                phase_label TEXT NOT NULL,
                phase_key TEXT NOT NULL,
                study_type TEXT NOT NULL,
                sex TEXT NOT NULL,
                min_age_days REAL,
                max_age_days REAL,
                has_criteria INTEGER NOT NULL,
                last_update TEXT,
                source TEXT,
                document TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_trials_status ON trials (overall_status);
            CREATE TABLE IF NOT EXISTS sites (
                nct_id TEXT NOT NULL REFERENCES trials (nct_id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                facility TEXT,
                city TEXT,
                state TEXT,
                country TEXT,
                postal_code TEXT,
                latitude REAL,
                longitude REAL,
                status TEXT NOT NULL,
                PRIMARY KEY (nct_id, ordinal)
            );
            CREATE INDEX IF NOT EXISTS ix_sites_status ON sites (status);
            CREATE VIRTUAL TABLE IF NOT EXISTS trial_text USING fts5 (
                title, conditions, keywords, interventions, summary, criteria,
                tokenize = 'porter unicode61 remove_diacritics 2'
            );
            """, cancellationToken);

        int stored;
        await using (var version = Command(_connection, null, "SELECT MAX(version) FROM schema_info"))
        {
            stored = CheckSchemaVersion(await version.ExecuteScalarAsync(cancellationToken));
        }

        // Upgrades, each from the version before; a new database takes them all. 2: trial vectors.
        if (stored < 2)
        {
            await ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS trial_vectors (
                    nct_id TEXT PRIMARY KEY REFERENCES trials (nct_id) ON DELETE CASCADE,
                    model TEXT NOT NULL,
                    text_version INTEGER NOT NULL,
                    text_hash INTEGER NOT NULL,
                    dimension INTEGER NOT NULL,
                    vector BLOB NOT NULL
                );
                """, cancellationToken);
        }

        if (stored == 0)
        {
            await ExecuteAsync($"INSERT INTO schema_info (version) VALUES ({SchemaVersion})", cancellationToken);
        }
        else if (stored < SchemaVersion)
        {
            await ExecuteAsync($"UPDATE schema_info SET version = {SchemaVersion}", cancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            await InitializeAsync(cancellationToken);
        }

        return _connection;
    }

    protected override ValueTask ReleaseConnectionAsync(DbConnection connection) => ValueTask.CompletedTask;

    protected override async Task<Dictionary<NctId, DateOnly?>> LoadStoredVersionsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<NctId> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<NctId, DateOnly?>();
        foreach (var chunk in ids.Chunk(900))
        {
            var parameters = chunk.Select((id, i) => ($"p{i}", (object?)id.Value)).ToArray();
            var sql = $"SELECT nct_id, last_update FROM trials WHERE nct_id IN ({string.Join(", ", parameters.Select(p => "@" + p.Item1))})";
            await using var command = Command(connection, transaction, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result[NctId.Parse(reader.GetString(0))] = reader.IsDBNull(1) ? null : DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return result;
    }

    protected override async Task WriteTrialAsync(DbConnection connection, DbTransaction transaction, ClinicalTrial trial, string document, bool replace, CancellationToken cancellationToken)
    {
        var id = trial.NctId.Value;
        if (replace)
        {
            await using var deleteText = Command(connection, transaction, "DELETE FROM trial_text WHERE rowid = (SELECT rowid FROM trials WHERE nct_id = @id)", ("id", id));
            await deleteText.ExecuteNonQueryAsync(cancellationToken);
            await using var deleteSites = Command(connection, transaction, "DELETE FROM sites WHERE nct_id = @id", ("id", id));
            await deleteSites.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = Command(connection, transaction,
            $"INSERT INTO trials ({TrialColumns}) VALUES ({TrialParameters}) ON CONFLICT (nct_id) DO UPDATE SET {TrialUpdateSet}",
            TrialRow(trial, document)))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        var text = IndexedText(trial);
        await using (var index = Command(connection, transaction,
            "INSERT INTO trial_text (rowid, title, conditions, keywords, interventions, summary, criteria) " +
            "VALUES ((SELECT rowid FROM trials WHERE nct_id = @id), @title, @conditions, @keywords, @interventions, @summary, @criteria)",
            ("id", id), ("title", text.Title), ("conditions", text.Conditions), ("keywords", text.Keywords),
            ("interventions", text.Interventions), ("summary", text.Summary), ("criteria", text.Criteria)))
        {
            await index.ExecuteNonQueryAsync(cancellationToken);
        }

        if (trial.Sites.Count > 0)
        {
            await using var insertSite = Command(connection, transaction,
                "INSERT INTO sites (nct_id, ordinal, facility, city, state, country, postal_code, latitude, longitude, status) " +
                "VALUES (@id, @ordinal, @facility, @city, @state, @country, @postal_code, @latitude, @longitude, @status)",
                ("id", id), ("ordinal", 0), ("facility", null), ("city", null), ("state", null), ("country", null),
                ("postal_code", null), ("latitude", null), ("longitude", null), ("status", null));
            for (var i = 0; i < trial.Sites.Count; i++)
            {
                var site = trial.Sites[i];
                insertSite.Parameters["ordinal"].Value = i;
                insertSite.Parameters["facility"].Value = DbValue(site.Facility);
                insertSite.Parameters["city"].Value = DbValue(site.City);
                insertSite.Parameters["state"].Value = DbValue(site.State);
                insertSite.Parameters["country"].Value = DbValue(site.Country);
                insertSite.Parameters["postal_code"].Value = DbValue(site.PostalCode);
                insertSite.Parameters["latitude"].Value = DbValue(site.Coordinates?.Latitude);
                insertSite.Parameters["longitude"].Value = DbValue(site.Coordinates?.Longitude);
                insertSite.Parameters["status"].Value = site.Status.ToApiName();
                await insertSite.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    protected override string SearchSql(IReadOnlyList<string> terms, string filterSql, List<(string Name, object? Value)> parameters)
    {
        parameters.Add(("match", string.Join(" AND ", terms.Select(term => $"\"{term}\""))));
        return $"SELECT t.document, -bm25(trial_text, {Bm25Weights}) AS score " +
            "FROM trial_text JOIN trials t ON t.rowid = trial_text.rowid " +
            $"WHERE trial_text MATCH @match{filterSql} " +
            "ORDER BY score DESC, t.nct_id LIMIT @limit";
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(_connection, null, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
