using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using TrialAccess.Embeddings;
using TrialAccess.Ingestion;
using TrialAccess.Matching;
using TrialAccess.Matching.Semantic;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// Semantic similarity for the commands that match: the trial vectors that <c>index</c> stored, loaded into the catalog,
/// and the MiniLM embedder for the patient; nothing when the database holds no vector of the model.
/// </summary>
internal sealed class SemanticSession : IDisposable
{
    /// <summary>The options of a command that matches: <c>--semantic-channel</c> and <c>--semantic-weight</c>.</summary>
    public static IEnumerable<Option> Options() =>
    [
        new Option<bool>(ChannelName)
        {
            Description = "With trial vectors (see `index`): also retrieve the trials most similar to the patient, fused with the word ranking (off by default)",
        },
        new Option<double>(WeightName)
        {
            Description = "With trial vectors: weight of the similarity in the order within a verdict tier, 0 to 1 (default 0: reported only)",
            DefaultValueFactory = _ => SemanticOptions.Default.FeatureWeight,
        },
    ];

    private const string ChannelName = "--semantic-channel";
    private const string WeightName = "--semantic-weight";

    private SemanticSession(MiniLmEmbedder? embedder, TrialCatalog catalog, SemanticOptions options)
    {
        Embedder = embedder;
        Catalog = catalog;
        Settings = options;
    }

    /// <summary>Null when the database holds no vector of the model.</summary>
    public MiniLmEmbedder? Embedder { get; }

    /// <summary>The catalog, with its vectors when there are any.</summary>
    public TrialCatalog Catalog { get; }

    public SemanticOptions Settings { get; }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The session owns the embedder and disposes it.")]
    public static async Task<SemanticSession> OpenAsync(ParseResult parseResult, ITrialStore store, TrialCatalog catalog, CancellationToken cancellationToken)
    {
        var options = new SemanticOptions(parseResult.GetValue<bool>(ChannelName), Math.Clamp(parseResult.GetValue<double>(WeightName), 0, 1));
        if (store is not ITrialVectorStore vectors)
        {
            return new SemanticSession(null, catalog, options);
        }

        var keys = await vectors.ReadVectorKeysAsync(cancellationToken);
        if (keys.Count == 0)
        {
            return new SemanticSession(null, catalog, options);
        }

        var embedder = new MiniLmEmbedder();
        var loaded = await CatalogVectors.LoadAsync(catalog.Index, embedder.Model, embedder.Dimension, vectors.ReadVectorsAsync(embedder.Model, cancellationToken), cancellationToken);
        if (loaded.Count == 0)
        {
            embedder.Dispose();
            await Console.Error.WriteLineAsync("semantic: the stored vectors are of another model; run `index`");
            return new SemanticSession(null, catalog, options);
        }

        await Console.Error.WriteLineAsync($"semantic: {loaded.Count:N0} of {catalog.Count:N0} trials with vectors ({loaded.Bytes / 1e6:N1} MB), channel {(options.Channel ? "on" : "off")}, weight {options.FeatureWeight}");
        return new SemanticSession(embedder, catalog.WithVectors(loaded), options);
    }

    public void Dispose() => Embedder?.Dispose();
}
