using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using TrialAccess.Matching.Ranking;

namespace TrialAccess.Ranking;

/// <summary>One judged (query, trial) pair: its group (the query), its graded label and its features.</summary>
public sealed record RankingExample(string Group, float Label, float[] Features);

/// <summary>
/// The LambdaMART parameters (ML.NET's LightGBM ranking trainer). Fixed, not tuned on the evaluation: one thread and a
/// fixed seed, so that the same data gives the same model.
/// </summary>
public sealed record LambdaMartParameters
{
    public int Iterations { get; init; } = 200;

    public double LearningRate { get; init; } = 0.05;

    public int Leaves { get; init; } = 8;

    public int MinimumExamplesPerLeaf { get; init; } = 20;

    public int Seed { get; init; } = 2021;

    /// <summary>The gain of each label in NDCG: TREC 2021's grades 0 (not relevant), 1 (excluded), 2 (eligible).</summary>
    public IReadOnlyList<int> Gains { get; init; } = [0, 1, 2];

    public static LambdaMartParameters Default { get; } = new();

    /// <summary>
    /// The only settings ever compared (fixed before any measurement, never widened): 50 or 200 trees of 4 or 8 leaves,
    /// learning rate 0.05, at least 20 examples per leaf. Cross-validation chooses among them on training topics only.
    /// </summary>
    public static IReadOnlyList<LambdaMartParameters> Grid { get; } =
    [
        Default with { Iterations = 50, Leaves = 4 },
        Default with { Iterations = 50, Leaves = 8 },
        Default with { Iterations = 200, Leaves = 4 },
        Default with { Iterations = 200, Leaves = 8 },
    ];

    public string Describe() => $"{Iterations} trees, {Leaves} leaves, learning rate {LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}, min {MinimumExamplesPerLeaf} per leaf";
}

/// <summary>What a model file says of itself (the JSON file beside the model): features, parameters, data, figures.</summary>
public sealed record RankerMetadata
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> FeatureNames { get; init; }

    public required LambdaMartParameters Parameters { get; init; }

    public string? Training { get; init; }

    public int Groups { get; init; }

    public int Examples { get; init; }

    public IReadOnlyDictionary<string, double>? CrossValidation { get; init; }

    public IReadOnlyDictionary<string, double>? FeatureImportance { get; init; }

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Trains LambdaMART models on graded ranking examples.</summary>
public static class LambdaMartTrainer
{
    /// <summary>Trains a model; examples of one group need not be contiguous (they are grouped here, groups in first-seen order).</summary>
    public static LambdaMartModel Train(IReadOnlyList<RankingExample> examples, IReadOnlyList<string> featureNames, LambdaMartParameters? parameters = null, string name = "ranker")
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(featureNames);
        parameters ??= LambdaMartParameters.Default;
        if (examples.Count == 0)
        {
            throw new ArgumentException("no examples to train on", nameof(examples));
        }

        var width = featureNames.Count;
        if (examples.FirstOrDefault(e => e.Features.Length != width) is { } bad)
        {
            throw new ArgumentException($"an example of group '{bad.Group}' has {bad.Features.Length} features, not {width}", nameof(examples));
        }

        // LightGBM reads a group's rows contiguously: order by group (first-seen order), stable within a group.
        var groups = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var e in examples)
        {
            groups.TryAdd(e.Group, (uint)groups.Count + 1);
        }

        var rows = examples
            .Select((e, i) => (e, i))
            .OrderBy(x => groups[x.e.Group])
            .ThenBy(x => x.i)
            .Select(x => new TrainingRow { Label = x.e.Label, GroupId = groups[x.e.Group], Features = x.e.Features })
            .ToList();

        var ml = new MLContext(seed: parameters.Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        schema[nameof(TrainingRow.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), groups.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            RowGroupColumnName = nameof(TrainingRow.GroupId),
            NumberOfIterations = parameters.Iterations,
            LearningRate = parameters.LearningRate,
            NumberOfLeaves = parameters.Leaves,
            MinimumExampleCountPerLeaf = parameters.MinimumExamplesPerLeaf,
            NumberOfThreads = 1,
            Seed = parameters.Seed,
            Deterministic = true,
            CustomGains = [.. parameters.Gains],
            Verbose = false,
            Silent = true,
        });
        var transformer = trainer.Fit(data);
        return new LambdaMartModel(ml, transformer, new RankerMetadata
        {
            Name = name,
            FeatureNames = [.. featureNames],
            Parameters = parameters,
            Groups = groups.Count,
            Examples = examples.Count,
        });
    }

    private sealed class TrainingRow
    {
        public float Label { get; set; }

        public uint GroupId { get; set; }

        public float[] Features { get; set; } = [];
    }
}

