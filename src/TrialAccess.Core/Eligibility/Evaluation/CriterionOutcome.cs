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

/// <summary>What an outcome rests on.</summary>
public enum OutcomeBasis
{
    /// <summary>A fact in the patient's record (including a stated absence: "no history of stroke").</summary>
    Recorded,

    /// <summary>
    /// The absence of any mention in a complete history (<see cref="PatientProfile.CompleteHistory"/>): a clinician
    /// pre-screening from a full history presumes that a condition, treatment, procedure or exposure it does not
    /// mention is absent. Shown apart, to be confirmed.
    /// </summary>
    Presumed,

    /// <summary>Nothing settles the outcome: it is Unknown, with a question.</summary>
    Unknown,
}

/// <summary>The outcome of checking one constraint, with the patient fact used and, when unknown, what to ask.</summary>
/// <param name="Evidence">The patient fact the outcome rests on ("ECOG 1", "no EGFR result"), in words a clinician can check.</param>
/// <param name="Question">When Unknown: what to find out about the patient.</param>
public sealed record ConstraintCheck(CriterionOutcome Outcome, string? Evidence = null, string? Question = null)
{
    /// <summary>True when a Met or NotMet outcome rests on presumed absence rather than on a recorded fact.</summary>
    public bool Presumed { get; init; }

    /// <summary>Recorded, presumed or unknown: Unknown outcomes are always <see cref="OutcomeBasis.Unknown"/>, NotApplicable ones recorded.</summary>
    public OutcomeBasis Basis => BasisOf(Outcome, Presumed);

    /// <summary>The basis of an outcome: Unknown is always unknown; only Met and NotMet can be presumed.</summary>
    public static OutcomeBasis BasisOf(CriterionOutcome outcome, bool presumed) => outcome switch
    {
        CriterionOutcome.Unknown => OutcomeBasis.Unknown,
        CriterionOutcome.Met or CriterionOutcome.NotMet when presumed => OutcomeBasis.Presumed,
        _ => OutcomeBasis.Recorded,
    };

    public static ConstraintCheck Met(string evidence) => new(CriterionOutcome.Met, evidence);

    /// <summary>
    /// The patient is presumed not to have what the constraint describes: nothing in a complete history mentions it.
    /// The question says what to confirm.
    /// </summary>
    public static ConstraintCheck PresumedAbsent(string what, string confirm) =>
        new(CriterionOutcome.NotMet, $"no {what} recorded: presumed absent, confirm", confirm) { Presumed = true };

    public static ConstraintCheck NotMet(string evidence) => new(CriterionOutcome.NotMet, evidence);

    public static ConstraintCheck Unknown(string question, string? evidence = null) => new(CriterionOutcome.Unknown, evidence, question);

    public static ConstraintCheck NotApplicable(string evidence) => new(CriterionOutcome.NotApplicable, evidence);

    public static ConstraintCheck Of(bool holds, string evidence) => holds ? Met(evidence) : NotMet(evidence);
}

/// <summary>The names outcomes and bases have in every output (CLI, API, gold files): "met", "not_met", "presumed".</summary>
public static class OutcomeNames
{
    public static string Of(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Met => "met",
        CriterionOutcome.NotMet => "not_met",
        CriterionOutcome.Unknown => "unknown",
        CriterionOutcome.NotApplicable => "not_applicable",
    };

    public static string Of(OutcomeBasis basis) => basis switch
    {
        OutcomeBasis.Recorded => "recorded",
        OutcomeBasis.Presumed => "presumed",
        OutcomeBasis.Unknown => "unknown",
    };
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
    private readonly ConcurrentDictionary<PatientProfile, HashSet<string>> _terms = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<PatientProfile, MainProblem?> _main = new(ReferenceEqualityComparer.Instance);

    private EvaluationContext(EvaluationContext original)
    {
        Today = original.Today;
        Vocabulary = original.Vocabulary;
        _conceptNames = new(StringComparer.Ordinal);
        _terms = new(ReferenceEqualityComparer.Instance);
        _main = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary>The date <paramref name="days"/> days before <see cref="Today"/>; the first date there is for a span longer than the calendar ("within 99999999 days").</summary>
    public DateOnly DaysBefore(decimal days) =>
        days >= Today.DayNumber ? DateOnly.MinValue : days <= 0 ? Today : Today.AddDays(-(int)days);

    /// <summary>The patient's main problem (<see cref="MainProblem.Of"/>), remembered per patient for this context.</summary>
    public MainProblem? MainProblemOf(PatientProfile patient) => _main.GetOrAdd(patient, MainProblem.Of);

    /// <summary>
    /// The patient's presenting symptom when it is the main problem and the record states no current diagnosis at all
    /// ("abdominal pain and vomiting", "lower urinary tract symptoms"); null for a cancer, a named condition, or a
    /// patient with any current diagnosis beside the symptom.
    /// </summary>
    public string? UndiagnosedSymptomOf(PatientProfile patient) =>
        MainProblemOf(patient) is { IsCancer: false, Concept: { } concept } main && Vocabulary.Concepts.IsSignOrSymptom(concept)
        && !patient.Conditions.Any(c => c.Certainty == Certainty.Asserted && c.Concept is { } other && !Vocabulary.Concepts.IsSignOrSymptom(other) && !MainProblem.IsNotAProblem(other))
            ? main.Text
            : null;

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

    /// <summary>
    /// The patient's words, stemmed as the free-text reading stems a criterion's (<see cref="FreeTextReading"/>): the
    /// note when there is one, else the words of every fact. Remembered per patient for this context.
    /// </summary>
    public IReadOnlySet<string> TermsOf(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return _terms.GetOrAdd(patient, static p =>
        {
            var terms = new HashSet<string>(StringComparer.Ordinal);
            void Add(string? text)
            {
                if (!string.IsNullOrEmpty(text))
                {
                    Matching.Retrieval.TextAnalyzer.Analyze(text, t => terms.Add(t));
                }
            }

            Add(p.SourceText);
            foreach (var d in p.Diagnoses)
            {
                Add(d.Text);
                Add(d.Histology);
            }

            foreach (var c in p.Conditions)
            {
                Add(c.Text);
                Add(c.Concept);
            }

            foreach (var t in p.Therapies)
            {
                Add(t.Name);
            }

            foreach (var m in p.Metastases)
            {
                Add(m.Site);
            }

            return terms;
        });
    }

    public bool Equals(EvaluationContext? other) => other is not null && Today == other.Today && ReferenceEquals(Vocabulary, other.Vocabulary);

    public override int GetHashCode() => HashCode.Combine(Today, Vocabulary);
}
