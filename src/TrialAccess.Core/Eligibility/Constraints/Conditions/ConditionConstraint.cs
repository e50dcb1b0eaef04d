using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// A condition, medication or procedure from general medicine, by the vocabulary's concept: "history of myocardial
/// infarction", "type 2 diabetes", "on insulin", "organ transplant".
/// </summary>
/// <param name="Concept">The canonical concept name (curated or MeSH).</param>
/// <param name="WithinMonths">"Within the past 6 months", or null.</param>
/// <param name="Qualifier">
/// A word that narrows the condition ("uncontrolled", "active", "severe", "clinically significant"): a patient who
/// merely has the condition may or may not have it in that form, so presence alone is Unknown, not Met.
/// </param>
public sealed partial record ConditionConstraint(string Concept, MedicalConceptKind ConceptKind, decimal? WithinMonths = null, string? Qualifier = null) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.Condition;

    public override string Describe() => $"{ConceptKind.ToString().ToLowerInvariant()}: {(Qualifier is null || Qualifier.StartsWith("to ", StringComparison.Ordinal) ? string.Empty : Qualifier + " ")}{Concept}{(Qualifier is not null && Qualifier.StartsWith("to ", StringComparison.Ordinal) ? " " + Qualifier : string.Empty)}{(WithinMonths is { } m ? $" within {Number(m)} months" : string.Empty)}";

    /// <summary>
    /// True when the criterion is about where the patient is cared for now ("Hospitalized patients with ...",
    /// "inpatients"), not about a past stay: notes rarely state it, so it is never presumed absent.
    /// </summary>
    public bool CurrentSetting { get; init; }

    /// <summary>
    /// True when the criterion asks for the condition suspected ("suspected acute appendicitis", "clinical suspicion of
    /// sepsis") or a risk of it ("with or at risk of acute stroke"): a clinician's working hypothesis or judgement, which a
    /// note that does not name the condition does not rule out.
    /// </summary>
    public bool Suspected { get; init; }

    /// <summary>
    /// Conditions the criterion excepts from this one ("any current neurologic disorder except migraine headaches"): a
    /// patient whose only form of it is one of them does not have what the criterion is about.
    /// </summary>
    public IReadOnlyList<string> Except { get; init; } = [];

    /// <summary>
    /// True when the criterion asks about an "other" condition ("stroke, or other neurological disease", "any other
    /// psychiatric disorder", "neurologic disorder other than MG"): the patient's own main problem, which the trial is
    /// about, is not that other one, and a form of the condition the patient has leaves a question.
    /// </summary>
    public bool Other { get; init; }

    /// <summary>True when the criterion asks about the condition now ("any current neurologic disorder"): a past one leaves a question.</summary>
    public bool CurrentOnly { get; init; }

    /// <summary>
    /// True when the concept is not one the vocabulary names but the criterion's own words ("history of vestibular
    /// disease"), read by <see cref="UnlistedConceptParser"/>. The engine cannot know the record's other names for it,
    /// so such a constraint never counts against the patient: where the record's words settle it in the patient's
    /// favour (the concept named for an inclusion, not named at all in a complete history for an exclusion) it is
    /// answered, and otherwise it is a question.
    /// </summary>
    public bool Unlisted { get; init; }

    /// <summary>The vocabulary's concept for surgery in general ("surgery", "surgically", "resection", "major surgery").</summary>
    internal const string GeneralSurgeryConcept = "major surgery";

    private static readonly ConcurrentDictionary<(MedicalConceptKind Kind, string Concept, decimal? WithinMonths, bool Complete), ConstraintCheck> NothingRecordedChecks = new();

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        if (Unlisted)
        {
            return CheckUnlisted(patient, context);
        }

        return CheckListed(patient, context);
    }

    private ConstraintCheck CheckUnlisted(PatientProfile patient, EvaluationContext context) =>
        UnlistedConcepts.InPatientsFavour(this, CheckListed(patient, context), patient, Concept, $"Does the patient have {(ConceptKind == MedicalConceptKind.Condition ? string.Empty : "had ")}{Concept}?");

    private ConstraintCheck CheckListed(PatientProfile patient, EvaluationContext context)
    {
        // Menopause, before, around or after it, is a woman's: "(including those < 1 year post-menopausal)" asks nothing of a man.
        if (patient.Sex?.Value == PatientSex.Male && Concept is "menopause" or "perimenopause" or "premenopause")
        {
            return ConstraintCheck.NotApplicable($"{Concept}: the patient is a man");
        }

        // Before, around and after menopause exclude one another: a woman recorded as postmenopausal is not premenopausal.
        if (OtherMenopausalStatus(patient) is { } other)
        {
            return ConstraintCheck.NotMet(other);
        }

        foreach (var condition in patient.Conditions)
        {
            if (!Same(context, condition.Concept, condition.Text) || IsExcepted(context, condition) || (Other && IsMainProblem(context, patient, condition)))
            {
                continue;
            }

            // "Or other neurological disease" met only through a form of it ("multiple sclerosis"): whether that is the
            // other disease meant, or the one the trial studies, is for the clinician to say.
            if (Other && condition.Certainty is Certainty.Asserted or Certainty.Historical
                && !string.Equals(condition.Concept, Concept, StringComparison.OrdinalIgnoreCase) && !condition.Text.Contains(Concept, StringComparison.OrdinalIgnoreCase))
            {
                return ConstraintCheck.Unknown($"Is the patient's {condition.Text} the other {Concept} this criterion means, or the disease the trial studies?", condition.Text);
            }

            if (condition.Certainty == Certainty.Negated)
            {
                // "No obstructive pancreatitis" rules out one form, not the condition.
                if (NarrowerForm(condition.Text))
                {
                    continue;
                }

                return ConstraintCheck.NotMet($"no {condition.Text}");
            }

            if (condition.Certainty is Certainty.Hypothetical or Certainty.FamilyHistory)
            {
                continue;
            }

            if (WithinMonths is { } months)
            {
                if (condition.OnsetOn is { } onset)
                {
                    return ConstraintCheck.Of(onset >= context.DaysBefore(months * 30.44m), $"{condition.Text} since {onset:yyyy-MM-dd}");
                }

                return ConstraintCheck.Unknown($"When did the patient have {condition.Text}?", condition.Text);
            }

            var evidence = condition.Certainty == Certainty.Historical ? $"history of {condition.Text}" : condition.Text;
            if (CurrentOnly && condition.Certainty == Certainty.Historical)
            {
                return ConstraintCheck.Unknown($"Is the patient's {condition.Text} current?", evidence);
            }

            return Qualifier is null
                ? ConstraintCheck.Met(evidence)
                : ConstraintCheck.Unknown($"Is the patient's {condition.Text} {Qualifier}?", evidence);
        }

        // A sign the record gives as a value only ("temperature 39.2", "BMI 41.5", "BP 150/100"): met by its definition,
        // or, for a raised blood pressure, a question rather than a presumed absence.
        if (ConceptKind == MedicalConceptKind.Condition && WithinMonths is null && MeasuredSigns.Of(Concept, patient) is { } measured)
        {
            return measured.Outcome == CriterionOutcome.Met && Qualifier is not null
                ? ConstraintCheck.Unknown($"Is the patient's {Concept} {Qualifier}?", measured.Evidence)
                : measured;
        }

        if (ConceptKind != MedicalConceptKind.Condition)
        {
            // A procedure of a relative is not the patient's; one the record proposes ("a candidate for TURP") is not yet
            // done, and may be the one a criterion about a planned operation means: a question either way.
            var therapy = patient.Therapies.FirstOrDefault(t => t.Certainty != Certainty.FamilyHistory && Same(context, null, t.Name));
            if (therapy is not null)
            {
                return therapy.Certainty switch
                {
                    Certainty.Negated => ConstraintCheck.NotMet($"no {therapy.Name}"),
                    Certainty.Hypothetical => ConstraintCheck.Unknown($"The record proposes {therapy.Name}: has it been done, or is it the one the criterion means?", $"{therapy.Name} proposed"),
                    _ => ConstraintCheck.Met(therapy.Name),
                };
            }

            // Surgery in general ("surgically resected", "surgical resection of thyroid tissue") may be an operation the
            // record names (a lumpectomy) or another one: a question, never a presumed absence. A time limit ("major
            // surgery within 4 weeks") is not read from it.
            if (Concept == GeneralSurgeryConcept && WithinMonths is null
                && patient.Therapies.FirstOrDefault(t => t.Kind == TherapyKind.Surgery && t.Certainty is Certainty.Asserted or Certainty.Historical) is { } surgery)
            {
                return ConstraintCheck.Unknown($"Is the patient's {surgery.Name} the surgery this criterion means?", $"{surgery.Name} (surgery)");
            }
        }

        // A drug given for this condition only ("levothyroxine" for hypothyroidism): the condition is presumed, to confirm.
        if (ConceptKind == MedicalConceptKind.Condition && WithinMonths is null && Qualifier is null && TreatingDrug(patient, context) is { } drug)
        {
            return new ConstraintCheck(CriterionOutcome.Met, $"on {drug.Name}, given for {DrugIndications.Of(drug.Name)}: presumed, confirm", $"Does the patient have {Concept}? (on {drug.Name})") { Presumed = true };
        }

        // Nothing recorded: that answer depends only on the constraint, made once for each concept and timing.
        return NothingRecordedChecks.GetOrAdd((ConceptKind, Concept, WithinMonths, patient.CompleteHistory && !CurrentSetting && !Suspected), static key =>
        {
            var unknown = ConstraintCheck.Unknown(
                $"Does the patient have {(key.Kind == MedicalConceptKind.Condition ? string.Empty : "had ")}{key.Concept}{(key.WithinMonths is { } w ? $" in the last {Number(w)} months" : string.Empty)}?",
                $"no {key.Concept} recorded");
            // A laboratory abnormality ("hypokalemia", "neutropenia", "eosinophilia") is a measurement: a history that
            // gives no value says nothing of it, so it is never presumed absent; nor is what a history does not record
            // of anyone (a BMI band, menopause, whether the veins can be cannulated).
            return key.Complete && !IsLaboratoryAbnormality(key.Concept) ? ConstraintCheck.PresumedAbsent(key.Concept, unknown.Question!) : unknown;
        });
    }

    /// <summary>A current drug the record names whose only use is this condition (see <see cref="DrugIndications"/>), or null.</summary>
    private Therapy? TreatingDrug(PatientProfile patient, EvaluationContext context)
    {
        foreach (var therapy in patient.Therapies)
        {
            if (therapy.Kind == TherapyKind.Drug && therapy.Certainty == Certainty.Asserted && DrugIndications.Of(therapy.Name) is { } indication
                && Same(context, indication, indication))
            {
                return therapy;
            }
        }

        return null;
    }

    private static bool IsLaboratoryAbnormality(string concept) => LaboratoryAbnormality().IsMatch(concept);

    private bool IsExcepted(EvaluationContext context, Condition condition)
    {
        foreach (var excepted in Except)
        {
            if (string.Equals(condition.Concept, excepted, StringComparison.OrdinalIgnoreCase)
                || context.ConceptNamesIn(condition.Text).Contains(excepted, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The patient's recorded menopausal status when this concept is another one ("postmenopausal" against "premenopause"), else null.</summary>
    private string? OtherMenopausalStatus(PatientProfile patient)
    {
        string[] statuses = ["premenopause", "perimenopause", "menopause"];
        if (!statuses.Contains(Concept, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var recorded = patient.Conditions
            .Where(c => c.Certainty == Certainty.Asserted && statuses.Contains(c.Concept, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return recorded.Count > 0 && recorded.TrueForAll(c => !string.Equals(c.Concept, Concept, StringComparison.OrdinalIgnoreCase))
            ? recorded[0].Text
            : null;
    }

    private static bool IsMainProblem(EvaluationContext context, PatientProfile patient, Condition condition) =>
        context.MainProblemOf(patient) is { IsCancer: false } main
        && (string.Equals(main.Text, condition.Text, StringComparison.OrdinalIgnoreCase) || (main.Concept is not null && string.Equals(main.Concept, condition.Concept, StringComparison.OrdinalIgnoreCase)));


    [GeneratedRegex(@"^(?:hypo|hyper)(?:kal|natr|calc|magnes|phosphat|album|prote|glyc|ox)\w*(?:emia|aemia)$|^(?!osteo|sarco)\w+penia$|\w+cytosis$|^eosinophilia$|^(?:obesity|morbid obesity|overweight|underweight|venous access|amenorrhea|menopause|perimenopause|premenopause|azotemia|uremia|proteinuria|albuminuria|ketoacidosis|acidosis|alkalosis|prolonged qt\w*|qt prolongation|ecg abnormality|electrolyte (?:abnormalit\w+|imbalance|disturbance)s?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LaboratoryAbnormality();

    /// <summary>True when the patient's words name a form of the concept ("obstructive pancreatitis" for "pancreatitis").</summary>
    private bool NarrowerForm(string text)
    {
        var at = text.IndexOf(Concept, StringComparison.OrdinalIgnoreCase);
        return at > 0 && text[..at].Trim().Length > 2;
    }

    /// <summary>
    /// True when the patient's condition (its concept and its words) is this concept or a form of it: the vocabulary's
    /// broader concepts count ("atrial flutter" is an arrhythmia), concepts beside it never do.
    /// </summary>
    private bool Same(EvaluationContext context, string? concept, string text) =>
        string.Equals(concept, Concept, StringComparison.OrdinalIgnoreCase)
        || text.Contains(Concept, StringComparison.OrdinalIgnoreCase)
        || Names(context.ConceptNamesIn(text))
        || (concept is not null && Names(context.ConceptNamesIn(concept)));

    /// <summary>True when one of the names is this concept (a loop: it runs for every condition of every check).</summary>
    private bool Names(IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Equals(Concept, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Finds conditions, medications and procedures by the vocabulary's names, where no more specific constraint claimed the words.</summary>
public static partial class ConditionParser
{
    public static void Parse(CriterionContext c)
    {
        var within = Within().Match(c.Text);
        var months = MonthsOf(within);
        // "At least 6 months since prior cerebrovascular accident": the condition must not have occurred in that time.
        var since = c.HasWord("since") ? SinceWashout().Match(c.Text) : Match.Empty;
        var sinceMonths = MonthsOf(since);
        List<ConditionConstraint>? generalAllergies = null;
        foreach (var m in c.Vocabulary.Concepts.Names.FindAll(c.Text, c.Tokens))
        {
            // "Never smoker, current smoker, or former smoker": the condition named both absent and present, as
            // alternatives, allows either; the criterion then requires nothing of it.
            if (!c.IsClaimed(m.Start, m.End) && c.Found.OfType<ConditionConstraint>().FirstOrDefault(f => f.Concept == m.Value.Name && !f.Qualifies) is { } earlier
                && earlier.Negated != (NegativeName().IsMatch(c.Lower.AsSpan(m.Start, m.End - m.Start))
                    ^ (c.IsNegatedAt(m.Start) && !NegativeName().IsMatch(c.Lower.AsSpan(earlier.Span.Start, earlier.Span.Length))))
                && AlternativeBetween().IsMatch(c.Lower.AsSpan(earlier.Span.End, Math.Max(0, m.Start - earlier.Span.End))))
            {
                c.Found[c.Found.IndexOf(earlier)] = earlier with { Qualifies = true };
                continue;
            }

            if (c.IsClaimed(m.Start, m.End) || c.Found.OfType<ConditionConstraint>().Any(f => f.Concept == m.Value.Name)
                || (m.Value.Kind == MedicalConceptKind.Medication && c.Found.OfType<PriorTherapyConstraint>().Any(f => string.Equals(f.Agent, m.Value.Name, StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }

            // "PSC 833", "ABT-199": an abbreviation followed by a number is a drug's code, not the condition it spells.
            if (m.End < c.Text.Length && IsAbbreviation(c.Text.AsSpan(m.Start, m.End - m.Start)) && CodeNumberAfter().IsMatch(c.Text.AsSpan(m.End)))
            {
                c.Claim(m.Start, m.End);
                continue;
            }

            // "Biopsy-proven Richter's transformation (Richter Transformation - RT)": an abbreviation the criterion
            // defines by words whose initials it is, and which do not name the concept, is not the concept it spells elsewhere.
            if (m.End - m.Start is >= 2 and <= 6 && IsAbbreviation(c.Text.AsSpan(m.Start, m.End - m.Start))
                && DefinedOtherwise(c, c.Text[m.Start..m.End], m.Value.Name))
            {
                c.Claim(m.Start, m.End);
                continue;
            }

            // "Approving the participant in the weight loss intervention": the goal of an intervention, not the symptom;
            // "a score of at least 2 for erythema": the sign a score rates, which the score's own constraint asks about;
            // "prostatic length 30-50 mm by cystoscopy": the procedure a measurement is taken by, not one the history must hold.
            if ((m.Value.Kind == MedicalConceptKind.Condition && (GoalOfIntervention().IsMatch(c.Lower.AsSpan(m.Start, m.End - m.Start)) && InterventionAfter().IsMatch(c.Lower, m.End)
                    || RatedBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Start - 60), Math.Min(m.Start, 60)))))
                || (m.Value.Kind == MedicalConceptKind.Procedure && MeasuredBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Start - 40), Math.Min(m.Start, 40)))))
            {
                c.Claim(m.Start, m.End);
                continue;
            }

            // "FEV1 after 2 puffs of albuterol": the drug given for the measurement, not a treatment requirement;
            // "levodopa response": the response to the drug, which naming the drug does not settle.
            // "Resistance to thyroid hormone", "growth hormone deficiency": the body's own hormone, not one given.
            if (m.Value.Kind == MedicalConceptKind.Medication && (c.IsTestDrugAt(m.Start) || PriorTherapyParser.IsResponseAt(c, m.Start, m.End) || c.IsMeasuredSubstanceAt(m.End) || c.IsAntigenAt(m.Start)
                || (IsHormone(m.Value.Name) && c.IsEndogenousHormoneAt(m.Start, m.End))))
            {
                c.Claim(m.Start, m.End);
                continue;
            }

            // "Pneumonitis requiring steroid treatment": a treatment the patient would need is part of another rule.
            // "Corticosteroids stopped 6 weeks before transplantation", "eligible for surgery": a procedure to come.
            if ((m.Value.Kind == MedicalConceptKind.Medication && (c.IsProspectiveAt(m.Start) || c.IsRequiredAt(m.Start) || c.IsDueByEnrolmentAfter(m.End)))
                || (m.Value.Kind == MedicalConceptKind.Procedure && (c.IsProspectiveAt(m.Start) || ProspectiveAfter().IsMatch(c.Lower, m.End) || c.IsDueByEnrolmentAfter(m.End))))
            {
                c.Claim(m.Start, m.End);
                continue;
            }

            // "Allergy to ribavirin", "contraindications to metronidazole": the reaction to the agent, not the agent.
            if (m.Value.Kind == MedicalConceptKind.Medication && c.IsAllergyObjectAt(m.Start))
            {
                c.Add(new ConditionConstraint($"allergy to {m.Value.Name}", MedicalConceptKind.Condition) { Span = CriterionContext.Span(m.Start, m.End), Negated = c.IsNegatedAt(m.Start) });
                continue;
            }

            // "Hypersensitivity to the study drug or its excipients": an allergy to that agent, not any allergy (a
            // patient with hay fever does not have it); when the agents are named, their own constraints say it.
            // "Resistance or intolerance to hydroxyurea": a treatment that failed, which the treatment's own constraint reads.
            if (m.Value.Name == AllergyConcept && (ResistanceOrBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Start - 40), m.Start - Math.Max(0, m.Start - 40))) || OrResistanceAfter().IsMatch(c.Lower, m.End)))
            {
                c.Claim(m.Start, m.End);
                continue;
            }

            if (m.Value.Name == AllergyConcept && AllergyObjectAfter().Match(c.Text, m.End) is { Success: true } allergen)
            {
                c.Claim(m.Start, m.End);
                (generalAllergies ??= []).Add(new ConditionConstraint(DrugAllergyConcept, MedicalConceptKind.Condition, Qualifier: $"to {allergen.Groups["what"].Value.Trim()}") { Span = CriterionContext.Span(m.Start, m.End), Negated = c.IsNegatedAt(m.Start), Qualifies = c.IsPermittedAt(m.Start) });
                continue;
            }

            // "Otherwise healthy", "medically healthy": no other serious illness beside the one studied, not a healthy
            // volunteer. ("Good general health" of a patient who is ill stays a healthy-volunteer requirement.)
            if (m.Value.Name == HealthyConcept && GeneralHealth().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Start - 25), Math.Min(m.End + 10, c.Lower.Length) - Math.Max(0, m.Start - 25))))
            {
                c.Add(new ConditionConstraint(IntercurrentIllnessConcept, MedicalConceptKind.Condition) { Span = CriterionContext.Span(m.Start, m.End), Negated = !c.IsNegatedAt(m.Start) });
                continue;
            }

            // A medication is a treatment the patient had, has or must avoid: a prior-therapy constraint by name.
            var qualifier = Qualifier().Match(c.Text[Math.Max(0, m.Start - 40)..m.End]);
            // "Autoimmune disease", "chronic obstructive pulmonary disease": a word of the concept's own name is not a qualifier of it.
            if (qualifier.Success && Math.Max(0, m.Start - 40) + qualifier.Groups["q"].Index >= m.Start
                && m.Value.Name.Contains(qualifier.Groups["q"].Value, StringComparison.OrdinalIgnoreCase))
            {
                qualifier = Match.Empty;
            }

            if (!qualifier.Success)
            {
                // "Nonatherosclerotic stroke", "non-ischemic cardiomyopathy": a form named by what it is not.
                qualifier = NotForm().Match(c.Text[Math.Max(0, m.Start - 30)..m.Start]);
            }

            var after = Narrowing().Match(c.Text, m.End);

            // "Diabetic nephropathy", "alcoholic hepatitis", "hypertensive crisis": the condition's adjective names one of
            // its complications, which a patient with the condition may not have.
            if (!after.Success && m.Value.Kind == MedicalConceptKind.Condition && AdjectiveForm().IsMatch(c.Text.AsSpan(m.Start, m.End - m.Start))
                && Complication().Match(c.Text, m.End) is { Success: true } complication)
            {
                qualifier = Match.Empty;
                after = complication;
            }
            // "More than 3 drinks per day", "at least 20 pack-years": a habit in an amount, which a record that names the
            // habit without it does not settle.
            var amount = m.Value.Name is SmokingConcept or AlcoholConcept && !qualifier.Success && !after.Success ? HabitAmount().Match(c.Text) : Match.Empty;
            var dose = m.Value.Kind == MedicalConceptKind.Medication ? PriorTherapyParser.DoseLimitAt(c, m.Start, m.End) : null;
            EligibilityConstraint constraint = m.Value.Kind == MedicalConceptKind.Medication
                ? new PriorTherapyConstraint(m.Value.Name, TherapyAgentKind.DrugClass, Refractory: PriorTherapyParser.RefractoryBefore(c, m.Start), WithinDays: months is { } mo ? (int)(mo * 30) : null, Current: months is null && PriorTherapyParser.IsCurrentAt(c, m.Start, m.End)) { Purpose = PriorTherapyParser.PurposeAt(c, m.End), DoseLimit = dose?.Limit, DoseBelow = dose?.Below ?? false }
                : new ConditionConstraint(m.Value.Name, m.Value.Kind, months, qualifier.Success ? qualifier.Groups["q"].Value.ToLowerInvariant() : amount.Success ? $"in the amount stated ({amount.Value.Trim()})" : NarrowingOf(after));
            // A name that carries its own negation ("non-smoker", "never smoker", "able to swallow" for malabsorption)
            // is the concept's absence.
            var negated = c.IsNegatedAt(m.Start) ^ NegativeName().IsMatch(c.Lower.AsSpan(m.Start, m.End - m.Start));
            if (sinceMonths is { } interval && m.Value.Kind == MedicalConceptKind.Condition && m.Start >= since.Index + since.Length && m.Start - (since.Index + since.Length) < 40
                && constraint is ConditionConstraint { WithinMonths: null } recent)
            {
                constraint = recent with { WithinMonths = interval };
                negated = !negated;
            }

            // "At least 4 weeks since cyclosporine, methotrexate, azathioprine or other GVHD prophylaxis", "at least 2
            // months since prior standard therapy (including over the counter drugs)": every drug of the sentence's
            // list is washed out, none is required.
            if (since.Success && constraint is PriorTherapyConstraint { WithinDays: null } drug && CriterionContext.LastMatchBefore(since, m.Start) is { } nearest
                && MonthsOf(nearest) is { } washout && !SentenceBreak().IsMatch(c.Lower.AsSpan(nearest.Index + nearest.Length, m.Start - (nearest.Index + nearest.Length))))
            {
                constraint = drug with { WithinDays = (int)Math.Round(washout * 30.44m), Current = false };
                negated = !negated;
            }

            // "Asthma requiring hospitalization", "crises, each requiring hospitalization", "pneumothorax requiring a chest
            // tube": the stay or procedure is the form of the condition named before it (its qualifier), not one the
            // patient must have had of its own (drugs and the treatments the therapy parser reads are claimed there).
            if (m.Value.Kind == MedicalConceptKind.Procedure && c.IsRequiredAt(m.Start)
                && c.Found.OfType<ConditionConstraint>().LastOrDefault(f => f.Span.End <= m.Start && f.ConceptKind == MedicalConceptKind.Condition
                    && c.Lower.AsSpan(f.Span.End, m.Start - f.Span.End).IndexOfAny('.', ';') < 0) is { } form)
            {
                if (form.Qualifier is null)
                {
                    c.Found[c.Found.IndexOf(form)] = form with { Qualifier = $"requiring {m.Value.Name}" };
                }

                c.Claim(m.Start, m.End);
                continue;
            }

            // "Required ICU care during the hospital admission": the stay is when, not what, the criterion asks.
            if (m.Value.Name == "hospitalization" && DuringBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Start - 25), m.Start - Math.Max(0, m.Start - 25))))
            {
                c.Claim(m.Start, m.End);
                continue;
            }

            if (constraint is ConditionConstraint { Concept: "hospitalization", WithinMonths: null } stay && CurrentStay().IsMatch(c.Lower.AsSpan(m.Start, m.End - m.Start)) && !PastStay().IsMatch(c.Lower))
            {
                constraint = stay with { CurrentSetting = true };
            }

            if (constraint is ConditionConstraint diagnosis && c.Role == Segmentation.CriterionRole.Inclusion && m.Value.Kind == MedicalConceptKind.Condition && SuspectedBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Start - 40), m.Start - Math.Max(0, m.Start - 40))))
            {
                constraint = diagnosis with { Suspected = true };
            }

            // "Other GVHD prophylaxis/treatment", "hypertension medication": the condition a treatment is for.
            if (m.Value.Kind == MedicalConceptKind.Condition && TreatmentOfAfter().IsMatch(c.Lower, m.End))
            {
                c.Claim(m.Start, m.End);
                continue;
            }

            if (constraint is ConditionConstraint general && (OtherBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Start - 60), m.Start - Math.Max(0, m.Start - 60))) || ExceptionAfter().IsMatch(c.Lower, m.End)))
            {
                constraint = general with { Other = true };
            }

            if (constraint is ConditionConstraint now && CurrentBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Start - 30), m.Start - Math.Max(0, m.Start - 30))))
            {
                constraint = now with { CurrentOnly = true };
            }

            c.Add(constraint with { Span = CriterionContext.Span(m.Start, m.End), Negated = negated, Qualifies = c.IsQualifierAt(m.Start) || (constraint is PriorTherapyConstraint && c.IsTreatmentDespiteAt(m.Start)) });
        }

        // An allergy "to" agents the criterion names is read as an allergy to each of them; to anything else (the study
        // drug, its excipients), as a drug allergy to that.
        foreach (var allergy in generalAllergies ?? [])
        {
            if (!c.Found.OfType<ConditionConstraint>().Any(f => f.Concept.StartsWith("allergy to ", StringComparison.Ordinal) && f.Span.Start >= allergy.Span.End))
            {
                c.Add(allergy);
            }
        }
    }

    [GeneratedRegex(@"\b(?<q>(?:more\s+than|at\s+least|over|a\s+minimum\s+of)\s+(?:one|two|three|four|five|\d+)(?:\s+(?:or\s+more|previous|prior|documented|separate))*\s+(?:episodes?|recurrences?|attacks?|relapses?|exacerbations?|bouts?|flares?)|familial|hereditary|congenital|secondary|drug[- ]induced|autoimmune|gestational|juvenile|uncontrolled|poorly\s+controlled|not\s+controlled|inadequately\s+controlled|active|severe|serious|significant|clinically\s+significant|symptomatic|unstable|decompensated|untreated|progressive|acute|chronic|major|life[- ]threatening|incessant|sustained|recurrent|refractory|intractable|persistent|continued|continuing|predominant|dominant|non-?reversible|irreversible|new(?!\s+york)|new-onset|worsening|(?:unable|inability|failure|failed|difficult)\s+to\s+(?:terminate|control|induce|convert|suppress|stop|abolish|eliminate|treat|manage|resolve|map|ablate))\b(?:,?\s+\S+){0,4}[\s,]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"^(?:(?:non-?\s?|never\s)[a-z]+ers?$|able\s+to\s|ability\s+to\s)", RegexOptions.CultureInvariant)]
    private static partial Regex NegativeName();

    /// <summary>
    /// True when the criterion writes out <paramref name="abbreviation"/> as words of its own ("Richter Transformation -
    /// RT", "clinical trial (CT)") whose initials it is and which do not name <paramref name="concept"/>.
    /// </summary>
    private static bool DefinedOtherwise(CriterionContext c, string abbreviation, string concept)
    {
        // Most abbreviations are not defined in the criterion at all: look for the only places a definition ends.
        if (!c.Text.Contains("(" + abbreviation, StringComparison.Ordinal) && !c.Text.Contains("- " + abbreviation, StringComparison.Ordinal)
            && !c.Text.Contains("-" + abbreviation, StringComparison.Ordinal) && !c.Text.Contains(", " + abbreviation, StringComparison.Ordinal)
            && !c.Text.Contains(": " + abbreviation, StringComparison.Ordinal) && !c.Text.Contains("= " + abbreviation, StringComparison.Ordinal))
        {
            return false;
        }

        var words = abbreviation.Length;
        var pattern = $@"(?<phrase>(?:\b[A-Za-z][\w']*[\s-]+){{{words - 1}}}[A-Za-z][\w']*)\s*(?:\(\s*|[-–:=,]\s*){Regex.Escape(abbreviation)}\b";
        try
        {
            foreach (Match definition in Regex.Matches(c.Text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)))
            {
                var phrase = definition.Groups["phrase"].Value;
                var initials = string.Concat(phrase.Split([' ', '-', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));
                if (initials == abbreviation.ToUpperInvariant()
                    && !c.Vocabulary.Concepts.Names.FindAll(phrase, Vocabulary.Tokenizer.Tokenize(phrase)).Exists(x => x.Value.Name == concept))
                {
                    return true;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A text the pattern cannot settle in time: read the abbreviation as the vocabulary's, as before.
        }

        return false;
    }

    [GeneratedRegex(@"^(?:weight\s+(?:loss|reduction)|losing\s+weight)$", RegexOptions.CultureInvariant)]
    private static partial Regex GoalOfIntervention();

    [GeneratedRegex(@"\G\s+(?:interventions?|programs?|programmes?|projects?|pilot|plans?|services?|clinics?|diets?|surgery|surger(?:y|ies)|stud(?:y|ies)|trials?|medications?|drugs?|counsel\w*|class(?:es)?|goals?|attempts?|treatments?|therap(?:y|ies)|groups?|sessions?|management|procedures?|operations?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InterventionAfter();

    [GeneratedRegex(@"\b(?:scores?|grades?|ratings?)\s+(?:of\s+)?(?:(?:at\s+least|at\s+most|>=?|<=?|≥|≤|more\s+than|less\s+than)\s*)?(?:\d+(?:\.\d+)?\s+)?(?:or\s+(?:more|higher|greater|less|lower)\s+)?(?:for|on)\s+(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RatedBefore();

    [GeneratedRegex(@"(?:\d\s*(?:mm|cm|ml|cc|g|%)\s+|\b(?:measured|assessed|estimated|determined|calculated|quantified)\s+)(?:by|on|at|using|with|via)\s+(?:an?\s+|the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MeasuredBefore();

    private static bool IsHormone(string name) =>
        name.Contains("hormone", StringComparison.OrdinalIgnoreCase) || Hormones.Contains(name);

    private static readonly HashSet<string> Hormones = new(StringComparer.OrdinalIgnoreCase)
    {
        "insulin", "cortisol", "testosterone", "estrogen", "estrogens", "oestrogen", "estradiol", "progesterone", "thyroxine", "levothyroxine",
        "glucagon", "melatonin", "oxytocin", "vasopressin", "aldosterone", "prolactin", "erythropoietin", "TSH", "somatostatin",
    };

    private static bool IsAbbreviation(ReadOnlySpan<char> name)
    {
        foreach (var ch in name)
        {
            if (char.IsLower(ch) || char.IsWhiteSpace(ch))
            {
                return false;
            }
        }

        return name.Length >= 2;
    }

    [GeneratedRegex(@"^[ -]?\d{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex CodeNumberAfter();

    private const string AllergyConcept = "allergy";

    [GeneratedRegex(@"^[^.;]{0,60}(?:,|\bor\b|/)", RegexOptions.CultureInvariant)]
    private static partial Regex AlternativeBetween();

    /// <summary>The interval of a match with groups "num" and "unit" in months (years x 12, weeks / 4.35, days / 30), or null.</summary>
    private static decimal? MonthsOf(Match match)
    {
        if (!match.Success || (CriterionContext.ParseNumber(match.Groups["num"].Value) ?? (match.Groups["num"].Value == "twenty-four" ? 24 : Numbers.NumberText.CountOrNull(match.Groups["num"].Value))) is not { } n)
        {
            return null;
        }

        // A number past any span of a life ("99999999999999999999999999999 years") stays a long time, not an overflow.
        n = Math.Min(n, 1_000_000m);
        var unit = char.ToLowerInvariant(match.Groups["unit"].Value[0]);
        return unit switch
        {
            'y' => n * 12,
            'w' => Math.Round(n / 4.35m, 1),
            'd' => Math.Round(n / 30m, 1),
            _ => n,
        };
    }

    [GeneratedRegex(@"\b(?:at\s+least|more\s+than|greater\s+than|over|[>≥])\s*(?<num>\d+(?:\.\d+)?)\s*(?<unit>days?|weeks?|months?|years?)\s+(?:must\s+have\s+(?:passed|elapsed)\s+)?since\s+(?:the\s+)?(?:prior|previous|last|any)?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinceWashout();

    internal const string HealthyConcept = "healthy volunteer";

    private const string IntercurrentIllnessConcept = "intercurrent illness";

    [GeneratedRegex(@"\b(?:otherwise|medically|physically)\s+healthy\b", RegexOptions.CultureInvariant)]
    private static partial Regex GeneralHealth();

    private const string SmokingConcept = "smoking";

    private const string AlcoholConcept = "alcohol consumption";

    /// <summary>An amount of tobacco or alcohol: "20 pack years", "> 3 standard drinks", "14 units per week", "10 cigarettes a day".</summary>
    [GeneratedRegex(@"(?:[<>≤≥]=?\s*)?\b\d+(?:\.\d+)?\s*(?:-\s*\d+\s*)?(?:standard\s+|alcoholic\s+)?(?:pack[- ]?years?|packs?|cigarettes?|cigars?|drinks?|units?|glasses|grams?\s+(?:of\s+)?(?:alcohol|ethanol))\b|\b(?:heavy|excessive|binge)\s+(?:drink\w*|smok\w*|alcohol)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HabitAmount();

    private const string DrugAllergyConcept = "drug allergy";

    [GeneratedRegex(@"\b(?:resistan\w*|refractory|failure|failed|progression)(?:\s+(?:to|of|on))?\s*(?:or|and|and/or|/)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ResistanceOrBefore();

    [GeneratedRegex(@"\G\w*\s+(?:of|to)\s+(?:or|and|and/or)\s+(?:resistan|refractory)", RegexOptions.CultureInvariant)]
    private static partial Regex OrResistanceAfter();

    /// <summary>What an allergy is to, right after the word: "to the investigational product or its excipients".</summary>
    [GeneratedRegex(@"\G\s*(?:\w+\s+){0,2}?(?:to|of|against)\s+(?<what>[^.;:()]{2,80})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllergyObjectAfter();

    [GeneratedRegex(@"\b(?<q>non-?\s?[a-z]{4,})\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotForm();

    /// <summary>
    /// "Any current neurologic disorder except migraine headaches": the conditions named as exceptions after a
    /// condition are that condition's exceptions (see <see cref="ConditionConstraint.Except"/>).
    /// </summary>
    /// <remarks>Run once every family has read the criterion.</remarks>
    public static void ExceptNamedConditions(CriterionContext c, List<EligibilityConstraint> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i] is not ConditionConstraint { Qualifies: false } general)
            {
                continue;
            }

            var excepted = found.OfType<ConditionConstraint>()
                .Where(t => t.Qualifies && t.Span.Start > general.Span.Start && c.IsExceptedAt(t.Span.Start))
                .Select(t => t.Concept)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (excepted.Count > 0)
            {
                found[i] = general with { Except = excepted };
            }
        }
    }

    [GeneratedRegex(@"\b(?:during|throughout|at\s+the\s+time\s+of)\s+(?:the|this|that|their|his|her|index|current|same)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex DuringBefore();

    [GeneratedRegex(@"\bother\s+(?:[\w-]+[\s/,]+){0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherBefore();

    [GeneratedRegex(@"\G\s*(?:\([^)]{1,12}\)\s*)?(?:prophylaxis|prevention|treatments?|therapy|therapies|medications?|drugs?|regimens?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TreatmentOfAfter();

    /// <summary>"Neurologic disorder other than MG", "psychiatric illness except mild depression": the condition less an exception.</summary>
    [GeneratedRegex(@"\G\s*(?:[\w/-]+\s+)?(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from|besides)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionAfter();

    [GeneratedRegex(@"\b(?:current(?:ly)?|ongoing|present|existing)\s+(?:[\w-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrentBefore();

    [GeneratedRegex(@"[;.]\s|\bat\s+least\b|\bwithin\b", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    /// <summary>"Surgically amenable", "surgically resectable": a procedure the patient could have, named before the word that says so.</summary>
    [GeneratedRegex(@"\G\s*(?:amenable|eligible|suitable|unsuitable|resectable|unresectable|operable|inoperable|curable|feasible|possible|indicated|candidates?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProspectiveAfter();

    [GeneratedRegex(@"\b(?:suspect(?:ed)?|suspicion\s+of|possible|probable|presumptive|presumed|working\s+diagnosis\s+of)\s+(?:(?:or|and|/)\s+(?:confirmed|proven|documented)\s+)?(?:[a-z-]+\s+){0,2}$|\b(?:at|of)\s+(?:high\s+|increased\s+)?risk\s+(?:of|for)(?:\s+(?:developing|having))?\s+(?:[a-z-]+,?\s+){0,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex SuspectedBefore();

    [GeneratedRegex(@"^(?:hospitali[sz]ed|inpatients?)$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrentStay();

    [GeneratedRegex(@"\b(?:history|prior|previous(?:ly)?|past|ever|within|times?|episodes?|been|since)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PastStay();

    /// <summary>
    /// Words right after a condition that narrow it to a cause or a threshold: "amyloidosis secondary to rheumatoid
    /// arthritis", "bradycardia (HR &lt; 40)", "abdominal pain without tenderness". A patient who has the condition may not have it in that form.
    /// </summary>
    [GeneratedRegex(@"\G\s*,?\s*(?:(?<cause>(?:(?:(?!(?:and|or|but|with|without|not|no)\b)[a-z-]+\s+)?(?:(?:each|all|both|and|which|that)\s+)?(?:requir(?:ing|es|ed)|needing|needed|necessitating)\s+(?!(?:no|not)\b)|secondary\s+to|due\s+to|caused\s+by|induced\s+by|resulting\s+from|attributable\s+to|related\s+to|(?:[a-z-]+\s+){0,2}(?:on\s+the\s+day\s+of|at\s+the\s+time\s+of)|inducible|induced\s+(?:on|by|at|during|after)|(?:isolated|limited|confined|restricted|localized|localised)\s+to|without(?=\s+[a-z]))\b[^,;.()]{0,60})|\(\s*(?<threshold>(?:[a-z]{1,12}\s*)?(?:[<>≤≥]|(?:more|less|greater|lower|higher)\s+than)\s*=?\s*\d[^)]{0,40})\))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Narrowing();

    /// <summary>One word that is a condition's adjective ("diabetic", "alcoholic", "hypertensive", "asthmatic").</summary>
    [GeneratedRegex(@"^[A-Za-z]+(?:ic|ive)$", RegexOptions.CultureInvariant)]
    private static partial Regex AdjectiveForm();

    /// <summary>A complication named after a condition's adjective: "(diabetic) nephropathy", "(alcoholic) hepatitis".</summary>
    [GeneratedRegex(@"\G\s+(?<cause>(?:nephropathy|neuropathy|retinopathy|macular\s+o?edema|foot(?:\s+ulcers?)?|ulcers?|ketoacidosis|gastroparesis|cardiomyopathy|hepatitis|cirrhosis|liver\s+disease|crisis|emergency|urgency|encephalopathy|kidney\s+disease|renal\s+disease|nephrosclerosis|heart\s+disease|coma|seizures?|pancreatitis|myopathy|dementia|psychosis|attack|exacerbation))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Complication();

    private static string? NarrowingOf(Match after) =>
        !after.Success ? null
        : after.Groups["cause"].Success ? after.Groups["cause"].Value.Trim()
        : $"as defined ({after.Groups["threshold"].Value.Trim()})";

    [GeneratedRegex(@"(?:within|in\s+the\s+(?:last|past|previous|preceding)|during\s+the\s+(?:last|past)|<)\s*(?:the\s+)?(?:past\s+|last\s+)?(?<num>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s*(?<unit>months?|years?|weeks?|days?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Within();
}
