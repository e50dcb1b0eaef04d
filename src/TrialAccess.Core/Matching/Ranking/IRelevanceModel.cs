namespace TrialAccess.Matching.Ranking;

/// <summary>
/// A learned relevance model: scores candidates from their <see cref="RankingFeatures"/>, higher first. The port the
/// matcher ranks with when one is given; the ML adapter (<c>TrialAccess.Ranking</c>) implements it, hosts compose it.
/// </summary>
public interface IRelevanceModel
{
    /// <summary>A short name for reports ("ranker-v1").</summary>
    string Name { get; }

    /// <summary>The feature names the model was trained on, in order: must equal <see cref="RankingFeatures.Names"/>.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>One score per row of features (each row in <see cref="FeatureNames"/> order); NaN marks a missing value.</summary>
    IReadOnlyList<double> Score(IReadOnlyList<float[]> rows);
}

/// <summary>Thrown when a model's features are not those this build extracts.</summary>
public sealed class RelevanceModelMismatchException(string message) : InvalidOperationException(message)
{
    /// <summary>Throws unless the model's feature names are exactly <see cref="RankingFeatures.Names"/>, in order.</summary>
    public static void ThrowIfIncompatible(IRelevanceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var expected = RankingFeatures.Names;
        var actual = model.FeatureNames;
        if (actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            return;
        }

        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var unknown = actual.Except(expected, StringComparer.Ordinal).ToList();
        var detail = missing.Count == 0 && unknown.Count == 0
            ? "same names in another order"
            : $"missing [{string.Join(", ", missing)}], unknown [{string.Join(", ", unknown)}]";
        throw new RelevanceModelMismatchException(
            $"the ranking model '{model.Name}' was trained on {actual.Count} features that are not the {expected.Count} this build extracts ({detail}): retrain it with 'trialaccess train ranker'");
    }
}
