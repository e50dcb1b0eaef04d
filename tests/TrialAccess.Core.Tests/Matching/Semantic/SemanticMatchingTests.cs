using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Matching.Semantic;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Matching.Semantic;

public class SemanticMatchingTests
{
    /// <summary>A stand-in for the model: a text about swallowing points one way, everything else another.</summary>
    private sealed class KeywordEmbedder : ITextEmbedder
    {
        public int Calls { get; private set; }

        public string Model => "keyword";

        public int Dimension => 3;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Calls++;
            return texts.Select(Vector).ToArray();
        }

        private static float[] Vector(string text)
        {
            float[] vector = text.Contains("swallow", StringComparison.OrdinalIgnoreCase) || text.Contains("dysphagia", StringComparison.OrdinalIgnoreCase)
                ? [0f, 1f, 0f]
                : text.Contains("osimertinib", StringComparison.OrdinalIgnoreCase) ? [0.6f, 0.8f, 0f] : [1f, 0f, 0f];
            VectorMath.Normalize(vector);
            return vector;
        }
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    }

    private static ClinicalTrial Trial(string id, string title, params string[] conditions) => new()
    {
        NctId = NctId.Parse(id),
        BriefTitle = title,
        Conditions = conditions,
        OverallStatus = RecruitmentStatus.Recruiting,
        Eligibility = new TrialEligibility { Criteria = "Inclusion Criteria:\n* Adults", MinimumAge = new AgeLimit(18, AgeUnit.Years) },
    };

    private static readonly ClinicalTrial[] Trials =
    [
        Trial("NCT00000001", "Osimertinib for EGFR mutant lung cancer", "Lung Cancer"),
        Trial("NCT00000002", "Chemotherapy for lung cancer", "Lung Cancer"),
        Trial("NCT00000003", "Rehabilitation of dysphagia after radiotherapy", "Deglutition Disorders"),
    ];

    private static readonly PatientProfile Patient = new() { Age = new Fact<decimal>(60) };

    private static (TrialMatcher Matcher, KeywordEmbedder Embedder) Matcher(SemanticOptions options, bool withVectors = true)
    {
        var embedder = new KeywordEmbedder();
        var catalog = TrialCatalog.Build(Trials);
        if (withVectors)
        {
            var vectors = Trials.Select(t => new TrialVector(t.NctId, embedder.Model, EmbeddingText.TrialTextVersion, 0, embedder.Embed([EmbeddingText.OfTrial(t)])[0]));
            catalog = catalog.WithVectors(CatalogVectors.Build(catalog.Index, embedder.Model, embedder.Dimension, vectors));
        }

        var byId = Trials.ToDictionary(t => t.NctId);
        var matcher = new TrialMatcher(catalog, (id, _) => ValueTask.FromResult(byId.GetValueOrDefault(id)), new FixedClock(), embedder: embedder, semantic: options);
        return (matcher, embedder);
    }

    private static MatchRequest Request(int candidates = 10) => new()
    {
        Patient = Patient,
        Note = "Lung cancer treated with chemotherapy, now with difficulty swallowing.",
        Filters = MatchFilters.None,
        Candidates = candidates,
        Top = 10,
    };

    [Fact]
    public async Task MatchAsync_WithVectors_ReportsEachTrialsSimilarity_ChannelOff_RetrievesByWordsOnly()
    {
        var (matcher, _) = Matcher(new SemanticOptions(Channel: false));

        var result = await matcher.MatchAsync(Request());

        matcher.IsSemantic.Should().BeTrue();
        result.Trials.Select(m => m.Trial.NctId.Value).Should().BeEquivalentTo(["NCT00000001", "NCT00000002"]);
        result.Trials.Single(m => m.Trial.NctId.Value == "NCT00000001").SemanticSimilarity.Should().BeApproximately(0.8, 1e-6);
        result.Trials.Single(m => m.Trial.NctId.Value == "NCT00000002").SemanticSimilarity.Should().BeApproximately(0, 1e-6);
    }

    [Fact]
    public async Task MatchAsync_ChannelOn_AddsTheSimilarTrialThatSharesNoWord()
    {
        var (matcher, _) = Matcher(new SemanticOptions(Channel: true));

        var result = await matcher.MatchAsync(Request());

        result.Trials.Select(m => m.Trial.NctId.Value).Should().Contain("NCT00000003");
        result.Trials.Single(m => m.Trial.NctId.Value == "NCT00000003").SemanticSimilarity.Should().BeApproximately(1, 1e-6);
    }

    [Fact]
    public async Task MatchAsync_FeatureWeight_OrdersBySimilarityWithinATier()
    {
        var lexical = await Matcher(new SemanticOptions()).Matcher.MatchAsync(Request());
        var semantic = await Matcher(new SemanticOptions(FeatureWeight: 1)).Matcher.MatchAsync(Request());

        lexical.Trials.Select(m => m.Trial.NctId.Value).Should().Equal("NCT00000002", "NCT00000001");
        semantic.Trials.Select(m => m.Trial.NctId.Value).Should().Equal("NCT00000001", "NCT00000002");
        semantic.Trials.Select(m => m.Relevance).Should().BeEquivalentTo(lexical.Trials.Select(m => m.Relevance), "relevance stays the word score");
    }

    [Fact]
    public async Task MatchAsync_WithoutVectors_HasNoSimilarity()
    {
        var (matcher, _) = Matcher(new SemanticOptions(Channel: true, FeatureWeight: 0.5), withVectors: false);

        var result = await matcher.MatchAsync(Request());

        matcher.IsSemantic.Should().BeFalse();
        result.Trials.Should().OnlyContain(m => m.SemanticSimilarity == null);
    }

    [Fact]
    public void Fuse_ReciprocalRanks_FavoursDocumentsBothChannelsRankHigh()
    {
        // 1 and 3: 1/61 + 1/63 each (tie: the better lexical rank first); 2 and 4: 1/62 each (tie: 2, ranked lexically).
        SemanticChannel.Fuse([1, 2, 3], [3, 4, 1], 3).Should().Equal(1, 3, 2);
        SemanticChannel.Fuse([1, 2, 3], [3, 4, 1], 4).Should().Equal(1, 3, 2, 4);
        SemanticChannel.Fuse([1, 2, 3, 4], [4, 3], 2).Should().Equal(4, 3);
        SemanticChannel.Fuse([1, 2], [], 5).Should().Equal(1, 2);
        SemanticChannel.Fuse([5], [6], 2).Should().Equal(new[] { 5, 6 }, "a tie goes to the lexical ranking");
    }

    [Fact]
    public void VectorMath_StoredForm_RoundTrips_AndDotOfUnitVectorsIsCosine()
    {
        float[] vector = [3f, 4f, 0f, -1e-30f, 12f, 0.5f, 7f, 1f, 2f, 9f];
        VectorMath.FromBytes(VectorMath.ToBytes(vector)).Should().Equal(vector);
        VectorMath.FromBytes(new byte[5]).Should().BeNull();

        float[] a = [3f, 4f];
        VectorMath.Normalize(a);
        a.Should().Equal(0.6f, 0.8f);
        VectorMath.Dot(a, [0.8f, 0.6f]).Should().BeApproximately(0.96f, 1e-6f);
    }

    [Fact]
    public void EmbeddingText_PutsTheSubjectFirst_AndThePatientsFactsBeforeTheNote()
    {
        var trial = Trial("NCT00000009", "Pembrolizumab in melanoma", "Melanoma") with { Keywords = ["PD-1"], BriefSummary = "This   study\n tests it." };
        EmbeddingText.OfTrial(trial).Should().Be("Pembrolizumab in melanoma. Melanoma. PD-1. This study tests it.");

        var patient = new PatientProfile { Diagnoses = [new Diagnosis { Text = "melanoma" }] };
        EmbeddingText.OfPatient(patient, "A 50-year-old with a mole.").Should().StartWith("melanoma").And.EndWith("A 50-year-old with a mole.");
        EmbeddingText.Hash("a").Should().Be(EmbeddingText.Hash("a")).And.NotBe(EmbeddingText.Hash("b"));
    }
}
