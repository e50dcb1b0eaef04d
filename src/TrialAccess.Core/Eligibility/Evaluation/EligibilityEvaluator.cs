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

        // One constraint (most criteria) is its own outcome whatever the role: combining one outcome gives it back.
        var outcome = results.Count == 1 ? results[0].Check.Outcome
            : criterion.Segment.Role == CriterionRole.Inclusion
            ? CombineInclusion(results, criterion.Segment.Text)
            : Combine(results.Select(r => r.Check.Outcome).ToList(), CriterionRole.Exclusion);

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

        return new CriterionEvaluation(criterion, outcome, results, decisive is null ? null : string.Join("; ", decisive), questions ?? []);
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
    /// The record's conditions when they are not all cancers: met when the patient has one of them, otherwise a question
    /// (never a failure), so that a trial is called Eligible only for a patient known to have what it studies.
    /// </summary>
    private static CriterionEvaluation EvaluateStudiedConditions(IReadOnlyList<EligibilityConstraint> studied, PatientProfile patient, EvaluationContext context)
    {
        var names = studied.Select(s => s is CancerTypeConstraint cancer ? cancer.Name : ((ConditionConstraint)s).Concept).ToList();
        var segment = new CriterionSegment(CriterionRole.Inclusion, 0, $"conditions studied: {string.Join("; ", names)} (registry)", default, Section: "registry");
        var results = studied.Select(s => new ConstraintEvaluation(s, s.Evaluate(patient, context))).ToList();
        var met = results.Where(r => r.Check.Outcome == CriterionOutcome.Met).Select(r => r.Check.Evidence).OfType<string>().ToList();
        return met.Count > 0
            ? new CriterionEvaluation(new ParsedCriterion(segment, [.. studied]), CriterionOutcome.Met, results, string.Join("; ", met.Distinct()), [])
            : new CriterionEvaluation(new ParsedCriterion(segment, [.. studied]), CriterionOutcome.Unknown, results, "none of the conditions studied is recorded", [$"Does the patient have {string.Join(" or ", names)}?"]);
    }

    /// <summary>
    /// Items listed under a lead ending in a colon are read with their lead: under "except:" or "other than:" they are
    /// the exceptions of the lead's rule, not rules of their own (NotApplicable); under "one of the following:", or
    /// when every item names only a cancer type (a list of eligible diagnoses), they are alternatives, and an item the
    /// patient does not meet fails nobody while another item in the list is met or unknown.
    /// </summary>
    private static void ApplyListLeads(List<CriterionEvaluation> evaluations)
    {
        if (!evaluations.Exists(e => e.Criterion.Segment.Lead is not null && e.Criterion.Segment.Depth > 0))
        {
            return;
        }

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

    /// <summary>
    /// A failure the engine's reading cannot stand behind becomes a question: a criterion whose rule hangs on a
    /// condition the engine does not read ("if no renal impairment", "unless treated", "provided that"), and an age or
    /// sex rule in the prose that contradicts the registry's own limits when those admit the patient (the prose then
    /// speaks of a subgroup or of something else: "Males and females aged 18-70", "bone age no greater than 11").
    /// </summary>
    private static void QuestionUncertainFailures(List<CriterionEvaluation> evaluations, IReadOnlyList<string> studied, Vocabulary.CancerTypeCatalog catalog)
    {
        var registryAdmits = evaluations
            .Where(e => e.Criterion.Segment.Section == "registry" && e.Constraints.Count == 1 && e.Outcome == CriterionOutcome.Met)
            .Select(e => e.Constraints[0].Constraint.Kind)
            .ToHashSet();
        var registryLimits = evaluations
            .Where(e => e.Criterion.Segment.Section == "registry" && e.Constraints.Count == 1)
            .Select(e => e.Constraints[0].Constraint.Kind)
            .ToHashSet();
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
            var why = WhyUncertain();
            if (why is null)
            {
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
                if (Conditional().Match(text) is { Success: true } condition)
                {
                    return $"the rule depends on a condition the engine does not read (\"{condition.Value.Trim()}\")";
                }

                if (deciding.Count > 0 && deciding.All(k => k is ConstraintKind.Age or ConstraintKind.Sex && (registryAdmits.Contains(k) || (k == ConstraintKind.Sex && !registryLimits.Contains(k)))))
                {
                    return "the registry's own limits admit the patient";
                }

                if (excludedCancers.Count > 0 && deciding.All(k => k == ConstraintKind.CancerType)
                    && excludedCancers.All(c => studied.Any(code => catalog.IsWithin(code, c.Code) || catalog.IsWithin(c.Code, code))))
                {
                    return "the trial studies this cancer, so the rule must be about a particular form or an earlier one";
                }

                return text.Length > 300 || Label().Count(text) >= 2 ? "the criterion holds several rules the engine could not separate" : null;
            }
        }
    }

    /// <summary>
    /// Inclusion criteria that each name only cancers, of different kinds, list the diagnoses a trial with several
    /// cohorts accepts ("CML chronic phase", "AML in first remission", "MDS with excess blasts"): they are alternatives,
    /// and one the patient does not meet fails nobody while another is met or unknown.
    /// </summary>
    private static void ApplyDiagnosisAlternatives(List<CriterionEvaluation> evaluations)
    {
        var diagnoses = evaluations
            .Select((e, i) => (Evaluation: e, Position: i, Named: e.Constraints.Where(c => c.Constraint is CancerTypeConstraint { Negated: false }).ToList()))
            .Where(x => x.Evaluation.Role == CriterionRole.Inclusion && x.Evaluation.Criterion.Segment.Section != "registry" && x.Named.Count > 0)
            .Select(x => (x.Evaluation, x.Position, x.Named, Diagnosis: Combine(x.Named.Select(c => c.Check.Outcome).ToList(), CriterionRole.Exclusion)))
            .ToList();
        var codes = diagnoses.SelectMany(x => x.Named.Select(c => ((CancerTypeConstraint)c.Constraint).Code)).Distinct().Count();
        if (diagnoses.Count < 2 || codes < 2 || !diagnoses.Any(x => x.Diagnosis is CriterionOutcome.Met or CriterionOutcome.Unknown))
        {
            return;
        }

        var other = diagnoses.Any(x => x.Diagnosis == CriterionOutcome.Met) ? "met" : "unknown";
        foreach (var (evaluation, position, _, _) in diagnoses.Where(x => x.Evaluation.Outcome == CriterionOutcome.NotMet
            && x.Evaluation.Constraints.Where(c => c.Check.Outcome == CriterionOutcome.NotMet).All(c => c.Constraint is CancerTypeConstraint { Negated: false })))
        {
            evaluations[position] = evaluation with
            {
                Outcome = CriterionOutcome.NotApplicable,
                Evidence = $"{evaluation.Evidence}; one of the diagnoses the trial accepts, another of which is {other}",
            };
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[\s.;])[A-Z][A-Za-z /]{2,30}(?::|--)\s", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Label();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:if|unless|provided\s+(?:that|they)|when|whenever|in\s+case\s+of|at\s+the\s+discretion|likely|can\s+include|deferred)\b[^.;]{0,60}", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Conditional();

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
    /// An inclusion holds when every kind of constraint in it holds. Constraints of one kind joined by "or" ("ECOG 0-1
    /// or KPS 70 or more", "creatinine at most 1.5 mg/dL or clearance at least 60 mL/min", "A, B, or C") are alternatives: the chain holds
    /// when any of them does. Cancer types in one criterion are always alternatives (a patient has one cancer).
    /// </summary>
    private static CriterionOutcome CombineInclusion(List<ConstraintEvaluation> results, string text)
    {
        var perKind = new List<CriterionOutcome>();
        foreach (var group in results.GroupBy(r => r.Constraint.Kind))
        {
            var items = group.OrderBy(r => r.Constraint.Span.Start).ToList();
            if (group.Key == ConstraintKind.CancerType)
            {
                perKind.Add(Combine(items.Select(r => r.Check.Outcome).ToList(), CriterionRole.Exclusion));
                continue;
            }

            var separators = items.Zip(items.Skip(1)).Select(pair => Separator(text, pair.First.Constraint.Span, pair.Second.Constraint.Span)).ToList();
            var chain = new List<CriterionOutcome> { items[0].Check.Outcome };
            for (var i = 1; i < items.Count; i++)
            {
                var joined = separators[i - 1] == Join.Or
                    || (separators[i - 1] == Join.Comma && separators.Skip(i).FirstOrDefault(s => s != Join.Comma) == Join.Or);
                if (!joined)
                {
                    perKind.Add(Combine(chain, CriterionRole.Exclusion));
                    chain = [];
                }

                chain.Add(items[i].Check.Outcome);
            }

            perKind.Add(Combine(chain, CriterionRole.Exclusion));
        }

        return Combine(perKind, CriterionRole.Inclusion);
    }

    private enum Join
    {
        And,
        Or,
        Comma,
    }

    private static Join Separator(string text, Patients.SourceSpan first, Patients.SourceSpan second)
    {
        var from = Math.Min(first.End, text.Length);
        var to = Math.Min(Math.Max(from, second.Start), text.Length);
        var between = text[from..to];
        if (between.Contains(" or ", StringComparison.OrdinalIgnoreCase) || between.Contains('/') || between.Trim() is "or" || between.Contains("either", StringComparison.OrdinalIgnoreCase))
        {
            return Join.Or;
        }

        return between.Trim() == "," ? Join.Comma : Join.And;
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
        else if (eligibility.StudiedConditions.Count > 0)
        {
            evaluations.Add(EvaluateStudiedConditions(eligibility.StudiedConditions, patient, context));
        }

        foreach (var criterion in eligibility.Criteria)
        {
            evaluations.Add(Evaluate(criterion, patient, context));
        }

        ApplyListLeads(evaluations);
        ApplyDiagnosisAlternatives(evaluations);
        QuestionUncertainFailures(evaluations, eligibility.ConditionCancerCodes, context.Vocabulary.CancerTypes);

        var failing = evaluations.Where(e => e.Fails).ToList();
        var questions = evaluations.Where(e => e.Outcome == CriterionOutcome.Unknown).SelectMany(e => e.Questions).Distinct().ToList();

        // A record that publishes no criteria ("No eligibility criteria") says nothing of who may join: not Eligible.
        if (eligibility.Criteria.Count == 0 || eligibility.Criteria.All(c => c.Segment.Text.Contains("no eligibility criteria", StringComparison.OrdinalIgnoreCase)))
        {
            questions.Add("The record publishes no eligibility criteria: what are they? (ask the study team)");
        }

        var verdict = failing.Count > 0 ? TrialVerdict.Ineligible : questions.Count > 0 ? TrialVerdict.PossiblyEligible : TrialVerdict.Eligible;
        return new TrialEvaluation(verdict, evaluations, failing, questions);
    }
}
