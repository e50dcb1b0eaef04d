using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Evaluation;

/// <summary>A trial's answer for one patient, from the most to the least favourable. Only <see cref="Ineligible"/> may hide a trial.</summary>
public enum TrialVerdict
{
    /// <summary>Every criterion is met (inclusion) or not met (exclusion) on recorded facts, or does not apply.</summary>
    Eligible,

    /// <summary>Nothing fails and nothing is unknown, but some outcomes rest on presumed absence: confirm them.</summary>
    LikelyEligible,

    /// <summary>Nothing fails, but something is unknown: see the questions to ask.</summary>
    PossiblyEligible,

    /// <summary>A criterion fails on a presumption only (something a complete history does not mention): confirm it.</summary>
    LikelyIneligible,

    /// <summary>At least one criterion fails on a recorded fact: see which.</summary>
    Ineligible,
}

/// <summary>One constraint's outcome, with negation applied.</summary>
public sealed record ConstraintEvaluation(EligibilityConstraint Constraint, ConstraintCheck Check);

/// <summary>
/// One criterion's outcome for a patient. For an inclusion, Met means the patient satisfies it; for an exclusion, Met
/// means the exclusion applies (the patient is excluded). <see cref="Fails"/> says which outcome rules the patient out.
/// </summary>
public sealed record CriterionEvaluation(ParsedCriterion Criterion, CriterionOutcome Outcome, IReadOnlyList<ConstraintEvaluation> Constraints, string? Evidence, IReadOnlyList<string> Questions)
{
    /// <summary>True when a Met or NotMet outcome rests on presumed absence (see <see cref="OutcomeBasis.Presumed"/>).</summary>
    public bool Presumed { get; init; }

    /// <summary>Recorded, presumed or unknown (Unknown outcomes are always unknown, NotApplicable ones recorded).</summary>
    public OutcomeBasis Basis => ConstraintCheck.BasisOf(Outcome, Presumed);

    public CriterionRole Role => Criterion.Segment.Role;

    public bool Fails => Role == CriterionRole.Inclusion ? Outcome == CriterionOutcome.NotMet : Outcome == CriterionOutcome.Met;
}

/// <summary>A trial's verdict for a patient, with every criterion's outcome, the failing criteria and the questions to ask.</summary>
/// <param name="Failing">The criteria that rule the patient out, recorded failures first.</param>
public sealed record TrialEvaluation(TrialVerdict Verdict, IReadOnlyList<CriterionEvaluation> Criteria, IReadOnlyList<CriterionEvaluation> Failing, IReadOnlyList<string> Questions)
{
    /// <summary>The criteria whose outcome rests on presumed absence, to confirm ("not recorded, presumed absent").</summary>
    public IEnumerable<CriterionEvaluation> Presumptions => Criteria.Where(c => c.Basis == OutcomeBasis.Presumed);
}

/// <summary>
/// Evaluates parsed criteria against a patient. Within an inclusion criterion constraints combine with AND (all must
/// hold); within an exclusion criterion with OR (any listed condition excludes). Missing data is Unknown, never NotMet.
/// </summary>
public static partial class EligibilityEvaluator
{
    public static CriterionEvaluation Evaluate(ParsedCriterion criterion, PatientProfile patient, EvaluationContext context) =>
        Evaluate(criterion, CriterionPlan.For(criterion), patient, context);

    private static CriterionEvaluation Evaluate(ParsedCriterion criterion, CriterionPlan plan, PatientProfile patient, EvaluationContext context)
    {
        if (criterion.Scope is not { } scope)
        {
            return EvaluateRule(criterion, plan, patient, context);
        }

        // A rule about another person ("Donors must be HIV-negative"): the record of the patient does not answer it.
        // Consent and study conduct ("Parents must sign the consent form") are settled at enrolment as for the patient.
        if (scope.OtherPerson)
        {
            var conduct = EvaluateRule(criterion, plan, patient, context);
            return conduct.Outcome == CriterionOutcome.NotApplicable ? conduct : new CriterionEvaluation(criterion, CriterionOutcome.Unknown, [], $"about the patient's {scope.Label.ToLowerInvariant()}, not the patient", [$"Does the patient's {scope.Label.ToLowerInvariant()} meet this: \"{Shorten(criterion.Segment.Text)}\"?"]);
        }

        // A rule limited to a subgroup: nothing to the patients outside it; a question, never a failure, while it is not
        // known whether the patient is in it.
        var (member, evidence) = Membership(scope, patient, context);
        if (member == CriterionOutcome.NotMet)
        {
            return new CriterionEvaluation(criterion, CriterionOutcome.NotApplicable, [], $"applies only to {scope.Label}; the patient is not in it ({evidence})", []);
        }

        var rule = EvaluateRule(criterion, plan, patient, context);
        return member == CriterionOutcome.Unknown && rule.Fails
            ? rule with
            {
                Outcome = CriterionOutcome.Unknown,
                Presumed = false,
                Evidence = $"{rule.Evidence} (applies only to {scope.Label}, and whether the patient is in it is not known)",
                Questions = [$"Does the patient belong to \"{scope.Label}\"? If so: {rule.Criterion.Segment.Text}"],
            }
            : rule;
    }

    /// <summary>Whether the patient is in a criterion's subgroup: all its constraints hold; a cohort label is unknown.</summary>
    private static (CriterionOutcome Member, string? Evidence) Membership(CriterionScope scope, PatientProfile patient, EvaluationContext context)
    {
        if (scope.Healthy && (patient.Diagnoses.Any(d => d.Certainty is Certainty.Asserted) || patient.Conditions.Any(c => c.Certainty is Certainty.Asserted)))
        {
            return (CriterionOutcome.NotMet, "the patient has a recorded condition");
        }

        if (scope.Constraints.Count == 0)
        {
            return (CriterionOutcome.Unknown, null);
        }

        var all = new Outcomes();
        string? evidence = null;
        foreach (var constraint in scope.Constraints)
        {
            var check = constraint.Evaluate(patient, context);
            all.Add(check);
            if (check.Outcome == CriterionOutcome.NotMet)
            {
                evidence ??= check.Evidence;
            }
        }

        var outcome = all.AllHold.Outcome;
        return (outcome == CriterionOutcome.NotApplicable ? CriterionOutcome.Unknown : outcome, evidence);
    }

    private static CriterionEvaluation EvaluateRule(ParsedCriterion criterion, CriterionPlan plan, PatientProfile patient, EvaluationContext context)
    {
        if (plan.Permission)
        {
            return new CriterionEvaluation(criterion, CriterionOutcome.NotApplicable, [], "permits, does not require", []);
        }

        if (plan.FreeTextQuestion is { } ask)
        {
            if (plan.FreeText is { NotARule: true })
            {
                return new CriterionEvaluation(criterion, CriterionOutcome.NotApplicable, [], "asks nothing of the patient at entry (a heading, the inclusion criteria restated, or an event during the study)", []);
            }

            // Not parsed, but about something a complete history would mention, and the record mentions none of its
            // words: presumed absent, as for a typed condition.
            // An inclusion the engine could not read is not presumed failed: what it requires is not known (an
            // alternative of a list, a heading, a specific of the studied disease); only one that asks for an absence
            // is presumed met.
            if (plan.FreeText is { Presumable: true } reading && patient.CompleteHistory
                && (criterion.Segment.Role != CriterionRole.Inclusion || reading.AsksForAbsence)
                && !reading.MentionedIn(context.TermsOf(patient)))
            {
                return new CriterionEvaluation(criterion, reading.AsksForAbsence ? CriterionOutcome.Met : CriterionOutcome.NotMet, [], "nothing in the record mentions what this criterion is about: presumed absent, confirm", [ask]) { Presumed = true };
            }

            return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, [], "free text: not understood by the engine", [ask]);
        }

        var results = new ConstraintEvaluation[criterion.Constraints.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var constraint = criterion.Constraints[i];
            results[i] = new ConstraintEvaluation(constraint, constraint.Evaluate(patient, context));
        }

