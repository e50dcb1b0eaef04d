using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using TrialAccess.Ingestion;
using TrialAccess.Matching.Semantic;
using TrialAccess.Trials;

namespace TrialAccess.Storage;

/// <summary>
/// What the SQLite and PostgreSQL stores share: the version decision, the statistics and the document reads. Each
/// engine supplies its schema, its full-text index and its batch lookups.
/// </summary>
/// <remarks>
/// Tables: <c>trials</c> (one row per trial: filter columns and the whole record as a JSON document), <c>sites</c>
/// (one row per site, with coordinates and per-site status) and the engine's full-text index over title, conditions,
/// keywords, interventions, summary and criteria; <c>trial_vectors</c> (schema version 2: one embedding per trial,
/// with the model and the version and hash of the text embedded, the vector as little-endian float32 bytes).
/// </remarks>
public abstract class SqlTrialStore : ITrialStore, ITrialVectorStore
{
    /// <summary>
    /// Bumped when the schema changes; stored in <c>schema_info</c>. 1: trials, sites, full-text index. 2: adds
    /// <c>trial_vectors</c>. Opening a database of an older version upgrades it in place, keeping its trials; a newer
    /// one is refused.
    /// </summary>
    public const int SchemaVersion = 2;

    /// <summary>How many ids one statement of <see cref="FindManyAsync"/> binds.</summary>
    private const int FindManyChunk = 500;

    public abstract Task InitializeAsync(CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();

    /// <summary>Opens (or returns the open) connection for one operation.</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Gives back a connection from <see cref="OpenConnectionAsync"/>.</summary>
    protected abstract ValueTask ReleaseConnectionAsync(DbConnection connection);

    /// <summary>The stored last-update date of each given trial that is stored (null date: stored without one).</summary>
    protected abstract Task<Dictionary<NctId, DateOnly?>> LoadStoredVersionsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<NctId> ids, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces one trial with its sites and full-text entry.</summary>
    protected abstract Task WriteTrialAsync(DbConnection connection, DbTransaction transaction, ClinicalTrial trial, string document, bool replace, CancellationToken cancellationToken);

    /// <summary>
    /// The engine's full-text query over <c>trials t</c> selecting <c>t.document</c> and a <c>score</c> (higher is
    /// better), requiring every term, with <paramref name="filterSql"/> appended to its WHERE clause and <c>@limit</c>
    /// as its LIMIT. Adds the parameters it needs to <paramref name="parameters"/>.
    /// </summary>
    protected abstract string SearchSql(IReadOnlyList<string> terms, string filterSql, List<(string Name, object? Value)> parameters);

    public async Task<IReadOnlyList<TrialSearchHit>> SearchAsync(TrialSearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = SearchTerms(query.Text);
        if (terms.Count == 0)
        {
            return [];
        }

        var (filterSql, parameters) = Filters(query);
        parameters.Add(("limit", query.Limit));
        var sql = SearchSql(terms, filterSql, parameters);
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, null, sql, [.. parameters]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var hits = new List<TrialSearchHit>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var trial = TrialJson.Deserialize(reader.GetString(0));
                hits.Add(new TrialSearchHit(trial.NctId, trial.BriefTitle, trial.OverallStatus, trial.Phases, trial.Conditions, Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture)));
            }

            return hits;
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task<IReadOnlyList<IngestOutcome>> UpsertAsync(IReadOnlyList<ClinicalTrial> batch, bool replaceEqual = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var outcomes = new IngestOutcome[batch.Count];
        if (batch.Count == 0)
        {
            return outcomes;
        }

        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var stored = await LoadStoredVersionsAsync(connection, transaction, batch.Select(t => t.NctId).Distinct().ToList(), cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                var trial = batch[i];
                var isStored = stored.TryGetValue(trial.NctId, out var storedDate);
                var outcome = TrialVersionPolicy.Decide(isStored, storedDate, trial, replaceEqual);
                outcomes[i] = outcome;
                if (outcome == IngestOutcome.Unchanged)
                {
                    continue;
                }

                await WriteTrialAsync(connection, transaction, trial, TrialJson.Serialize(trial), replace: isStored, cancellationToken);
                stored[trial.NctId] = trial.Dates.LastUpdate;
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }

        return outcomes;
    }

