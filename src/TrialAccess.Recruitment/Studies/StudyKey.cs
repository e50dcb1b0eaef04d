using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using TrialAccess.Trials;

namespace TrialAccess.Recruitment.Studies;

/// <summary>Where a monitored study is registered: a registry trial, or an early-phase project of the pipeline module.</summary>
public enum StudySource
{
    /// <summary>A trial on ClinicalTrials.gov, by NCT id.</summary>
    Registry,

    /// <summary>A project of the drug-development pipeline module, by that module's project id (referenced by id only).</summary>
    Pipeline,
}

/// <summary>
/// The identity of a monitored study: <c>NCT04280705</c> for a registry trial, <c>pipeline:P-0042</c> for a pipeline
/// project. The text form is what CSV logs, URLs and the API use.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StudyKeyJsonConverter))]
public readonly partial record struct StudyKey
{
    public const string PipelinePrefix = "pipeline:";

    private StudyKey(StudySource source, string value) => (Source, Value) = (source, value);

    public StudySource Source { get; }

    /// <summary>The NCT id (upper case) or the pipeline project id, without the prefix.</summary>
    public string Value { get; }

    public static StudyKey ForTrial(NctId id) => new(StudySource.Registry, id.ToString());

    /// <summary>The NCT id of a registry study; null for a pipeline project.</summary>
    public NctId? NctId => Source == StudySource.Registry ? Trials.NctId.Parse(Value) : null;

    public static bool TryParse([NotNullWhen(true)] string? text, out StudyKey key)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.StartsWith(PipelinePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var id = text[PipelinePrefix.Length..];
            if (!PipelineId().IsMatch(id))
            {
                return false;
            }

            key = new StudyKey(StudySource.Pipeline, id);
            return true;
        }

        if (Trials.NctId.TryParse(text, out var nct))
        {
            key = ForTrial(nct);
            return true;
        }

        return false;
    }

    public static StudyKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a study id (an NCT id, or pipeline:<project id>).");

    public override string ToString() => Source == StudySource.Registry ? Value : PipelinePrefix + Value;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex PipelineId();
}