        // One constraint (most criteria) is its own outcome whatever the role: combining one outcome gives it back.
        Combined combined;
        if (results.Length == 1)
        {
            combined = new Combined(results[0].Check.Outcome, results[0].Check.Presumed);

            // "Women with known defects of the hemostasis" read only as far as "women": the rest, not understood, is
            // what excludes; being a woman does not.
            if (criterion.Segment.Role == CriterionRole.Exclusion && combined.Outcome == CriterionOutcome.Met
                && results[0].Constraint.Kind is ConstraintKind.Age or ConstraintKind.Sex
                && ScopeWordsAfter().Match(criterion.Segment.Text, Math.Min(criterion.Segment.Text.Length, results[0].Constraint.Span.End)) is { Success: true } scopeWords
                && criterion.Segment.Text.AsSpan(scopeWords.Index + scopeWords.Length).Trim().Length > 3)
            {
                combined = new Combined(CriterionOutcome.Unknown, false);
            }
        }
        else if (plan.AtLeast is { } enough)
        {
            combined = AtLeast(results, enough);
        }
        else if (plan.InclusionChains is { } chains)
        {
            var all = new Outcomes();
            foreach (var chain in chains)
            {
                var any = new Outcomes();
                foreach (var i in chain)
                {
                    any.Add(results[i].Check);
                }

                all.Add(any.AnyHolds);
            }

            combined = all.AllHold;
        }
        else if (criterion.Segment.Role == CriterionRole.Exclusion && ConjunctiveScope(results, criterion.Segment.Text) is { } scoped)
        {
            combined = scoped;
        }
        else
        {
            var any = new Outcomes();
            foreach (var result in results)
            {
                any.Add(result.Check);
            }

            combined = any.AnyHolds;
            if (combined.Outcome == CriterionOutcome.Unknown && criterion.Segment.Role == CriterionRole.Exclusion && ExamplesOfAnAbsentCondition(results, criterion.Segment.Text))
            {
                combined = new Combined(CriterionOutcome.NotMet, true);
            }
        }

        var outcome = combined.Outcome;

        // The distinct evidence of the decisive constraints and, when unknown, their distinct questions, in order.
        // Loops, not LINQ: this runs for every criterion of every candidate of every match.
        List<string>? decisive = null;
        List<string>? questions = null;
        foreach (var result in results)
        {
            if (result.Check.Outcome != outcome)
            {
                continue;
            }

            if (result.Check.Evidence is { } evidence && !(decisive ??= []).Contains(evidence))
            {
                decisive.Add(evidence);
            }

            if (outcome == CriterionOutcome.Unknown && result.Check.Question is { } question && !(questions ??= []).Contains(question))
            {
                questions.Add(question);
            }
        }

        var joined = decisive is null ? null : decisive.Count == 1 ? decisive[0] : string.Join("; ", decisive);
        if (outcome == CriterionOutcome.Unknown && questions is null)
        {
            questions = [$"Does this apply to the patient: \"{Shorten(criterion.Segment.Text)}\"?"];
        }