    public async Task<ClinicalTrial?> FindAsync(NctId id, CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, null, "SELECT document FROM trials WHERE nct_id = @id", ("id", id.Value));
            var document = await command.ExecuteScalarAsync(cancellationToken) as string;
            return document is null ? null : TrialJson.Deserialize(document);
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task<IReadOnlyDictionary<NctId, ClinicalTrial>> FindManyAsync(IReadOnlyCollection<NctId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<NctId, ClinicalTrial>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            // One statement per chunk of ids: under SQLite's limit on bound parameters, and one round trip to PostgreSQL for a match.
            foreach (var chunk in ids.Distinct().Chunk(FindManyChunk))
            {
                var parameters = chunk.Select((id, i) => ($"id{i}", (object?)id.Value)).ToArray();
                var sql = $"SELECT document FROM trials WHERE nct_id IN ({string.Join(", ", parameters.Select(p => "@" + p.Item1))})";
                await using var command = Command(connection, null, sql, parameters);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var trial = TrialJson.Deserialize(reader.GetString(0));
                    found[trial.NctId] = trial;
                }
            }

            return found;
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async IAsyncEnumerable<ClinicalTrial> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, null, "SELECT document FROM trials ORDER BY nct_id");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return TrialJson.Deserialize(reader.GetString(0));
            }
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task<TrialStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            var trials = await ScalarAsync(connection, "SELECT COUNT(*) FROM trials", cancellationToken);
            var withCriteria = await ScalarAsync(connection, "SELECT COUNT(*) FROM trials WHERE has_criteria = 1", cancellationToken);
            var sites = await ScalarAsync(connection, "SELECT COUNT(*) FROM sites", cancellationToken);
            var byStatus = await GroupCountAsync(connection, "overall_status", cancellationToken);
            var byPhase = await GroupCountAsync(connection, "phase_label", cancellationToken);
            return new TrialStoreStatistics(trials, byStatus, byPhase, withCriteria, sites);
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task UpsertVectorsAsync(IReadOnlyList<TrialVector> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            return;
        }

        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var vector in vectors)
            {
                await using var command = Command(connection, transaction,
                    "INSERT INTO trial_vectors (nct_id, model, text_version, text_hash, dimension, vector) " +
                    "VALUES (@id, @model, @text_version, @text_hash, @dimension, @vector) " +
                    "ON CONFLICT (nct_id) DO UPDATE SET model = excluded.model, text_version = excluded.text_version, " +
                    "text_hash = excluded.text_hash, dimension = excluded.dimension, vector = excluded.vector",
                    ("id", vector.NctId.Value), ("model", vector.Model), ("text_version", vector.TextVersion), ("text_hash", vector.TextHash),
                    ("dimension", vector.Vector.Length), ("vector", VectorMath.ToBytes(vector.Vector)));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task<IReadOnlyDictionary<NctId, TrialVectorKey>> ReadVectorKeysAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, null, "SELECT nct_id, model, text_version, text_hash FROM trial_vectors");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var keys = new Dictionary<NctId, TrialVectorKey>();
            while (await reader.ReadAsync(cancellationToken))
            {
                if (NctId.TryParse(reader.GetString(0), out var id))
                {
                    keys[id] = new TrialVectorKey(reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
                }
            }

            return keys;
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async IAsyncEnumerable<TrialVector> ReadVectorsAsync(string? model = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = model is null
                ? Command(connection, null, "SELECT nct_id, model, text_version, text_hash, vector FROM trial_vectors ORDER BY nct_id")
                : Command(connection, null, "SELECT nct_id, model, text_version, text_hash, vector FROM trial_vectors WHERE model = @model ORDER BY nct_id", ("model", model));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (NctId.TryParse(reader.GetString(0), out var id) && VectorMath.FromBytes(reader.GetFieldValue<byte[]>(4)) is { } vector)
                {
                    yield return new TrialVector(id, reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture), vector);
                }
            }
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    /// <summary>
    /// The version a database's <c>schema_info</c> records, checked against <see cref="SchemaVersion"/>: the version to
    /// upgrade from (0 for a new database), or an error for a database made by a newer program.
    /// </summary>
    protected static int CheckSchemaVersion(object? stored)
    {
        var version = stored is null or DBNull ? 0 : Convert.ToInt32(stored, CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"the database has schema version {version}, newer than this program's ({SchemaVersion}); use a newer TrialAccess");
        }

        return version;
    }

    /// <summary>The words of a search, lower case, letters and digits only; the same on every engine.</summary>
    protected static IReadOnlyList<string> SearchTerms(string text)
    {
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var term = text[start..i].ToLowerInvariant();
                if (!terms.Contains(term))
                {
                    terms.Add(term);
                }

                start = -1;
            }
        }

        return terms;
    }

    /// <summary>The text of each indexed field, in index column order.</summary>
    protected static (string Title, string Conditions, string Keywords, string Interventions, string Summary, string Criteria) IndexedText(ClinicalTrial trial) =>
    (
        string.Join('\n', new[] { trial.BriefTitle, trial.OfficialTitle, trial.Acronym }.OfType<string>()),
        string.Join('\n', trial.Conditions.Concat(trial.ConditionMeshTerms)),
        string.Join('\n', trial.Keywords),
        string.Join('\n', trial.Interventions.SelectMany(i => i.OtherNames.Prepend(i.Name)).Concat(trial.InterventionMeshTerms)),
        trial.BriefSummary ?? string.Empty,
        trial.Eligibility.Criteria ?? string.Empty
    );

    /// <summary>Phases as <c>|PHASE1|PHASE2|</c>, so that a LIKE '%|PHASE1|%' filter never confuses PHASE1 with EARLY_PHASE1.</summary>
    protected static string PhaseKey(IReadOnlyList<TrialPhase> phases) =>
        phases.Count == 0 ? string.Empty : "|" + string.Join('|', phases.Select(p => p.ToApiName())) + "|";

    protected static object DbValue(object? value) => value ?? DBNull.Value;

    protected static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DbValue(value);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>The trial's row values, in the column order of <c>TrialColumns</c>.</summary>
    protected static (string Name, object? Value)[] TrialRow(ClinicalTrial trial, string document) =>
    [
        ("nct_id", trial.NctId.Value),
        ("brief_title", trial.BriefTitle),
        ("overall_status", trial.OverallStatus.ToApiName()),
        ("phase_label", trial.Phases.ToApiLabel()),
        ("phase_key", PhaseKey(trial.Phases)),
        ("study_type", trial.StudyType.ToApiName()),
        ("sex", trial.Eligibility.Sex.ToApiName()),
        ("min_age_days", (double?)trial.Eligibility.MinimumAge?.TotalDays),
        ("max_age_days", (double?)trial.Eligibility.MaximumAge?.TotalDays),
        ("has_criteria", trial.Eligibility.Criteria is null ? 0 : 1),
        ("last_update", IsoDate(trial.Dates.LastUpdate)),
        ("source", trial.Source),
        ("document", document),
    ];

    protected const string TrialColumns =
        "nct_id, brief_title, overall_status, phase_label, phase_key, study_type, sex, min_age_days, max_age_days, has_criteria, last_update, source, document";

    protected const string TrialParameters =
        "@nct_id, @brief_title, @overall_status, @phase_label, @phase_key, @study_type, @sex, @min_age_days, @max_age_days, @has_criteria, @last_update, @source, @document";

    protected const string TrialUpdateSet =
        "brief_title = excluded.brief_title, overall_status = excluded.overall_status, phase_label = excluded.phase_label, " +
        "phase_key = excluded.phase_key, study_type = excluded.study_type, sex = excluded.sex, min_age_days = excluded.min_age_days, " +
        "max_age_days = excluded.max_age_days, has_criteria = excluded.has_criteria, last_update = excluded.last_update, " +
        "source = excluded.source, document = excluded.document";

    /// <summary>Status and phase filters as SQL over <c>t</c>, with their parameters.</summary>
    protected static (string Sql, List<(string Name, object? Value)> Parameters) Filters(TrialSearchQuery query)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Statuses.Count > 0)
        {
            var names = new List<string>();
            for (var i = 0; i < query.Statuses.Count; i++)
            {
                names.Add($"@status{i}");
                parameters.Add(($"status{i}", query.Statuses[i].ToApiName()));
            }

            clauses.Add($"t.overall_status IN ({string.Join(", ", names)})");
        }

        if (query.Phases.Count > 0)
        {
            var likes = new List<string>();
            for (var i = 0; i < query.Phases.Count; i++)
            {
                likes.Add($"t.phase_key LIKE @phase{i}");
                parameters.Add(($"phase{i}", $"%|{query.Phases[i].ToApiName()}|%"));
            }

            clauses.Add($"({string.Join(" OR ", likes)})");
        }

        return (clauses.Count == 0 ? string.Empty : " AND " + string.Join(" AND ", clauses), parameters);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyDictionary<string, long>> GroupCountAsync(DbConnection connection, string column, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, $"SELECT {column}, COUNT(*) FROM trials GROUP BY {column}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
