using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Evaluation;

/// <summary>A trial's answer for one patient.</summary>
public enum TrialVerdict
{
    /// <summary>Every criterion is met (inclusion) or not met (exclusion), or does not apply.</summary>
    Eligible,

    /// <summary>Nothing fails, but something is unknown: see the questions to ask.</summary>
    PossiblyEligible,

    /// <summary>At least one criterion fails: see which.</summary>
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
    public CriterionRole Role => Criterion.Segment.Role;

    public bool Fails => Role == CriterionRole.Inclusion ? Outcome == CriterionOutcome.NotMet : Outcome == CriterionOutcome.Met;
}

/// <summary>A trial's verdict for a patient, with every criterion's outcome, the failing criteria and the questions to ask.</summary>
public sealed record TrialEvaluation(TrialVerdict Verdict, IReadOnlyList<CriterionEvaluation> Criteria, IReadOnlyList<CriterionEvaluation> Failing, IReadOnlyList<string> Questions);

/// <summary>
/// Evaluates parsed criteria against a patient. Within an inclusion criterion constraints combine with AND (all must
/// hold); within an exclusion criterion with OR (any listed condition excludes). Missing data is Unknown, never NotMet.
/// </summary>
public static partial class EligibilityEvaluator
{
    public static CriterionEvaluation Evaluate(ParsedCriterion criterion, PatientProfile patient, EvaluationContext context)
    {
        if (criterion.IsFreeText)
        {
            var text = criterion.Segment.Text.Length > 200 ? criterion.Segment.Text[..200] + "..." : criterion.Segment.Text;
            return new CriterionEvaluation(criterion, CriterionOutcome.Unknown, [], "free text: not understood by the engine", [$"Does this apply to the patient: \"{text}\"?"]);
        }

        if (IsPermission(criterion.Segment.Text))
        {
            return new CriterionEvaluation(criterion, CriterionOutcome.NotApplicable, [], "permits, does not require", []);
        }

        var results = new List<ConstraintEvaluation>(criterion.Constraints.Count);
        foreach (var constraint in criterion.Constraints)
        {
            results.Add(new ConstraintEvaluation(constraint, constraint.Evaluate(patient, context)));
        }

        var outcome = criterion.Segment.Role == CriterionRole.Inclusion
            ? CombineInclusion(results, criterion.Segment.Text)
            : Combine(results.Select(r => r.Check.Outcome).ToList(), CriterionRole.Exclusion);
        var decisive = results.Where(r => r.Check.Outcome == outcome).Select(r => r.Check.Evidence).Where(e => e is not null).Distinct().ToList();
        var questions = outcome == CriterionOutcome.Unknown
            ? results.Where(r => r.Check.Outcome == CriterionOutcome.Unknown && r.Check.Question is not null).Select(r => r.Check.Question!).Distinct().ToList()
            : [];
        return new CriterionEvaluation(criterion, outcome, results, decisive.Count == 0 ? null : string.Join("; ", decisive), questions);
    }

    /// <summary>
    /// The cancers the record's conditions name, as one inclusion whose constraints are alternatives: met by any, failed
    /// only when the patient's cancer is clearly none of them (another tissue), unknown otherwise.
    /// </summary>
    private static CriterionEvaluation EvaluateStudiedCancers(IReadOnlyList<CancerTypeConstraint> studied, PatientProfile patient, EvaluationContext context)
    {
        var text = $"conditions studied: {string.Join("; ", studied.Select(s => s.Name))} (registry)";
        var segment = new CriterionSegment(CriterionRole.Inclusion, 0, text, default, Section: "registry");
        var results = studied.Select(s => new ConstraintEvaluation(s, s.Evaluate(patient, context))).ToList();
        var outcome = Combine(results.Select(r => r.Check.Outcome).ToList(), CriterionRole.Exclusion);
        var evidence = results.Where(r => r.Check.Outcome == outcome).Select(r => r.Check.Evidence).OfType<string>().Distinct().ToList();
        var questions = outcome == CriterionOutcome.Unknown ? results.Select(r => r.Check.Question).OfType<string>().Distinct().Take(1).ToList() : [];
        return new CriterionEvaluation(new ParsedCriterion(segment, [.. studied]), outcome, results, evidence.Count == 0 ? null : string.Join("; ", evidence), questions);
    }