        // An exclusion that names the patient's own main problem and says more than its name ("bundle branch reentry
        // VT as the presenting VT", "perforated appendicitis with diffuse fluid") excludes a form of it: having the
        // problem does not say the patient has that form.
        if (outcome == CriterionOutcome.Met && !combined.Presumed && criterion.Segment.Role == CriterionRole.Exclusion
            && context.MainProblemOf(patient) is { } main && NamesOnlyTheMainProblem(results, main, context) is { Count: > 0 } named
            && !OnlyNames(criterion.Segment.Text, named))
        {
            return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, results, $"{joined} (the patient's own {main.Text}; {ParticularForm})", [$"Is the patient's {main.Text} of the kind this excludes: \"{Shorten(criterion.Segment.Text)}\"?"]);
        }

        // "Any condition, including therapy with interferon, that in the opinion of the investigator might confound the
        // results": what it names is necessary, not sufficient; whether the patient's counts is the investigator's call.
        if (outcome == CriterionOutcome.Met && criterion.Segment.Role == CriterionRole.Exclusion && HasJudgement(results)
            && InvestigatorJudgement().IsMatch(criterion.Segment.Text))
        {
            return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, results, $"{joined} (excludes only in the investigator's judgement)", [$"In the investigator's judgement, does this exclude the patient: \"{Shorten(criterion.Segment.Text)}\"?"]);
        }

        // "Able to have an MRI scan (no pacemakers or history of claustrophobia)" listed among exclusions: a requirement
        // filed under the wrong heading. Met literally it would exclude the patients it means to admit: a question.
        if (outcome == CriterionOutcome.Met && criterion.Segment.Role == CriterionRole.Exclusion && AbilityHead().IsMatch(criterion.Segment.Text))
        {
            return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, results, $"{joined} (a requirement listed among the exclusions)", [$"This exclusion reads as a requirement; does it exclude the patient: \"{Shorten(criterion.Segment.Text)}\"? (ask the study team)"]);
        }

        // "MRI scan demonstrating no structural lesions: stroke, tumor or hydrocephalus", "must not have received anti-CD20
        // antibodies in the past 30 days", "treated conservatively (non-surgically)" listed among exclusions: met only
        // because what it names is presumed absent, it reads as a requirement filed under the wrong heading. Excluding on
        // that double negative would exclude the patients it means to admit: a question, not an exclusion met.
        if (outcome == CriterionOutcome.Met && combined.Presumed && criterion.Segment.Role == CriterionRole.Exclusion && MetOnlyThroughPresumedAbsence(results))
        {
            return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, results, $"{joined} (an exclusion met only because what it names is presumed absent: it reads as a requirement)", [$"This exclusion reads as a requirement; does it exclude the patient: \"{Shorten(criterion.Segment.Text)}\"? (ask the study team)"]);
        }

        // A note on another criterion ("(Note: The prednisone dose must be stable as defined in the prednisone only group)",
        // "NOTE: Positive nodes refers to H&E visible nodal metastases") or a pointer to criteria written elsewhere
        // ("Criteria as indicated in Study Population Description (i.e., ... hypertension ...)") is no rule of its own:
        // what it names presumed absent does not fail the patient.
        if (combined.Presumed && outcome == (criterion.Segment.Role == CriterionRole.Inclusion ? CriterionOutcome.NotMet : CriterionOutcome.Met))
        {
            var text = criterion.Segment.Text;
            if (NoteHead().IsMatch(text))
            {
                return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, results, $"{joined} (a note explaining another criterion)", [.. (questions ?? []).Append($"Does this note change whether the patient can join: \"{Shorten(text)}\"?")]);
            }

            if (ElsewhereHead().IsMatch(text))
            {
                return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, results, $"{joined} (the criteria are given elsewhere in the record)", [$"The record gives these criteria elsewhere; does the patient meet them: \"{Shorten(text)}\"?"]);
            }

            // "This was only for those centers who had selected cisplatin": a rule that depends on the site, which the
            // patient's record cannot answer.
            if (SiteConditional().IsMatch(text))
            {
                return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, results, $"{joined} (applies only at some sites)", [$"Does this apply at the patient's site: \"{Shorten(text)}\"?"]);
            }
        }

        // "Applicable disorders include but are not limited to dystonia, hemifacial spasm": the list gives examples of
        // what the trial takes, not all of it. Every one presumed absent does not say the patient has none of what it
        // means; the question is the study team's.
        if (outcome == CriterionOutcome.NotMet && combined.Presumed && criterion.Segment.Role == CriterionRole.Inclusion
            && ExamplesOnly(criterion.Segment.Text, results) is { } examples && OnlyExamplesFail(results, examples))
        {
            return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, results, $"{joined} (the list gives examples only)", [.. (questions ?? []).Append($"Does the patient have what this criterion means, beyond its examples: \"{Shorten(criterion.Segment.Text)}\"?")]);
        }

        // A patient who presents with a symptom and no working diagnosis ("abdominal pain", "lower urinary tract
        // symptoms") may have an unnamed condition an inclusion asks for: it is the question being worked up, so its
        // absence from the note is not presumed (conditions only; treatments and procedures are history).
        if (outcome == CriterionOutcome.NotMet && combined.Presumed && criterion.Segment.Role == CriterionRole.Inclusion
            && context.UndiagnosedSymptomOf(patient) is { } symptom && OnlyUnrecordedConditionsFail(results, context))
        {
            return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, results, $"{joined} (the patient presents with {symptom} and no diagnosis is recorded)", [.. (questions ?? []).Append($"Is this the cause of the patient's {symptom}, or is it otherwise present: \"{Shorten(criterion.Segment.Text)}\"?")]);
        }

        return new CriterionEvaluation(criterion, outcome, results, joined, questions ?? []) { Presumed = combined.Presumed };
    }

    /// <summary>
    /// "Decompensated liver disease, including prolonged clotting times, hypoalbuminemia, encephalopathy": what follows
    /// "including", "such as", "e.g." or "defined as" are the forms or signs of the condition named before it. When that
    /// condition is absent (recorded or presumed) or only heads the rule as a label, none of its signs is recorded and at
    /// least one is absent, the signs left unknown do not leave the exclusion open: a patient without the condition has
    /// none of its forms. The outcome is presumed. A value among them (a laboratory bound) still leaves it open.
    /// </summary>
    private static bool ExamplesOfAnAbsentCondition(ConstraintEvaluation[] results, string text)
    {
        if (ExampleCue().Match(text) is not { Success: true } cue)
        {
            return false;
        }

        // The condition is the one named before the cue, absent (recorded or presumed) or a label heading the rule
        // ("Liver disease: ... as defined by ..."); at least one of the named forms must be absent too.
        var head = false;
        var absent = false;
        foreach (var result in results)
        {
            var before = result.Constraint.Span.Start < cue.Index;
            switch (result.Check.Outcome)
            {
                case CriterionOutcome.Met:
                    return false;
                // A value that defines the condition ("renal impairment (i.e., eGFR < 60)") is never presumed.
                case CriterionOutcome.Unknown when before || result.Constraint.Kind is not ConstraintKind.Condition:
                    return false;
                case CriterionOutcome.NotMet:
                    absent = true;
                    head |= before && result.Constraint is ConditionConstraint { ConceptKind: MedicalConceptKind.Condition, Unlisted: false };
                    break;
                case CriterionOutcome.NotApplicable when before && result.Constraint is ConditionConstraint { ConceptKind: MedicalConceptKind.Condition }:
                    head = true;
                    break;
            }
        }

        return head && absent;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:including|includes|such\s+as|e\.\s?g\.?|i\.\s?e\.?|defined\s+as|as\s+(?:defined|evidenced|manifested)\s+by|manifested\s+by|characteri[sz]ed\s+by)(?=[\s,:(])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ExampleCue();

    /// <summary>
    /// True when every constraint that fails does so because a diagnosis (not a treatment or procedure, not a symptom a
    /// note would state, not good health) is not recorded.
    /// </summary>
    private static bool OnlyUnrecordedConditionsFail(ConstraintEvaluation[] results, EvaluationContext context)
    {
        var any = false;
        foreach (var result in results)
        {
            if (result.Check.Outcome != CriterionOutcome.NotMet)
            {
                continue;
            }

            if (!result.Check.Presumed || result.Constraint is not ConditionConstraint { ConceptKind: MedicalConceptKind.Condition, Negated: false } condition
                || condition.Concept == ConditionParser.HealthyConcept || context.Vocabulary.Concepts.IsSignOrSymptom(condition.Concept))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>
    /// An exclusion whose age, sex or cancer type says whom the rest is about ("Women with known defects of
    /// haemostasis", "Patients >= 3 years of age that have received narcotics", "Stage IV cervical cancer"): those hold
    /// together with the rest (any of it), they do not exclude on their own. Null when the criterion has no such mix.
    /// </summary>
    private static Combined? ConjunctiveScope(ConstraintEvaluation[] results, string text)
    {
        var scope = new Outcomes();
        var rest = new Outcomes();
        bool scoped = false, other = false;
        foreach (var result in results)
        {
            switch (result.Constraint.Kind)
            {
                case ConstraintKind.Age or ConstraintKind.Sex when ScopeWordsAfter().IsMatch(text, Math.Min(text.Length, result.Constraint.Span.End)):
                    scope.Add(result.Check);
                    scoped = true;
                    break;
                case ConstraintKind.CancerType:
                    scope.Add(result.Check);
                    break;
                default:
                    rest.Add(result.Check);
                    other = true;
                    break;
            }
        }

        // A cancer type scopes the rest only beside its stage, marker or spread ("HER2-positive breast cancer"); beside
        // a condition or a treatment it is one more thing excluded ("prior breast cancer or lymphoma").
        var stagedCancer = Array.Exists(results, r => r.Constraint.Kind == ConstraintKind.CancerType)
            && Array.TrueForAll(results, r => r.Constraint.Kind is ConstraintKind.CancerType or ConstraintKind.Stage or ConstraintKind.Biomarker or ConstraintKind.Metastasis);
        if (!other || !(scoped || stagedCancer))
        {
            return null;
        }

        var both = new Outcomes();
        both.Add(scope.AllHold);
        both.Add(rest.AnyHolds);
        return both.AllHold;
    }

    /// <summary>"Women with ...", "patients >= 3 years of age that have ...": the age or sex says whom the rest is about.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\G\W{0,3}(?:(?:years?|yrs?|of|age|old|patients?|subjects?|participants?|individuals|persons|people|and\s+older|or\s+older)\s*){0,4}(?:with|who|that|having|taking|receiving|on|undergoing|in\s+whom)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ScopeWordsAfter();

    private static bool HasJudgement(ConstraintEvaluation[] results) => Array.Exists(results, r => r.Constraint.Kind == ConstraintKind.Boilerplate);

    /// <summary>A criterion that points to criteria written elsewhere: "Criteria as indicated in the Study Population Description", "See the detailed description".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:the\s+)?(?:eligibility\s+|inclusion\s+|exclusion\s+)?criteria\s+(?:are\s+)?(?:as\s+)?(?:indicated|described|listed|defined|outlined|detailed|given|specified)\s+(?:in|under|below|above)|(?:please\s+)?see\s+(?:the\s+)?(?:detailed\s+description|study\s+(?:population\s+)?description|protocol|brief\s+summary))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ElsewhereHead();

    /// <summary>A rule for some sites only: "only for those centers who had selected cisplatin", "at sites that use MRI".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:only\s+(?:for|at|in)\s+(?:those\s+|the\s+)?|(?:for|at|in)\s+(?:those|the)\s+|at\s+(?:participating\s+)?)(?:cent(?:er|re)s|sites|institutions|hospitals)\s+(?:who|that|which|where|selecting|using|participating)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SiteConditional();

    /// <summary>A criterion that is a note on others: "Note:", "(Note: ...", "NB:", "Please note".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:please\s+)?(?:note|nb|n\.b\.)\b\s*[:\-–]?", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NoteHead();

    /// <summary>True when every constraint that is met is a negated one met because its subject is presumed absent.</summary>
    private static bool MetOnlyThroughPresumedAbsence(ConstraintEvaluation[] results)
    {
        var any = false;
        foreach (var result in results)
        {
            if (result.Check.Outcome == CriterionOutcome.Met)
            {
                if (!result.Constraint.Negated || !result.Check.Presumed)
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>"Including but not limited to", "include but are not limited to": what follows are examples.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?:but|and)\s+(?:(?:is|are)\s+)?)?not\s+(?:be\s+)?limited\s+to\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NotLimitedTo();

    /// <summary>
    /// Where a list of examples starts: after "not limited to", or after "including", "such as", "e.g." when nothing before
    /// it was read ("Patients with SM, including mast cell leukemia": the class is not one the engine knows). Null otherwise.
    /// </summary>
    private static int? ExamplesOnly(string text, ConstraintEvaluation[] results)
    {
        if (NotLimitedTo().Match(text) is { Success: true } notLimited)
        {
            return notLimited.Index;
        }

        return SomeExamples().Match(text) is { Success: true } some && Array.TrueForAll(results, r => r.Constraint.Span.Start > some.Index) ? some.Index : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:including|includes|such\s+as|e\.\s?g\.?|for\s+example)(?=[\s,:(])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SomeExamples();

    /// <summary>True when every constraint that fails stands after <paramref name="cue"/>: only examples of the list fail.</summary>
    private static bool OnlyExamplesFail(ConstraintEvaluation[] results, int cue)
    {
        var any = false;
        foreach (var result in results)
        {
            if (result.Check.Outcome == CriterionOutcome.NotMet)
            {
                if (result.Constraint.Span.Start < cue)
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>A criterion that opens with what the patient can or will do ("Able to", "Willing and able to", "Capable of").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:must|should)\s+be\s+)?(?:(?:able|capable|willing)(?:\s+and\s+(?:able|willing|capable))?\s+(?:to|of)|ability\s+to)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AbilityHead();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:opinion|judg(?:e)?ment|discretion|deemed|considered\s+by\s+the\s+investigator)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex InvestigatorJudgement();

    /// <summary>
    /// "Two or more of (A, B, C)": met when enough of the listed constraints are met, not met when too few can still be,
    /// unknown otherwise; age and sex constraints beside the list must hold as well.
    /// </summary>
    private static Combined AtLeast(ConstraintEvaluation[] results, int enough)
    {
        var demographic = new Outcomes();
        int met = 0, metPresumed = 0, unknown = 0, notMetPresumed = 0;
        foreach (var result in results)
        {
            var check = result.Check;
            if (result.Constraint.Kind is ConstraintKind.Age or ConstraintKind.Sex)
            {
                demographic.Add(check);
                continue;
            }

            switch (check.Outcome)
            {
                case CriterionOutcome.Met:
                    met++;
                    metPresumed += check.Presumed ? 1 : 0;
                    break;
                case CriterionOutcome.Unknown:
                    unknown++;
                    break;
                case CriterionOutcome.NotMet:
                    notMetPresumed += check.Presumed ? 1 : 0;
                    break;
            }
        }

        var list = met >= enough ? new Combined(CriterionOutcome.Met, met - metPresumed < enough)
            : met + unknown < enough ? new Combined(CriterionOutcome.NotMet, notMetPresumed > 0)
            : new Combined(CriterionOutcome.Unknown, false);
        demographic.Add(list);
        return demographic.AllHold;
    }

    /// <summary>The constraints that make an exclusion apply, when every one of them names the patient's main problem; else empty.</summary>
    private static List<EligibilityConstraint> NamesOnlyTheMainProblem(ConstraintEvaluation[] results, MainProblem main, EvaluationContext context)
    {
        var named = new List<EligibilityConstraint>();
        foreach (var result in results)
        {
            if (result.Check.Outcome != CriterionOutcome.Met)
            {
                continue;
            }

            var isMain = result.Constraint switch
            {
                CancerTypeConstraint => main.IsCancer,
                ConditionConstraint condition => string.Equals(condition.Concept, main.Concept, StringComparison.OrdinalIgnoreCase)
                    || context.ConceptNamesIn(main.Text).Contains(condition.Concept, StringComparer.OrdinalIgnoreCase),
                InfectionConstraint infection => main.Text.Contains(infection.Pathogen, StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
            if (!isMain)
            {
                return [];
            }

            named.Add(result.Constraint);
        }

        return named;
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "..." : text;

    /// <summary>
    /// Evaluates a trial's parsed eligibility: the registry's limits, the conditions it studies, then every criterion,
    /// each read with the others where the text ties them (lists under one lead, diagnoses of several cohorts, rules the
    /// reading cannot stand behind). What does not depend on the patient is worked out once per parse (<see cref="EvaluationPlan"/>).
    /// </summary>
    public static TrialEvaluation Evaluate(ParsedEligibility eligibility, PatientProfile patient, EvaluationContext context)
    {
        var plan = EvaluationPlan.For(eligibility);
        var evaluations = new List<CriterionEvaluation>(eligibility.Criteria.Count + plan.Registry.Length + 1);
        for (var i = 0; i < plan.Registry.Length; i++)
        {
            evaluations.Add(Evaluate(plan.Registry[i], plan.RegistryPlans[i], patient, context));
        }

        if (plan.Studied is { } studied)
        {
            evaluations.Add(plan.StudiedConditionsQuestion is { } question
                ? EvaluateStudiedConditions(studied, question, patient, context)
                : EvaluateStudiedCancers(studied, patient, context));
        }

        evaluations.AddRange(StudiedPopulation.TrialPopulationCheck.Evaluate(eligibility.Population, eligibility, patient, context));

        var first = evaluations.Count;
        for (var i = 0; i < eligibility.Criteria.Count; i++)
        {
            evaluations.Add(Evaluate(eligibility.Criteria[i], plan.Criteria[i], patient, context));
        }

        ApplyLists(evaluations, first, plan);
        ApplyDiagnosisAlternatives(evaluations, first, plan);
        ApplyTrailingOr(evaluations, first, eligibility);
        QuestionItemsWithoutLead(evaluations, first, eligibility);
        ApplySubtypeExclusions(evaluations, first, eligibility, context.Vocabulary.CancerTypes);
        QuestionUncertainFailures(evaluations, eligibility, patient, context.Vocabulary);

        var failing = new List<CriterionEvaluation>();
        var questions = new List<string>();
        HashSet<string>? asked = null;
        var recordedFailure = false;
        var presumed = false;
        foreach (var evaluation in evaluations)
        {
            presumed |= evaluation.Presumed && evaluation.Outcome is CriterionOutcome.Met or CriterionOutcome.NotMet;
            if (evaluation.Fails)
            {
                recordedFailure |= !evaluation.Presumed;
                failing.Add(evaluation);
            }
            else if (evaluation.Outcome == CriterionOutcome.Unknown)
            {
                foreach (var question in evaluation.Questions)
                {
                    if ((asked ??= new HashSet<string>(evaluations.Count, StringComparer.Ordinal)).Add(question))
                    {
                        questions.Add(question);
                    }
                }
            }
        }

        // A record that publishes no criteria ("No eligibility criteria") says nothing of who may join: not Eligible.
        if (plan.PublishesNoCriteria)
        {
            questions.Add("The record publishes no eligibility criteria: what are they? (ask the study team)");
        }

        // Only a recorded failure makes a trial Ineligible (and may hide it); a presumed one asks to confirm it.
        var verdict = recordedFailure ? TrialVerdict.Ineligible
            : failing.Count > 0 ? TrialVerdict.LikelyIneligible
            : questions.Count > 0 ? TrialVerdict.PossiblyEligible
            : presumed ? TrialVerdict.LikelyEligible
            : TrialVerdict.Eligible;
        if (recordedFailure && failing.Exists(f => f.Presumed))
        {
            failing.Sort(static (a, b) => a.Presumed.CompareTo(b.Presumed));
        }

        return new TrialEvaluation(verdict, evaluations, failing, questions);
    }

    /// <summary>
    /// The cancers the record's conditions name, as one inclusion whose constraints are alternatives: met by any, failed
    /// only when the patient's cancer is clearly none of them (another tissue), unknown otherwise.
    /// </summary>
    private static CriterionEvaluation EvaluateStudiedCancers(ParsedCriterion studied, PatientProfile patient, EvaluationContext context)
    {
        var results = studied.Constraints.Select(s => new ConstraintEvaluation(s, s.Evaluate(patient, context))).ToList();
        var any = new Outcomes();
        foreach (var result in results)
        {
            any.Add(result.Check);
        }

        var (outcome, presumed) = any.AnyHolds;
        var evidence = results.Where(r => r.Check.Outcome == outcome).Select(r => r.Check.Evidence).OfType<string>().Distinct().ToList();
        var questions = outcome == CriterionOutcome.Unknown ? results.Select(r => r.Check.Question).OfType<string>().Distinct().Take(1).ToList() : [];
        return new CriterionEvaluation(studied, outcome, results, evidence.Count == 0 ? null : string.Join("; ", evidence), questions) { Presumed = presumed };
    }

    /// <summary>
    /// The record's conditions when they are not all cancers: met when the patient has one of them, otherwise a question
    /// (never a failure), so that a trial is called Eligible only for a patient known to have what it studies.
    /// </summary>
    private static CriterionEvaluation EvaluateStudiedConditions(ParsedCriterion studied, string question, PatientProfile patient, EvaluationContext context)
    {
        var results = studied.Constraints.Select(s => new ConstraintEvaluation(s, s.Evaluate(patient, context))).ToList();
        var met = results.Where(r => r.Check.Outcome == CriterionOutcome.Met).Select(r => r.Check.Evidence).OfType<string>().ToList();
        return met.Count > 0
            ? new CriterionEvaluation(studied, CriterionOutcome.Met, results, string.Join("; ", met.Distinct()), [])
            : new CriterionEvaluation(studied, CriterionOutcome.Unknown, results, "none of the conditions studied is recorded", [question]);
    }

    /// <summary>
    /// Items listed under a lead ending in a colon are read with their lead (<see cref="EvaluationPlan.Lists"/>): exceptions
    /// are NotApplicable; of alternatives, an item the patient does not meet fails nobody while another item in the list
    /// is met or unknown.
    /// </summary>
    private static void ApplyLists(List<CriterionEvaluation> evaluations, int first, EvaluationPlan plan)
    {
        foreach (var (items, reading) in plan.Lists)
        {
            if (reading == ListReading.Withheld)
            {
                foreach (var item in items)
                {
                    var evaluation = evaluations[first + item];
                    // Not having it meets the rule; having it is a washout to plan, a question rather than a failure.
                    if (evaluation.Outcome == CriterionOutcome.NotMet)
                    {
                        evaluations[first + item] = evaluation with { Outcome = CriterionOutcome.Met, Evidence = $"{evaluation.Evidence}; listed under a rule that the patient not use it" };
                    }
                    else if (evaluation.Outcome == CriterionOutcome.Met)
                    {
                        evaluations[first + item] = evaluation with
                        {
                            Outcome = CriterionOutcome.Unknown,
                            Evidence = $"{evaluation.Evidence}; listed under a rule that the patient not use it",
                            Questions = [$"Can the patient stop this for the washout the trial sets? \"{Shorten(evaluation.Criterion.Segment.Text)}\""],
                        };
                    }
                }

                continue;
            }

            if (reading == ListReading.Exceptions)
            {
                foreach (var item in items)
                {
                    evaluations[first + item] = evaluations[first + item] with { Outcome = CriterionOutcome.NotApplicable, Evidence = "an exception to the rule above it", Questions = [] };
                }

                continue;
            }

            var outcomes = items.Select(i => evaluations[first + i].Outcome).ToList();
            var listOutcome = outcomes.Contains(CriterionOutcome.Met) ? CriterionOutcome.Met
                : outcomes.Contains(CriterionOutcome.Unknown) ? CriterionOutcome.Unknown
                : outcomes.All(o => o == CriterionOutcome.NotApplicable) ? CriterionOutcome.NotApplicable
                : CriterionOutcome.NotMet;
            if (listOutcome == CriterionOutcome.NotMet)
            {
                continue;
            }

            foreach (var item in items)
            {
                var evaluation = evaluations[first + item];
                if (evaluation.Outcome == CriterionOutcome.NotMet)
                {
                    evaluations[first + item] = evaluation with
                    {
                        Outcome = CriterionOutcome.NotApplicable,
                        Evidence = $"{evaluation.Evidence}; one of a list of alternatives, another of which is {(listOutcome == CriterionOutcome.Met ? "met" : "unknown")}",
                    };
                }
            }
        }
    }

    /// <summary>Why an exclusion naming the patient's own cancer was made a question (<see cref="ApplySubtypeExclusions"/> reads it).</summary>
    private const string ParticularForm = "the criterion excludes a particular form of it";

    /// <summary>
    /// An exclusion that names a subtype of the one cancer the trial studies ("Has acute promyelocytic leukemia (AML subtype
    /// M3)" in a trial of AML) leaves that subtype out of the trial: a patient recorded with it is excluded, however many
    /// words the rule spends on it. Not a rule about an earlier cancer ("history of", "prior"), and not when the trial
    /// studies a grouping across tissues (a basket of solid tumours, any leukaemia), whose exclusions of one cancer may be of a second one.
    /// </summary>
    private static void ApplySubtypeExclusions(List<CriterionEvaluation> evaluations, int first, ParsedEligibility eligibility, Vocabulary.CancerTypeCatalog catalog)
    {
        for (var i = first; i < evaluations.Count; i++)
        {
            var evaluation = evaluations[i];
            if (evaluation.Role != CriterionRole.Exclusion || evaluation.Outcome != CriterionOutcome.Unknown || evaluation.Constraints.Count == 0
                || evaluation.Evidence?.EndsWith(ParticularForm + ")", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var cancers = evaluation.Constraints.Select(c => c.Check.Outcome == CriterionOutcome.Met ? c.Constraint as CancerTypeConstraint : null).ToList();
            if (!cancers.Contains(null) && LeftOutSubtype(cancers!, evaluation.Criterion.Segment.Text, eligibility, catalog) is { } studied)
            {
                evaluations[i] = evaluation with
                {
                    Outcome = CriterionOutcome.Met,
                    Evidence = $"{evaluation.Constraints[0].Check.Evidence}; the trial studies {studied}, and this rule leaves out that form of it",
                    Questions = [],
                };
            }
        }
    }

    /// <summary>
    /// The cancer the trial studies when the cancers an exclusion names leave out a subtype of it: the narrowest of them
    /// (which the others, "(AML subtype M3)", contain) lies strictly below a cancer studied, and the words speak of no
    /// earlier or other cancer. Null otherwise.
    /// </summary>
    private static string? LeftOutSubtype(IReadOnlyList<CancerTypeConstraint> cancers, string text, ParsedEligibility eligibility, Vocabulary.CancerTypeCatalog catalog)
    {
        if (cancers.Count == 0 || cancers.Any(c => c.Negated || c.Qualifies) || EarlierCancer().IsMatch(text))
        {
            return null;
        }

        // The rule names the subtype and little else, bracketed asides apart ("Has acute promyelocytic leukemia (AML
        // subtype M3)"): not a form of it ("bilateral invasive breast cancer", "FL grade 3b or transformed disease").
        var rest = text.ToCharArray();
        foreach (var cancer in cancers)
        {
            for (var k = cancer.Span.Start; k < Math.Min(cancer.Span.End, rest.Length); k++)
            {
                rest[k] = ' ';
            }
        }

        var words = CriterionContext.BracketedAside().Replace(new string(rest), " ");
        if (FormOrSeverity().IsMatch(words) || Filler().Replace(words, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 2)
        {
            return null;
        }

        var narrowest = cancers.FirstOrDefault(c => cancers.All(other => catalog.IsWithin(c.Code, other.Code)));
        return narrowest is null ? null : SubtypeOfStudied(narrowest.Code, eligibility, catalog);
    }

    /// <summary>The cancer the trial studies (one of its conditions, not a grouping across tissues) of which <paramref name="code"/> is a strict subtype, or null.</summary>
    private static string? SubtypeOfStudied(string code, ParsedEligibility eligibility, Vocabulary.CancerTypeCatalog catalog) =>
        eligibility.ConditionCancerCodes.FirstOrDefault(studied => !string.Equals(studied, code, StringComparison.OrdinalIgnoreCase)
            && studied is not (Vocabulary.CancerTypeCatalog.Root or Vocabulary.CancerTypeCatalog.Solid or Vocabulary.CancerTypeCatalog.Hematologic)
            && !catalog.SpansTissues(studied) && catalog.IsWithin(code, studied));

    /// <summary>
    /// The form of the cancer a rule names just before it ("relapsed AML", "recurrent or previously treated" disease) when
    /// the record states the patient's cancer is in that form, as evidence; null otherwise.
    /// </summary>
    private static string? FormTheRecordStates(List<CancerTypeConstraint> cancers, string text, PatientProfile patient)
    {
        foreach (var cancer in cancers)
        {
            var start = Math.Clamp(cancer.Span.Start, 0, text.Length);

            // "Well-differentiated, non-medullary thyroid cancer": a kind the rule leaves out by name, and the record's
            // cancer is of that kind.
            if (cancer.Negated && NonBefore().IsMatch(text.AsSpan(Math.Max(0, start - 6), start - Math.Max(0, start - 6))))
            {
                return $"\"non-\" {cancer.Name}, and the record's cancer is one";
            }

            if (FormBefore().Match(text[Math.Max(0, start - 40)..start]) is not { Success: true } form)
            {
                continue;
            }

            // A relapse the record states ("now relapsed"); a treatment before, for "previously treated".
            if (form.Groups["relapsed"].Success
                ? patient.Settings.Any(s => s.Setting == DiseaseSetting.Relapsed)
                : PatientSetting.Treatment(patient) is { Presumed: false, Value: TreatmentState.PreviouslyTreated or TreatmentState.Relapsed })
            {
                return $"\"{form.Value.Trim()}\" disease, the form the record states";
            }
        }

        return null;
    }

    /// <summary>"Non-" (or "non ") right before the cancer a rule names: that kind left out.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bnon[- ]?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NonBefore();

    /// <summary>"Relapsed", "recurrent", "previously treated" or "pretreated" right before the cancer a rule names.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?<relapsed>relapsed|recurrent)|previously\s+treated|pre-?treated)\s*(?:(?:and|or|and/or)\s+(?:refractory|relapsed|recurrent|previously\s+treated)\s*)?(?:[\w-]+\s+){0,2}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FormBefore();

    /// <summary>Words of an earlier or another cancer than the one under study.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:history|prior|previous(?:ly)?|past|earlier|former|other|another|second|concurrent|synchronous|treated\s+for)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EarlierCancer();

    /// <summary>
    /// A failure the engine's reading cannot stand behind becomes a question: a criterion whose rule hangs on a
    /// condition the engine does not read ("if no renal impairment", "unless treated", "provided that"), and an age or
    /// sex rule in the prose that contradicts the registry's own limits when those admit the patient (the prose then
    /// speaks of a subgroup or of something else: "Males and females aged 18-70", "bone age no greater than 11").
    /// </summary>
    private static void QuestionUncertainFailures(List<CriterionEvaluation> evaluations, ParsedEligibility eligibility, PatientProfile patient, Vocabulary.OncologyVocabulary vocabulary)
    {
        if (!evaluations.Exists(e => e.Fails && e.Criterion.Segment.Section != "registry"))
        {
            return;
        }

        var studied = eligibility.ConditionCancerCodes;
        var catalog = vocabulary.CancerTypes;
        var studiedConcepts = eligibility.StudiedConditions.OfType<ConditionConstraint>().Select(c => c.Concept).ToList();

        // The registry's age and sex limits, as kinds: those the patient meets, and those the record sets at all.
        var admits = new HashSet<ConstraintKind>();
        var limits = new HashSet<ConstraintKind>();
        foreach (var e in evaluations)
        {
            if (e.Criterion.Segment.Section == "registry" && e.Constraints.Count == 1)
            {
                limits.Add(e.Constraints[0].Constraint.Kind);
                if (e.Outcome == CriterionOutcome.Met)
                {
                    admits.Add(e.Constraints[0].Constraint.Kind);
                }
            }
        }

        for (var i = 0; i < evaluations.Count; i++)
        {
            var evaluation = evaluations[i];
            if (!evaluation.Fails || evaluation.Criterion.Segment.Section == "registry")
            {
                continue;
            }

            var deciding = evaluation.Constraints
                .Where(c => c.Check.Outcome == evaluation.Outcome)
                .Select(c => c.Constraint.Kind)
                .ToList();
            var text = evaluation.Criterion.Segment.Text;
            var excludedCancers = evaluation.Constraints
                .Where(c => c.Check.Outcome == evaluation.Outcome)
                .Select(c => c.Constraint)
                .OfType<CancerTypeConstraint>()
                .Where(c => c.Negated == (evaluation.Role == CriterionRole.Inclusion))
                .ToList();
            // "No relapsed AML" in a trial of AML: the particular form is named, and the record states the patient's cancer
            // is in it ("now relapsed"). A presumed failure, shown to confirm: the rule may belong to one cohort of the trial.
            // (Of a cancer the trial does not study, the rule stays the recorded failure it was.)
            if (excludedCancers.Count > 0 && excludedCancers.All(c => studied.Any(code => catalog.IsWithin(code, c.Code) || catalog.IsWithin(c.Code, code)))
                && FormTheRecordStates(excludedCancers, text, patient) is { } form)
            {
                evaluations[i] = evaluation with
                {
                    Presumed = true,
                    Evidence = $"{evaluation.Evidence}; the rule names {form}: confirm",
                };
                continue;
            }

            var why = WhyUncertain();
            if (why is null)
            {
                continue;
            }

            // Measurable or unresectable disease asked of a cancer the record says was removed with no disease left: whatever
            // else the block holds, nothing in it gives back disease to measure. A presumed failure, shown to confirm.
            // The same for unresectable disease asked of a cancer the record says is to be operated on ("inoperable stage
            // IIIA" against "a lobectomy is feasible").
            var decisive = evaluation.Role != CriterionRole.Inclusion ? null
                : evaluation.Constraints.FirstOrDefault(c => c.Check is { Outcome: CriterionOutcome.NotMet, Presumed: true }
                    && ((c.Constraint is MeasurableDiseaseConstraint { Negated: false } or StageConstraint { Negated: false, Groups.Count: 0 }
                            && c.Check.Evidence?.Contains("no residual disease", StringComparison.Ordinal) == true)
                        || (c.Constraint is StageConstraint { Negated: false, UnresectableStage: true }
                            && c.Check.Evidence?.Contains("not unresectable, presumed", StringComparison.Ordinal) == true)))
                // The cancer the block opens with ("Histologically proven medullary thyroid carcinoma ... if: autologous bone
                // marrow ..."), failed with other rules between it and the condition: the condition governs what follows,
                // not the cancer ("breast cancer if enrolled in cohort B" stays a question).
                ?? (Conditional().Match(text) is { Success: true } later
                    ? evaluation.Constraints.FirstOrDefault(c => c.Check.Outcome == CriterionOutcome.NotMet && c.Constraint is CancerTypeConstraint { Negated: false } cancer
                        && cancer.Span.End <= later.Index
                        && evaluation.Constraints.Any(o => o.Constraint.Span.Start >= cancer.Span.End && o.Constraint.Span.End <= later.Index))
                    : null);
            if (decisive is not null)
            {
                evaluations[i] = evaluation with
                {
                    Outcome = CriterionOutcome.NotMet,
                    Presumed = decisive.Check.Presumed,
                    Evidence = decisive.Check.Evidence,
                    Questions = decisive.Check.Question is { } question ? [question] : [],
                };
                continue;
            }

            evaluations[i] = evaluation with
            {
                Outcome = CriterionOutcome.Unknown,
                Evidence = $"{evaluation.Evidence} (read as {(evaluation.Role == CriterionRole.Inclusion ? "not met" : "applying")}, but {why})",
                Questions = [$"Does this rule the patient out: \"{(text.Length > 200 ? text[..200] + "..." : text)}\"?"],
            };

            string? WhyUncertain()
            {
                // "Failed a course of hydroxyurea or declined to take it": a refusal is an alternative no record presumes.
                if (evaluation.Role == CriterionRole.Inclusion && Refusal().Match(text) is { Success: true } refusal)
                {
                    return $"the rule also admits a patient who \"{refusal.Value.Trim()}\", which the record does not say";
                }

                if (Conditional().Match(text) is { Success: true } condition)
                {
                    return $"the rule depends on a condition the engine does not read (\"{condition.Value.Trim()}\")";
                }

                if (deciding.Count > 0 && deciding.All(k => k is ConstraintKind.Age or ConstraintKind.Sex && (admits.Contains(k) || (k == ConstraintKind.Sex && !limits.Contains(k)))))
                {
                    return "the registry's own limits admit the patient";
                }

                // Not a subtype the criterion itself leaves out ("AML, excluding M3"), nor an exclusion of a subtype of the one
                // cancer studied ("Has acute promyelocytic leukemia" in a trial of AML): those leave a form out of the trial.
                if (excludedCancers.Count > 0 && deciding.All(k => k == ConstraintKind.CancerType)
                    && excludedCancers.All(c => studied.Any(code => catalog.IsWithin(code, c.Code) || catalog.IsWithin(c.Code, code)))
                    && !excludedCancers.All(c => c.Excepts) && !(evaluation.Role == CriterionRole.Exclusion && LeftOutSubtype(excludedCancers, text, eligibility, catalog) is not null))
                {
                    return "the trial studies this cancer, so the rule must be about a particular form or an earlier one";
                }

                // A trial that studies a condition cannot rule out everyone who has it: a bare "history of X" or a rule
                // for its controls belongs to another group of the trial (a second cohort, the controls).
                var decidingConditions = evaluation.Constraints.Where(c => c.Check.Outcome == evaluation.Outcome).Select(c => c.Constraint).ToList();
                if (studiedConcepts.Count > 0 && decidingConditions.Count > 0
                    && decidingConditions.All(c => c is ConditionConstraint condition && studiedConcepts.Any(s => vocabulary.Concepts.IsWithin(condition.Concept, s) || vocabulary.Concepts.IsWithin(s, condition.Concept)))
                    && (Controls().IsMatch(text) || OnlyNames(text, decidingConditions)))
                {
                    return "the trial studies this condition, so the rule must be about another group of the trial";
                }

                if (deciding.Count > 0 && deciding.All(k => k is ConstraintKind.PriorTherapy or ConstraintKind.Condition) && Duration().Match(text) is { Success: true } duration)
                {
                    return $"the rule depends on how long the patient had it (\"{duration.Value.Trim()}\"), which the engine does not read";
                }

                // "Abdominal pain combined with shock", "perforated appendicitis with diffuse fluid on imaging": what the
                // record shows is one part of a conjunction whose other part is not shown.
                if (evaluation.Role == CriterionRole.Exclusion && Unconfirmed(evaluation, text) is { } rest)
                {
                    return $"the rule also asks for \"{rest}\", which the record does not show";
                }

                // "Chemotherapy: No prior chemotherapy" inside a long block of labelled rules: the rule that decides is stated
                // plainly, whatever else the block holds.
                // A cancer the trial studies, named as what the treatment was for ("No prior prostatectomy for prostate
                // cancer"), says what the rule is about.
                var decidingConstraints = evaluation.Constraints.Where(c => c.Check.Outcome == evaluation.Outcome && c.Check.Basis == OutcomeBasis.Recorded).Select(c => c.Constraint).ToList();
                var aboutStudied = decidingConstraints.Count(c => c is CancerTypeConstraint cancer && studied.Any(code => catalog.IsWithin(code, cancer.Code) || catalog.IsWithin(cancer.Code, code)));
                if (evaluation.Role == CriterionRole.Inclusion && decidingConstraints.Count > aboutStudied && decidingConstraints.Count == deciding.Count
                    && decidingConstraints.All(c => (c is CancerTypeConstraint cancer && studied.Any(code => catalog.IsWithin(code, cancer.Code) || catalog.IsWithin(cancer.Code, code)))
                        || (c is PriorTherapyConstraint { Negated: true, MinimumLines: null, WithinDays: null, Current: false } therapy && StatesNoPrior(text, therapy.Agent))))
                {
                    return null;
                }

                // One rule of the block stated plainly and failed on the record ("Chemotherapy: No prior chemotherapy" after
                // a course of carboplatin) decides, whatever the others hold.
                if (evaluation.Role == CriterionRole.Inclusion
                    && decidingConstraints.Any(c => c is PriorTherapyConstraint { Negated: true, MinimumLines: null, WithinDays: null, Current: false } therapy && StatesNoPrior(text, therapy.Agent, plainly: true)))
                {
                    return null;
                }

                return text.Length > 300 || Label().Count(text) >= 2 || Label().Matches(text).Any(l => l.Index > 0) ? "the criterion holds several rules the engine could not separate" : null;
            }
        }
    }

    /// <summary>
    /// Inclusion criteria that each name only cancers, of different kinds, list the diagnoses a trial with several
    /// cohorts accepts ("CML chronic phase", "AML in first remission", "MDS with excess blasts"): they are alternatives,
    /// and one the patient does not meet fails nobody while another is met or unknown.
    /// </summary>
    private static void ApplyDiagnosisAlternatives(List<CriterionEvaluation> evaluations, int first, EvaluationPlan plan)
    {
        if (plan.Diagnoses.Count == 0)
        {
            return;
        }

        var diagnoses = new CriterionOutcome[plan.Diagnoses.Count];
        for (var d = 0; d < diagnoses.Length; d++)
        {
            var (criterion, named) = plan.Diagnoses[d];
            // A criterion outside the patient's scope (a paediatric cohort's diagnosis for an adult) was not read
            // constraint by constraint: it offers no diagnosis.
            var constraints = evaluations[first + criterion].Constraints;
            var any = new Outcomes();
            foreach (var c in named.Where(c => c < constraints.Count))
            {
                any.Add(constraints[c].Check);
            }

            diagnoses[d] = any.AnyHolds.Outcome;
        }

        // Cohorts of other diseases are alternatives only when the patient is in one of them: a disease left unknown
        // does not say the patient's condition is among those the trial takes.
        if (!diagnoses.Any(o => o is CriterionOutcome.Met || (plan.DiagnosesAreCancers && o is CriterionOutcome.Unknown)))
        {
            return;
        }

        // A cohort's item whose disease the patient does not have says nothing of the patient, whatever else it asks
        // of that cohort ("NHL with BCL2 and MYC translocations and low survival with conventional chemotherapy").
        var other = diagnoses.Contains(CriterionOutcome.Met) ? "met" : "unknown";
        for (var d = 0; d < diagnoses.Length; d++)
        {
            var (criterion, _) = plan.Diagnoses[d];
            var evaluation = evaluations[first + criterion];
            if (evaluation.Outcome == CriterionOutcome.NotMet
                && (diagnoses[d] == CriterionOutcome.NotMet
                    || (diagnoses[d] == CriterionOutcome.Unknown && plan.DiagnosesAreCancers && other == "met")
                    || evaluation.Constraints.Where(c => c.Check.Outcome == CriterionOutcome.NotMet).All(c => EvaluationPlan.IsDiagnosis(c.Constraint))))
            {
                evaluations[first + criterion] = evaluation with
                {
                    Outcome = CriterionOutcome.NotApplicable,
                    Evidence = $"{evaluation.Evidence}; one of the diagnoses the trial accepts, another of which is {other}",
                };
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[\s.;])[A-Z][A-Za-z /]{2,30}(?::|--)\s", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Label();

    /// <summary>
    /// Inclusions written as one sentence over several items ("Surgically sterile (tubal ligation or hysterectomy), or",
    /// "Post-menopausal, or", "Using a reliable method of contraception"): an item ending in "or" is an alternative of
    /// the next, so one that fails while another of the chain does not fails nobody.
    /// </summary>
    private static void ApplyTrailingOr(List<CriterionEvaluation> evaluations, int first, ParsedEligibility eligibility)
    {
        var criteria = eligibility.Criteria;
        for (var start = 0; start < criteria.Count - 1; start++)
        {
            var end = start;
            while (end < criteria.Count - 1 && criteria[end].Segment.Role == CriterionRole.Inclusion && criteria[end + 1].Segment.Role == CriterionRole.Inclusion
                && TrailingOr().IsMatch(criteria[end].Segment.Text))
            {
                end++;
            }

            if (end == start)
            {
                continue;
            }

            var holding = -1;
            for (var i = start; i <= end && holding < 0; i++)
            {
                if (!evaluations[first + i].Fails)
                {
                    holding = i;
                }
            }

            if (holding >= 0)
            {
                var other = evaluations[first + holding].Outcome == CriterionOutcome.Met ? "met" : "not settled";
                for (var i = start; i <= end; i++)
                {
                    if (evaluations[first + i] is { Fails: true } failing)
                    {
                        evaluations[first + i] = failing with { Outcome = CriterionOutcome.NotApplicable, Evidence = $"{failing.Evidence}; an alternative (\"... or\") of another item, which is {other}" };
                    }
                }
            }

            start = end;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\bor|\band/or)\s*[,;:]?\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TrailingOr();

    /// <summary>
    /// A bare name indented under a criterion that does not introduce it ("oral vancomycin", "fever" under a sentence
    /// without a colon): the record lost the lead that said whether the items are required, alternatives or forbidden.
    /// Failing the patient on the presumption that it is required would guess that lead; it is a question instead.
    /// </summary>
    private static void QuestionItemsWithoutLead(List<CriterionEvaluation> evaluations, int first, ParsedEligibility eligibility)
    {
        var criteria = eligibility.Criteria;
        for (var i = 0; i < criteria.Count; i++)
        {
            var segment = criteria[i].Segment;
            if (segment.Depth == 0 || segment.Lead is not null || segment.Role != CriterionRole.Inclusion
                || evaluations[first + i] is not { Fails: true, Presumed: true } failing || !BareName().IsMatch(segment.Text))
            {
                continue;
            }

            evaluations[first + i] = failing with
            {
                Outcome = CriterionOutcome.Unknown,
                Presumed = false,
                Evidence = $"{failing.Evidence} (an item listed without the lead that says what the list asks)",
                Questions = [$"The record lists this without saying whether it is required, one of several, or not allowed; how does it apply: \"{Shorten(segment.Text)}\"?"],
            };
        }
    }

    /// <summary>A name of up to six words with no verb, number or sentence of its own ("oral and intravenous metronidazole", "abdominal pain or cramps").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?!.*\b(?:is|are|was|were|be|been|has|have|had|must|should|will|may|can|with|without|who|which|that|no|not|history|prior|previous|within|since)\b)[A-Za-z][\w'/-]*(?:\s+[A-Za-z][\w'/-]*){0,5}\s*[.;,]?\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BareName();

    /// <summary>True when the criterion says little besides the conditions named ("Previous history of acromegaly", "for GHD").</summary>
    private static bool OnlyNames(string text, IReadOnlyList<EligibilityConstraint> named)
    {
        var rest = text;
        foreach (var constraint in named.OrderByDescending(c => c.Span.Start))
        {
            if (constraint.Span.End <= rest.Length)
            {
                rest = rest[..constraint.Span.Start] + " " + rest[constraint.Span.End..];
            }
        }

        // A word of form or severity ("bilateral", "uncontrolled", "decompensated") names a particular form, however short.
        return !FormOrSeverity().IsMatch(rest) && Filler().Replace(rest, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:bilateral|synchronous|metachronous|contralateral|multifocal|multicentric|inflammatory|perforated|recurrent|relapsed|refractory|secondary|symptomatic|severe|uncontrolled|unstable|decompensated|progressive|untreated|active)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FormOrSeverity();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:controls?|control\s+(?:group|subjects|participants)|healthy\s+(?:volunteers|subjects|participants|individuals))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Controls();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:for|in|with|of|a|an|the|any|known|prior|previous|past|history|documented|diagnosis|diagnosed|patients?|subjects?|participants?|no|not|without)\b|[^\w]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Filler();

    /// <summary>How long a treatment or condition lasted ("for more than twelve months", "more than 12 months of prior"), as opposed to how recent it is.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bfor\s+(?:more|longer|greater|less|fewer)\s+than\s+\S+\s+(?:days?|weeks?|months?|years?)\b|\bfor\s+(?:at\s+least|over|[<>≤≥]=?)\s*\S+\s+(?:days?|weeks?|months?|years?)\b|\b(?:more|longer|less|fewer)\s+than\s+\S+\s+(?:days?|weeks?|months?|years?)\s+of\b|\b(?:duration|lasting)\s+(?:of\s+)?(?:more|longer|less|at\s+least|[<>≤≥])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Duration();

    // "HR will be considered positive if staining is 1% or more" defines the result the rule asks for: no condition.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\b(?:considered|defined|deemed|classified|regarded|interpreted)\b[^.;,]{0,30})\b(?:if|unless|provided\s+(?:that|they)|when|whenever|in\s+case\s+of|at\s+the\s+discretion|likely|can\s+include|deferred)\b[^.;]{0,60}", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Conditional();

    /// <summary>"No prior chemotherapy", "no prior or concurrent chemotherapy", "no prior or other concurrent chemotherapy", "no prior systemic chemotherapy".</summary>
    /// <param name="plainly">Also requires that nothing qualifies it ("no prior chemotherapy for metastatic disease", "... within 4 weeks").</param>
    private static bool StatesNoPrior(string text, string agent, bool plainly = false) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\bno\s+(?:prior|previous)\s+(?:or\s+(?:other\s+)?(?:concurrent|current)\s+)?(?:(?:systemic|cytotoxic|myelosuppressive|anticancer|antineoplastic)\s+)?" + System.Text.RegularExpressions.Regex.Escape(agent) + @"\b"
            + (plainly ? @"(?!\s*(?:(?:for|in|of|within|during|to|with|except|other|unless|at|after|before|given|regimens?|courses?|cycles?|doses?)\b|[(,/-]))" : string.Empty), System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:declined|declines|refused|refuses|unwilling|not\s+willing)\s+(?:to\s+(?:take|receive|undergo|have|use|continue)\s+)?(?:[\w-]+\s+){0,2}[\w-]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Refusal();

    /// <summary>
    /// A lead whose items are exceptions to the rule before it: "except:", "other than:", and what does not count towards
    /// it ("The following may not be used as the sole site of measurable disease:", "are not considered measurable:").
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:except|other\s+than|excluding|exceptions?|unless|apart\s+from|with\s+the\s+exception)\b|\b(?:may|can|will|shall|must|should)\s*(?:not|n't)\s+(?:be\s+)?(?:used|counted|considered|accepted|serve)\s+(?:as|towards?|for)\b|\b(?:are|is)\s+not\s+(?:considered|counted|accepted)\s+(?:as\s+)?(?:measurable|evaluable|target)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ExceptionLead();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:one\s+of|1\s+of|any\s+of|either|at\s+least\s+(?:one|1)\b|(?:one|1)\s+or\s+more|following\s+(?:diagnoses|diseases|histolog\w*|tumou?r\s+types|cancers|conditions)|including|such\s+as|includes?\s+but\s+(?:are\s+|is\s+)?not\s+(?:restricted|limited)\s+to|(?:categories|groups|cohorts)\s+of\s+(?:subjects|patients|participants))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AlternativesLead();

    /// <summary>
    /// "Concurrent corticosteroids allowed", "Prior radiotherapy permitted", "may participate in protocol S9927" (another
    /// study at the same time): a criterion that grants a permission rules nobody out. One that also negates or excepts ("no prior chemotherapy allowed", "allowed except ...") is a rule.
    /// </summary>
    /// <remarks>
    /// What a parenthesis of several words permits ("(subjects with tumour fever may be enrolled)") qualifies the rule
    /// around it; "Prior hormonal therapy (allowed)" is still a permission.
    /// </remarks>
    public static bool IsPermission(string text)
    {
        var main = text.Contains('(', StringComparison.Ordinal) ? Parenthesised().Replace(text, " ") : text;
        if (Permission().Match(main) is not { Success: true } granted)
        {
            return false;
        }

        // "Brain metastases are allowed, given that they are stable and the patient does not present symptoms": the
        // words of the condition after the grant do not make it a rule; "allowed except ...", "... only if" still do.
        // A parenthesis restricts when it negates or excepts ("allowed (no more than 2 regimens)"); an obligation in it
        // ("Colony-stimulating factors allowed (use must be documented)") asks for a record, not for the thing granted.
        var condition = PermissionCondition().Match(main, granted.Index + granted.Length);
        return !Restriction().IsMatch(condition.Success ? main[..condition.Index] : main)
            && !(main.Length != text.Length && Parenthesised().Matches(text).Any(p => ParenthesisedRestriction().IsMatch(p.Value)));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:no|not|never|without|except|unless|only|exclud\w*|prohibited|but)\b|n't", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ParenthesisedRestriction();

    [System.Text.RegularExpressions.GeneratedRegex(@"\([^()\s]*\s[^()]*\)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Parenthesised();

    /// <summary>The start of the condition attached to a permission: "given that", "provided that", "as long as".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\G[^.;]*?\b(?:given\s+that|provided\s+that|provided|as\s+long\s+as|so\s+long\s+as)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PermissionCondition();

    /// <summary>True when a sentence that grants something also restricts ("no prior chemotherapy allowed", "allowed only if").</summary>
    internal static bool RestrictsPermission(string sentence) => Restriction().IsMatch(sentence);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:allowed|permitted|acceptable|are\s+eligible|is\s+eligible|may\s+(?:be\s+)?(?:enrol+(?:ed)?|included|entered|participate|eligible)\b(?![^.;]*\b(?:if|provided|when|whose)\b)|may\s+have\s+(?:received|had|undergone|been\s+treated)\b(?![^.;]*\b(?:if|provided|when|whose|as\s+long\s+as)\b)|may\s+(?:also\s+)?(?:participate|enrol+)\s+(?:in|on)\s+(?!this\b|the\s+(?:study|trial|protocol)\b)[^.;]{0,80}?\b(?:protocol|study|trial)\b)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Permission();

    // A diagnosis to be confirmed before the grant ("Histologically confirmed ... carcinoma of the biliary tree Metastatic
    // disease allowed on a case by case basis") is a requirement the run-together text holds.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:no|not|never|without|except|unless|only|must|required?|exclud\w*|prohibited|but)\b|n't|\b(?:histologically|cytologically|pathologically|histologic(?:al)?|cytologic(?:al)?)\s+(?:(?:and|or|and/or)\s+\w+\s+)?(?:confirmed|proven|documented|verified|diagnosis)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Restriction();

    /// <summary>
    /// The words of a conjunction after the met parts of an exclusion ("... with diffuse abdominal fluid on imaging"),
    /// when no met constraint stands among them; null when the exclusion has no such second part.
    /// </summary>
    private static string? Unconfirmed(CriterionEvaluation evaluation, string text)
    {
        var end = 0;
        foreach (var part in evaluation.Constraints)
        {
            if (part.Check.Outcome == CriterionOutcome.Met && !part.Constraint.Qualifies)
            {
                end = Math.Max(end, Math.Min(text.Length, part.Constraint.Span.End));
            }
        }

        if (end == 0 || ConjunctAfter().Match(text, end) is not { Success: true } conjunct)
        {
            return null;
        }

        var restStart = conjunct.Groups["rest"].Index;
        return evaluation.Constraints.Any(p => p.Check.Outcome == CriterionOutcome.Met && p.Constraint.Span.Start >= restStart)
            ? null
            : conjunct.Groups["rest"].Value.Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\G\s*(?:\([^)]*\)\s*)?,?\s*(?:with|combined\s+with|plus|accompanied\s+by|together\s+with|in\s+combination\s+with|requiring|that\s+requires?|which\s+requires?|needing)\s+(?<rest>[^.;]{3,80})", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ConjunctAfter();

    /// <summary>AND for inclusion (any NotMet fails it), OR for exclusion (any Met triggers it); NotApplicable parts are ignored.</summary>
    public static CriterionOutcome Combine(IReadOnlyList<CriterionOutcome> outcomes, CriterionRole role)
    {
        var combined = new Outcomes();
        foreach (var outcome in outcomes)
        {
            combined.Add(new Combined(outcome, false));
        }

        return (role == CriterionRole.Inclusion ? combined.AllHold : combined.AnyHolds).Outcome;
    }

    internal static bool IsExceptionLead(string lead) => ExceptionLead().IsMatch(lead);

    internal static bool IsAlternativesLead(string lead) => AlternativesLead().IsMatch(lead);

    internal static bool IsWithheldLead(string lead) => WithheldLead().IsMatch(lead);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:not\s+(?:be\s+)?(?:using|use|take|taking|taken|received?|receiving|had|have\s+(?:used|taken|received|had))\s+(?:any\s+(?:of\s+)?)?(?:the\s+)?(?:following|medications?|drugs?|treatments?|therap\w+|agents?)|wash-?out\s+(?:criteria|periods?|requirements?)|withh[oe]ld\s+(?:the\s+)?(?:following|medications?|drugs?)|(?:avoid|refrain\s+from|abstain\s+from|not\s+to\s+(?:use|take))\s+(?:taking\s+|using\s+)?(?:any\s+(?:of\s+)?)?(?:the\s+)?(?:following|these)\b|(?:following|these)\s+(?:medications?|drugs?|treatments?|therapies)\s+(?:are|is)\s+(?:not\s+(?:allowed|permitted)|prohibited))", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WithheldLead();

    /// <summary>An outcome with whether it rests on presumption.</summary>
    private readonly record struct Combined(CriterionOutcome Outcome, bool Presumed);

    /// <summary>
    /// Which outcomes a set of parts has, recorded or presumed, to combine them without a list; NotApplicable parts are
    /// ignored. An outcome that one part decides (AND failing, OR holding) is recorded when a recorded part gives it;
    /// one that needs every part (AND holding, OR failing) is presumed when any part is.
    /// </summary>
    private struct Outcomes
    {
        private bool _metRecorded;
        private bool _metPresumed;
        private bool _notMetRecorded;
        private bool _notMetPresumed;
        private bool _unknown;

        public void Add(ConstraintCheck check) => Add(new Combined(check.Outcome, check.Presumed));

        public void Add(Combined part)
        {
            switch (part.Outcome)
            {
                case CriterionOutcome.Met when part.Presumed: _metPresumed = true; break;
                case CriterionOutcome.Met: _metRecorded = true; break;
                case CriterionOutcome.NotMet when part.Presumed: _notMetPresumed = true; break;
                case CriterionOutcome.NotMet: _notMetRecorded = true; break;
                case CriterionOutcome.Unknown: _unknown = true; break;
            }
        }

        private readonly bool Met => _metRecorded || _metPresumed;

        private readonly bool NotMet => _notMetRecorded || _notMetPresumed;

        /// <summary>AND: NotMet if any part is, else Unknown if any is, else Met; NotApplicable when no part applies.</summary>
        public readonly Combined AllHold =>
            NotMet ? new(CriterionOutcome.NotMet, !_notMetRecorded)
            : _unknown ? new(CriterionOutcome.Unknown, false)
            : Met ? new(CriterionOutcome.Met, _metPresumed)
            : new(CriterionOutcome.NotApplicable, false);

        /// <summary>OR: Met if any part is, else Unknown if any is, else NotMet; NotApplicable when no part applies.</summary>
        public readonly Combined AnyHolds =>
            Met ? new(CriterionOutcome.Met, !_metRecorded)
            : _unknown ? new(CriterionOutcome.Unknown, false)
            : NotMet ? new(CriterionOutcome.NotMet, _notMetPresumed)
            : new(CriterionOutcome.NotApplicable, false);
    }
}
