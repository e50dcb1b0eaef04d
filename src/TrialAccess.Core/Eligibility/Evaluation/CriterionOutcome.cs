using System.Collections.Concurrent;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Evaluation;

/// <summary>What a criterion says about one patient.</summary>
public enum CriterionOutcome
{
    /// <summary>The patient's data shows the criterion holds (for an exclusion: the exclusion applies).</summary>
    Met,

    /// <summary>The patient's data shows the criterion does not hold.</summary>
    NotMet,

    /// <summary>The patient's data does not say: missing data is always Unknown, never NotMet.</summary>
    Unknown,

    /// <summary>The criterion is conditional on something the patient does not have ("women of childbearing potential must ..." for a man), or is procedural (consent).</summary>
    NotApplicable,
}

/// <summary>The outcome of checking one constraint, with the patient fact used and, when unknown, what to ask.</summary>
/// <param name="Evidence">The patient fact the outcome rests on ("ECOG 1", "no EGFR result"), in words a clinician can check.</param>
/// <param name="Question">When Unknown: what to find out about the patient.</param>
public sealed record ConstraintCheck(CriterionOutcome Outcome, string? Evidence = null, string? Question = null)
{
    public static ConstraintCheck Met(string evidence) => new(CriterionOutcome.Met, evidence);

    public static ConstraintCheck NotMet(string evidence) => new(CriterionOutcome.NotMet, evidence);

    public static ConstraintCheck Unknown(string question, string? evidence = null) => new(CriterionOutcome.Unknown, evidence, question);

    public static ConstraintCheck NotApplicable(string evidence) => new(CriterionOutcome.NotApplicable, evidence);

    public static ConstraintCheck Of(bool holds, string evidence) => holds ? Met(evidence) : NotMet(evidence);
}

/// <summary>What evaluation needs besides the patient: the date "now" is, and the vocabulary to relate names.</summary>
/// <param name="Today">The evaluation date; ages, washouts and "within N years" are counted back from it.</param>
/// <remarks>
/// A context also remembers what the vocabulary finds in a patient's own words (<see cref="ConceptNamesIn"/>), so that
/// matching one patient against hundreds of trials reads each of the patient's conditions once. Make one per match
/// (or per patient); a copy made with <c>with</c> starts with nothing remembered. Safe for concurrent use.
/// </remarks>
public sealed record EvaluationContext(DateOnly Today, OncologyVocabulary Vocabulary)
{
    private readonly ConcurrentDictionary<string, string[]> _conceptNames = new(StringComparer.Ordinal);

    private EvaluationContext(EvaluationContext original)
    {
        Today = original.Today;
        Vocabulary = original.Vocabulary;
        _conceptNames = new(StringComparer.Ordinal);
    }

    public static EvaluationContext On(DateOnly today) => new(today, OncologyVocabulary.BuiltIn);

    public static EvaluationContext From(TimeProvider clock) => On(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// The names of the vocabulary's medical concepts found in a text (a patient's condition or therapy as written),
    /// with the broader concepts each is a form of: "atrial flutter" gives "atrial flutter" and "cardiac arrhythmia",
    /// never a sibling such as "atrial fibrillation".
    /// </summary>
    public IReadOnlyList<string> ConceptNamesIn(string text) =>
        _conceptNames.GetOrAdd(
            text,
            static (t, concepts) => [.. concepts.Names.FindAll(t, Tokenizer.Tokenize(t)).SelectMany(m => concepts.WithBroader(m.Value)).Distinct(StringComparer.OrdinalIgnoreCase)],
            Vocabulary.Concepts);

    public bool Equals(EvaluationContext? other) => other is not null && Today == other.Today && ReferenceEquals(Vocabulary, other.Vocabulary);

    public override int GetHashCode() => HashCode.Combine(Today, Vocabulary);
}