    /// <summary>
    /// Items listed under a lead ending in a colon are read with their lead: under "except:" or "other than:" they are
    /// the exceptions of the lead's rule, not rules of their own (NotApplicable); under "one of the following:", or
    /// when every item names only a cancer type (a list of eligible diagnoses), they are alternatives, and an item the
    /// patient does not meet fails nobody while another item in the list is met or unknown.
    /// </summary>
    private static void ApplyListLeads(List<CriterionEvaluation> evaluations)
    {
        foreach (var group in evaluations
            .Select((e, i) => (Evaluation: e, Position: i))
            .Where(x => x.Evaluation.Criterion.Segment.Lead is not null && x.Evaluation.Criterion.Segment.Depth > 0)
            .GroupBy(x => (x.Evaluation.Criterion.Segment.Lead, x.Evaluation.Role)))
        {
            var items = group.ToList();
            var lead = group.Key.Lead!;
            if (ExceptionLead().IsMatch(lead))
            {
                foreach (var (evaluation, position) in items)
                {
                    evaluations[position] = evaluation with { Outcome = CriterionOutcome.NotApplicable, Evidence = "an exception to the rule above it", Questions = [] };
                }

                continue;
            }

            var diagnosisList = items.All(x => x.Evaluation.Constraints.Count > 0 && x.Evaluation.Constraints.All(c => c.Constraint.Kind == ConstraintKind.CancerType));
            if (group.Key.Role != CriterionRole.Inclusion || items.Count < 2 || !(diagnosisList || AlternativesLead().IsMatch(lead)))
            {
                continue;
            }

            var outcomes = items.Select(x => x.Evaluation.Outcome).ToList();
            var listOutcome = outcomes.Contains(CriterionOutcome.Met) ? CriterionOutcome.Met
                : outcomes.Contains(CriterionOutcome.Unknown) ? CriterionOutcome.Unknown
                : outcomes.All(o => o == CriterionOutcome.NotApplicable) ? CriterionOutcome.NotApplicable
                : CriterionOutcome.NotMet;
            if (listOutcome == CriterionOutcome.NotMet)
            {
                continue;
            }

            foreach (var (evaluation, position) in items.Where(x => x.Evaluation.Outcome == CriterionOutcome.NotMet))
            {
                evaluations[position] = evaluation with
                {
                    Outcome = CriterionOutcome.NotApplicable,
                    Evidence = $"{evaluation.Evidence}; one of a list of alternatives, another of which is {(listOutcome == CriterionOutcome.Met ? "met" : "unknown")}",
                };
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:except|other\s+than|excluding|exceptions?|unless|apart\s+from|with\s+the\s+exception)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ExceptionLead();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:one\s+of|any\s+of|either|at\s+least\s+one|one\s+or\s+more|following\s+(?:diagnoses|diseases|histolog\w*|tumou?r\s+types|cancers|conditions)|including|such\s+as)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AlternativesLead();

    /// <summary>
    /// "Concurrent corticosteroids allowed", "Prior radiotherapy permitted": a criterion that grants a permission rules
    /// nobody out. One that also negates or excepts ("no prior chemotherapy allowed", "allowed except ...") is a rule.
    /// </summary>
    public static bool IsPermission(string text) => Permission().IsMatch(text) && !Restriction().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:allowed|permitted|acceptable|are\s+eligible|is\s+eligible)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Permission();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:no|not|never|without|except|unless|only|must|required?|exclud\w*|prohibited|but)\b|n't", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Restriction();

    /// <summary>AND for inclusion (any NotMet fails it), OR for exclusion (any Met triggers it); NotApplicable parts are ignored.</summary>
    public static CriterionOutcome Combine(IReadOnlyList<CriterionOutcome> outcomes, CriterionRole role)
    {
        var relevant = outcomes.Where(o => o != CriterionOutcome.NotApplicable).ToList();
        if (relevant.Count == 0)
        {
            return CriterionOutcome.NotApplicable;
        }

        var decisive = role == CriterionRole.Inclusion ? CriterionOutcome.NotMet : CriterionOutcome.Met;
        if (relevant.Contains(decisive))
        {
            return decisive;
        }

        return relevant.Contains(CriterionOutcome.Unknown) ? CriterionOutcome.Unknown : relevant[0];
    }

    /// <summary>
    /// An inclusion holds when every kind of constraint in it holds; constraints of one kind written as alternatives
    /// ("NSCLC or SCLC", "ECOG 0-1 or KPS >= 70") hold when any of them does.
    /// </summary>
    private static CriterionOutcome CombineInclusion(List<ConstraintEvaluation> results, string text)
    {
        var perKind = new List<CriterionOutcome>();
        foreach (var group in results.GroupBy(r => r.Constraint.Kind is ConstraintKind.PerformanceStatus ? ConstraintKind.PerformanceStatus : r.Constraint.Kind))
        {
            var items = group.OrderBy(r => r.Constraint.Span.Start).ToList();
            var alternatives = items.Count > 1 && items.Zip(items.Skip(1)).All(pair =>
            {
                var from = Math.Min(pair.First.Constraint.Span.End, text.Length);
                var to = Math.Min(Math.Max(from, pair.Second.Constraint.Span.Start), text.Length);
                var between = text[from..to];
                return between.Contains(" or ", StringComparison.OrdinalIgnoreCase) || between.Contains('/') || between.Trim() is "," or "or" || between.Contains("either", StringComparison.OrdinalIgnoreCase);
            });
            var outcomes = items.Select(r => r.Check.Outcome).ToList();
            perKind.Add(alternatives ? Combine(outcomes, CriterionRole.Exclusion) : Combine(outcomes, CriterionRole.Inclusion));
        }

        return Combine(perKind, CriterionRole.Inclusion);
    }

    public static TrialEvaluation Evaluate(ParsedEligibility eligibility, PatientProfile patient, EvaluationContext context)
    {
        var evaluations = new List<CriterionEvaluation>(eligibility.Criteria.Count + eligibility.RegistryConstraints.Count);
        foreach (var constraint in eligibility.RegistryConstraints)
        {
            var segment = new CriterionSegment(CriterionRole.Inclusion, 0, constraint.Describe() + " (registry)", default, Section: "registry");
            evaluations.Add(Evaluate(new ParsedCriterion(segment, [constraint]), patient, context));
        }

        if (eligibility.StudiedCancers.Count > 0)
        {
            evaluations.Add(EvaluateStudiedCancers(eligibility.StudiedCancers, patient, context));
        }

        foreach (var criterion in eligibility.Criteria)
        {
            evaluations.Add(Evaluate(criterion, patient, context));
        }

        ApplyListLeads(evaluations);

        var failing = evaluations.Where(e => e.Fails).ToList();
        var questions = evaluations.Where(e => e.Outcome == CriterionOutcome.Unknown).SelectMany(e => e.Questions).Distinct().ToList();
        var verdict = failing.Count > 0 ? TrialVerdict.Ineligible : questions.Count > 0 ? TrialVerdict.PossiblyEligible : TrialVerdict.Eligible;
        return new TrialEvaluation(verdict, evaluations, failing, questions);
    }
}