/// <summary>A trained LambdaMART model: scores feature rows; saved as an ML.NET zip with a JSON metadata file beside it.</summary>
public sealed class LambdaMartModel : IRelevanceModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly SchemaDefinition _schema;
    private readonly Lock _lock = new();

    internal LambdaMartModel(MLContext ml, ITransformer transformer, RankerMetadata metadata)
    {
        _ml = ml;
        _transformer = transformer;
        Metadata = metadata;
        _schema = SchemaDefinition.Create(typeof(ScoringRow));
        _schema[nameof(ScoringRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, metadata.FeatureNames.Count);
    }

    public RankerMetadata Metadata { get; private set; }

    public string Name => Metadata.Name;

    public IReadOnlyList<string> FeatureNames => Metadata.FeatureNames;

    public IReadOnlyList<double> Score(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        var width = FeatureNames.Count;
        if (rows.FirstOrDefault(r => r.Length != width) is { } bad)
        {
            throw new ArgumentException($"a row has {bad.Length} features; the model '{Name}' takes {width}", nameof(rows));
        }

        lock (_lock)
        {
            var view = _ml.Data.LoadFromEnumerable(rows.Select(r => new ScoringRow { Features = r }), _schema);
            return _transformer.Transform(view).GetColumn<float>("Score").Select(s => (double)s).ToList();
        }
    }

    /// <summary>LightGBM's gain-based importance per feature name, normalised to sum 1.</summary>
    public IReadOnlyDictionary<string, double> FeatureImportance()
    {
        var weights = default(VBuffer<float>);
        if (_transformer is not RankingPredictionTransformer<LightGbmRankingModelParameters> ranking)
        {
            return new Dictionary<string, double>();
        }

        ranking.Model.GetFeatureWeights(ref weights);
        var dense = weights.DenseValues().ToArray();
        var total = dense.Sum(w => (double)w);
        return FeatureNames
            .Select((name, i) => (name, value: total > 0 && i < dense.Length ? Math.Round(dense[i] / total, 4) : 0))
            .OrderByDescending(x => x.value)
            .ThenBy(x => x.name, StringComparer.Ordinal)
            .ToDictionary(x => x.name, x => x.value);
    }

    /// <summary>Writes the model (<paramref name="modelPath"/>, an ML.NET zip) and its metadata (same name, .json).</summary>
    public void Save(string modelPath, RankerMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        Metadata = metadata ?? Metadata;
        var view = _ml.Data.LoadFromEnumerable(Array.Empty<ScoringRow>(), _schema);
        using var saved = new MemoryStream();
        _ml.Model.Save(_transformer, view.Schema, saved);
        saved.Position = 0;
        using (var stream = File.Create(modelPath))
        {
            WithFixedTimes(saved, stream);
        }

        File.WriteAllText(MetadataPath(modelPath), JsonSerializer.Serialize(Metadata, RankerMetadata.Json) + "\n");
    }

    /// <summary>The date every entry of a saved model carries, so that the same model is the same bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Copies an ML.NET model zip entry by entry, in the same order, with a fixed time on each: ML.NET stamps entries
    /// with the time of saving, the only difference between two trainings on the same data.
    /// </summary>
    private static void WithFixedTimes(Stream source, Stream destination)
    {
        using var input = new System.IO.Compression.ZipArchive(source, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        using var output = new System.IO.Compression.ZipArchive(destination, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in input.Entries)
        {
            var copy = output.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
            copy.LastWriteTime = EntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    /// <summary>The metadata file of a model file: the same name with .json.</summary>
    public static string MetadataPath(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    /// <summary>Loads a model and its metadata; a missing or unreadable file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static LambdaMartModel Load(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        var metadataPath = MetadataPath(modelPath);
        foreach (var path in new[] { modelPath, metadataPath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"no ranking model file: {path}");
            }
        }

        RankerMetadata metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<RankerMetadata>(File.ReadAllText(metadataPath), RankerMetadata.Json)
                ?? throw new InvalidDataException($"{metadataPath}: empty metadata");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{metadataPath}: not ranking model metadata ({e.Message})", e);
        }

        var ml = new MLContext(seed: metadata.Parameters.Seed);
        ITransformer transformer;
        try
        {
            using var stream = File.OpenRead(modelPath);
            transformer = ml.Model.Load(stream, out _);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or System.IO.InvalidDataException)
        {
            throw new InvalidDataException($"{modelPath}: not an ML.NET model ({e.Message})", e);
        }

        return new LambdaMartModel(ml, transformer, metadata);
    }

    private sealed class ScoringRow
    {
        public float[] Features { get; set; } = [];
    }
}
