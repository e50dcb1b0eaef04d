using System.Globalization;
using System.Text.Json.Serialization;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>The families of typed constraints, one folder each.</summary>
public enum ConstraintKind
{
    Age,
    Sex,
    CancerType,
    Stage,
    Metastasis,
    Biomarker,
    PerformanceStatus,
    PriorTherapy,
    MeasurableDisease,
    Laboratory,
    OrganFunction,
    Reproductive,
    Infection,
    OtherMalignancy,
    LifeExpectancy,
    Boilerplate,
    Condition,
}

/// <summary>
/// One machine-checkable statement found in a criterion: what it requires, where in the criterion it was written,
/// whether it was negated ("no prior chemotherapy") and the role of its criterion.
/// </summary>
/// <remarks>
/// <see cref="Check"/> answers whether the patient has what the constraint describes, before negation; the engine
/// applies <see cref="Negated"/> and the role. Missing patient data gives Unknown, never NotMet.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AgeConstraint), "age")]
[JsonDerivedType(typeof(SexConstraint), "sex")]
[JsonDerivedType(typeof(CancerTypeConstraint), "cancerType")]
[JsonDerivedType(typeof(StageConstraint), "stage")]
[JsonDerivedType(typeof(MetastasisConstraint), "metastasis")]
[JsonDerivedType(typeof(BiomarkerConstraint), "biomarker")]
[JsonDerivedType(typeof(PerformanceStatusConstraint), "performanceStatus")]
[JsonDerivedType(typeof(PriorTherapyConstraint), "priorTherapy")]
[JsonDerivedType(typeof(MeasurableDiseaseConstraint), "measurableDisease")]
[JsonDerivedType(typeof(LaboratoryConstraint), "laboratory")]
[JsonDerivedType(typeof(OrganFunctionConstraint), "organFunction")]
[JsonDerivedType(typeof(ReproductiveConstraint), "reproductive")]
[JsonDerivedType(typeof(InfectionConstraint), "infection")]
[JsonDerivedType(typeof(OtherMalignancyConstraint), "otherMalignancy")]
[JsonDerivedType(typeof(LifeExpectancyConstraint), "lifeExpectancy")]
[JsonDerivedType(typeof(BoilerplateConstraint), "boilerplate")]
[JsonDerivedType(typeof(ConditionConstraint), "condition")]
public abstract record EligibilityConstraint
{
    [JsonIgnore]
    public abstract ConstraintKind Kind { get; }

    /// <summary>Where the constraint was written, relative to the criterion text.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>True when the criterion states the absence of what the constraint describes ("no", "without", "not").</summary>
    public bool Negated { get; init; }

    public CriterionRole Role { get; init; }

    /// <summary>
    /// True when the words only say what the rule is about, not what the patient must have: the disease a therapy
    /// was for ("no prior chemotherapy for breast cancer"), an exception ("lung disease other than asthma"), the
    /// subject of another study ("a trial in the COPD network"). Such a constraint does not apply to the patient.
    /// </summary>
    public bool Qualifies { get; init; }

    /// <summary>
    /// The ages the constraint is for, when an age in brackets after it says so ("Karnofsky 50-100% (for patients > 16
    /// years of age) or Lansky 50-100% (for patients ≤ 16 years of age)"): nothing to a patient of another age.
    /// </summary>
    public AgeConstraint? AppliesAt { get; init; }

    /// <summary>A short reading of the constraint for a clinician ("ECOG 0-1", "ANC >= 1.5 10^9/L").</summary>
    public abstract string Describe();

    /// <summary>Whether the patient has what the constraint describes, before negation and role are applied.</summary>
    public abstract ConstraintCheck Check(PatientProfile patient, EvaluationContext context);

    /// <summary>The outcome with negation applied: a negated constraint is met when the described thing is absent.</summary>
    public ConstraintCheck Evaluate(PatientProfile patient, EvaluationContext context)
    {
        if (Qualifies)
        {
            return ConstraintCheck.NotApplicable($"{Describe()}: says what the rule is about, not a requirement");
        }

        if (AppliesAt is { } ages && ages.Check(patient, context) is { Outcome: CriterionOutcome.NotMet } outside)
        {
            return ConstraintCheck.NotApplicable($"{Describe()}: for {ages.Describe()} only; {outside.Evidence}");
        }

        var check = Check(patient, context);
        if (!Negated)
        {
            return check;
        }

        return check.Outcome switch
        {
            CriterionOutcome.Met => check with { Outcome = CriterionOutcome.NotMet },
            CriterionOutcome.NotMet => check with { Outcome = CriterionOutcome.Met },
            _ => check,
        };
    }

    /// <summary>
    /// The answer when the record says nothing of what the constraint describes (a condition, treatment, procedure or
    /// exposure): presumed absent in a complete history (<see cref="PatientProfile.CompleteHistory"/>), otherwise the
    /// question. Only families whose subject a complete history would mention call this; measurements never do.
    /// </summary>
    /// <param name="what">What is presumed absent, in words ("myocardial infarction", "prior radiotherapy").</param>
    protected static ConstraintCheck NotRecorded(PatientProfile patient, ConstraintCheck unknown, string what) =>
        patient.CompleteHistory ? ConstraintCheck.PresumedAbsent(what, unknown.Question ?? $"Confirm: does the patient have {what}?") : unknown;

    /// <summary>
    /// The answer for a specific of a cancer (its stage, its measurable disease) when the record names no cancer and no
    /// metastasis at all: a patient without cancer has no cancer stage. Recorded when the record denies cancer,
    /// presumed in a complete history, and null (the family asks its own question) when a cancer is recorded or the
    /// history is not complete.
    /// </summary>
    /// <param name="what">The specific asked for, in words ("cancer stage", "measurable disease").</param>
    protected static ConstraintCheck? WithoutCancer(PatientProfile patient, string what)
    {
        if (patient.Metastases.Count > 0 || patient.Diagnoses.Any(d => d.Certainty != Certainty.Negated))
        {
            return null;
        }

        if (patient.Diagnoses.Count > 0)
        {
            return ConstraintCheck.NotMet($"no cancer diagnosis, so no {what}");
        }

        return patient.CompleteHistory
            ? new ConstraintCheck(CriterionOutcome.NotMet, $"no cancer recorded: presumed absent, so no {what}; confirm", $"Does the patient have a cancer, and what is its {what}?") { Presumed = true }
            : null;
    }

    protected static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>How a measured value is compared with a bound.</summary>
public enum Comparison
{
    AtLeast,
    GreaterThan,
    AtMost,
    LessThan,
    Equal,
}

/// <summary>A bound on a number: "&gt;= 1.5", "&lt; 3".</summary>
public readonly record struct Bound(Comparison Comparison, decimal Value)
{
    public bool Admits(decimal value) => Comparison switch
    {
        Comparison.AtLeast => value >= Value,
        Comparison.GreaterThan => value > Value,
        Comparison.AtMost => value <= Value,
        Comparison.LessThan => value < Value,
        _ => value == Value,
    };

    public override string ToString() => Comparison switch
    {
        Comparison.AtLeast => ">= ",
        Comparison.GreaterThan => "> ",
        Comparison.AtMost => "<= ",
        Comparison.LessThan => "< ",
        _ => "= ",
    } + Value.ToString("0.###", CultureInfo.InvariantCulture);
}
