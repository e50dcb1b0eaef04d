using TrialAccess.Embeddings;
using TrialAccess.Matching.Semantic;

namespace TrialAccess.Embeddings.Tests;

/// <summary>The real model, loaded from the package (nothing is downloaded): one instance for the class.</summary>
public sealed class MiniLmEmbedderTests : IClassFixture<MiniLmEmbedderTests.Model>
{
    private readonly MiniLmEmbedder _embedder;

    public MiniLmEmbedderTests(Model model) => _embedder = model.Embedder;

    public sealed class Model : IDisposable
    {
        public MiniLmEmbedder Embedder { get; } = new(threads: 1);

        public void Dispose() => Embedder.Dispose();
    }

    [Fact]
    public void Embed_Paraphrase_IsCloserThanAnUnrelatedPhrase()
    {
        var vectors = _embedder.Embed(["difficulty swallowing", "dysphagia", "fractured wrist"]);

        var paraphrase = VectorMath.Dot(vectors[0], vectors[1]);
        var unrelated = VectorMath.Dot(vectors[0], vectors[2]);
        paraphrase.Should().BeGreaterThan(unrelated + 0.1f);
    }

    [Fact]
    public void Embed_GivesUnitVectorsOfTheModelsDimension_TheSameAloneOrInABatch()
    {
        var batch = _embedder.Embed(["metastatic non-small cell lung cancer with an EGFR exon 19 deletion", "a short one", string.Empty]);
        var alone = _embedder.Embed(["a short one"])[0];

        batch.Should().HaveCount(3).And.OnlyContain(v => v.Length == _embedder.Dimension);
        batch.Should().OnlyContain(v => Math.Abs(VectorMath.Dot(v, v) - 1) < 1e-4);
        for (var i = 0; i < alone.Length; i++)
        {
            batch[1][i].Should().BeApproximately(alone[i], 1e-4f, "padding in a batch must not change a vector");
        }
    }

    [Fact]
    public void Embed_TextPastTheTokenLimit_IsCutThere()
    {
        var start = string.Join(' ', Enumerable.Repeat("glioblastoma temozolomide radiotherapy", 60));
        var vectors = _embedder.Embed([start, start + " " + string.Join(' ', Enumerable.Repeat("fractured wrist cast", 100))]);

        VectorMath.Dot(vectors[0], vectors[1]).Should().BeGreaterThan(0.9999f);
        _embedder.Model.Should().Contain("MiniLM").And.Contain($"{MiniLmEmbedder.MaxTokens} tokens");
    }
}
