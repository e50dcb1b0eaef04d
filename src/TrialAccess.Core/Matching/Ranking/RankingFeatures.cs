using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Matching.Retrieval;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Matching.Ranking;

/// <summary>
/// What the learned ranker sees of one (patient, trial) pair: relevance, how the patient's main problem matches what the
/// trial studies, the criteria's outcomes counted by role, basis and class, the verdict and a few facts of the record.
/// Every feature is computable for any patient at match time from the catalog's slim record and the evaluation, and
/// none depends on which other candidates are present except <c>relevance_to_best</c> (relevance over the best
/// candidate's). NaN marks a missing value.
/// </summary>
public static class RankingFeatures
{
    /// <summary>The feature names, in the order of <see cref="Extract"/>'s vector. A model must be trained on exactly these.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "relevance",
        "relevance_query_share",
        "relevance_to_best",
        "subject_query_share",
        "main_terms_in_title",
        "main_terms_in_conditions",
        "patient_has_cancer",
        "trial_cancer_codes",
        "cancer_exact",
        "cancer_lineage",
        "cancer_same_tissue",
        "cancer_other_tissue",
        "main_concept_in_conditions",
        "studied_outcome",
        "age_fit",
        "sex_fit",
        "verdict",
        "criteria",
        "inclusion_met",
        "inclusion_not_met_recorded",
        "inclusion_not_met_presumed",
        "inclusion_unknown",
        "exclusion_met_recorded",
        "exclusion_met_presumed",
        "exclusion_not_met",
        "exclusion_unknown",
        "unknown_share",
        "fails_disease",
        "fails_biomarker",
        "fails_therapy",
        "fails_other",
        "disease_inclusions_met",
        "healthy_volunteers",
        "trial_conditions",
        "semantic_similarity",
    ];

    /// <summary>The features of one candidate, in <see cref="Names"/> order.</summary>
    /// <param name="query">The patient's query context for this match.</param>
    /// <param name="document">The candidate's document in the catalog.</param>
    /// <param name="relevance">Its BM25F relevance for the query.</param>
    /// <param name="eligibility">Its evaluation for the patient.</param>
    /// <param name="semanticSimilarity">Sentence-embedding similarity, null when there are no vectors.</param>
    public static float[] Extract(RankingQuery query, int document, double relevance, TrialEvaluation eligibility, double? semanticSimilarity = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(eligibility);
        var catalog = query.Catalog;
        var slim = catalog.Slim(document);
        var f = new float[Names.Count];
        var i = 0;
        f[i++] = (float)relevance;
        f[i++] = query.UpperBound > 0 ? (float)(relevance / query.UpperBound) : 0f;
        f[i++] = query.BestRelevance > 0 ? (float)(relevance / query.BestRelevance) : 0f;

        // The share of the query's weight found in the trial's title and conditions (idf × query weight).
        var subject = catalog.SubjectTerms(document);
        var subjectWeight = 0.0;
        foreach (var term in subject)
        {
            subjectWeight += query.TermWeight(term);
        }

        f[i++] = query.UpperBound > 0 ? (float)(subjectWeight / query.UpperBound) : 0f;

        var titleTerms = new HashSet<string>(TextAnalyzer.Terms(slim.BriefTitle), StringComparer.Ordinal);
        var conditionTerms = new HashSet<string>(TextAnalyzer.Terms(string.Join('\n', slim.Conditions)), StringComparer.Ordinal);
        f[i++] = Share(query.MainTerms, titleTerms);
        f[i++] = Share(query.MainTerms, conditionTerms);

        // The main problem against the cancers the trial's title and conditions name (OncoTree, with parents).
        var cancers = query.Evaluation.Vocabulary.CancerTypes;
        var trialCodes = slim.Conditions.Prepend(slim.BriefTitle)
            .Select(c => cancers.Resolve(c))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var patientCode = query.MainProblem is { OncoTreeCode: { Length: > 0 } code } ? code : null;
        f[i++] = query.MainProblem?.IsCancer == true ? 1f : 0f;
        f[i++] = trialCodes.Count;
        if (patientCode is null || trialCodes.Count == 0)
        {
            f[i++] = float.NaN;
            f[i++] = float.NaN;
            f[i++] = float.NaN;
            f[i++] = float.NaN;
        }
        else
        {
            var lineage = cancers.Lineage(patientCode);
            var tissue = cancers.TissueOf(patientCode);
            var exact = trialCodes.Contains(patientCode, StringComparer.Ordinal);
            var related = trialCodes.Any(c => lineage.Contains(c, StringComparer.Ordinal) || cancers.Lineage(c).Contains(patientCode, StringComparer.Ordinal));
            var sameTissue = tissue is not null && trialCodes.Any(c => cancers.TissueOf(c) == tissue);
            f[i++] = exact ? 1f : 0f;
            f[i++] = related ? 1f : 0f;
            f[i++] = sameTissue ? 1f : 0f;
            f[i++] = !sameTissue && !related ? 1f : 0f;
        }

        // The main problem's vocabulary concepts (with broader ones) among those of the trial's conditions.
        if (query.MainConcepts.Count == 0)
        {
            f[i++] = float.NaN;
        }
        else
        {
            var found = slim.Conditions.Any(c => query.Evaluation.ConceptNamesIn(c).Any(query.MainConcepts.Contains));
            f[i++] = found ? 1f : 0f;
        }

        // The registry's criteria: conditions studied, age, sex (1 met, 0 unknown, -1 failing, NaN absent).
        float studied = float.NaN, age = float.NaN, sex = float.NaN;
        foreach (var c in eligibility.Criteria)
        {
            if (c.Criterion.Segment.Section != "registry")
            {
                continue;
            }

            var value = c.Fails ? -1f : c.Outcome == CriterionOutcome.Met ? 1f : 0f;
            if (c.Criterion.Segment.Text.StartsWith("conditions studied:", StringComparison.Ordinal))
            {
                studied = value;
            }
            else if (c.Constraints.Count == 1 && c.Constraints[0].Constraint.Kind == ConstraintKind.Age)
            {
                age = float.IsNaN(age) ? value : Math.Min(age, value);
            }
            else if (c.Constraints.Count == 1 && c.Constraints[0].Constraint.Kind == ConstraintKind.Sex)
            {
                sex = value;
            }
        }

        f[i++] = studied;
        f[i++] = age;
        f[i++] = sex;
        f[i++] = (int)eligibility.Verdict;

        // The published criteria, counted by role, outcome and basis, and the failing ones by class.
        int criteria = 0, inMet = 0, inNotRec = 0, inNotPres = 0, inUnknown = 0, exMetRec = 0, exMetPres = 0, exNot = 0, exUnknown = 0;
        int failDisease = 0, failBiomarker = 0, failTherapy = 0, failOther = 0, diseaseMet = 0;
        foreach (var c in eligibility.Criteria)
        {
            if (c.Criterion.Segment.Section == "registry")
            {
                continue;
            }

            criteria++;
            var inclusion = c.Role == Eligibility.Segmentation.CriterionRole.Inclusion;
            switch (c.Outcome)
            {
                case CriterionOutcome.Met when inclusion: inMet++; break;
                case CriterionOutcome.NotMet when inclusion && c.Presumed: inNotPres++; break;
                case CriterionOutcome.NotMet when inclusion: inNotRec++; break;
                case CriterionOutcome.Unknown when inclusion: inUnknown++; break;
                case CriterionOutcome.Met when c.Presumed: exMetPres++; break;
                case CriterionOutcome.Met: exMetRec++; break;
                case CriterionOutcome.NotMet: exNot++; break;
                case CriterionOutcome.Unknown: exUnknown++; break;
            }

            var kind = ClassOf(c);
            if (c.Fails)
            {
                switch (kind)
                {
                    case FeatureClass.Disease: failDisease++; break;
                    case FeatureClass.Biomarker: failBiomarker++; break;
                    case FeatureClass.Therapy: failTherapy++; break;
                    default: failOther++; break;
                }
            }
            else if (inclusion && c.Outcome == CriterionOutcome.Met && kind == FeatureClass.Disease)
            {
                diseaseMet++;
            }
        }

        f[i++] = criteria;
        f[i++] = inMet;
        f[i++] = inNotRec;
        f[i++] = inNotPres;
        f[i++] = inUnknown;
        f[i++] = exMetRec;
        f[i++] = exMetPres;
        f[i++] = exNot;
        f[i++] = exUnknown;
        f[i++] = criteria == 0 ? float.NaN : (float)(inUnknown + exUnknown) / criteria;
        f[i++] = failDisease;
        f[i++] = failBiomarker;
        f[i++] = failTherapy;
        f[i++] = failOther;
        f[i++] = diseaseMet;
        f[i++] = slim.Eligibility.AcceptsHealthyVolunteers is { } healthy ? (healthy ? 1f : 0f) : float.NaN;
        f[i++] = slim.Conditions.Count;
        f[i++] = semanticSimilarity is { } similarity ? (float)similarity : float.NaN;
        return f;
    }

    private enum FeatureClass
    {
        Disease,
        Biomarker,
        Therapy,
        Other,
    }

    private static FeatureClass ClassOf(CriterionEvaluation criterion)
    {
        var kinds = criterion.Constraints.Select(c => c.Constraint.Kind).ToList();
        if (kinds.Count == 0)
        {
            kinds = criterion.Criterion.Constraints.Select(c => c.Kind).ToList();
        }

        return kinds.Any(k => k is ConstraintKind.CancerType or ConstraintKind.Condition or ConstraintKind.Stage or ConstraintKind.Metastasis or ConstraintKind.OtherMalignancy) ? FeatureClass.Disease
            : kinds.Contains(ConstraintKind.Biomarker) ? FeatureClass.Biomarker
            : kinds.Contains(ConstraintKind.PriorTherapy) ? FeatureClass.Therapy
            : FeatureClass.Other;
    }

    private static float Share(IReadOnlyCollection<string> terms, HashSet<string> found) =>
        terms.Count == 0 ? float.NaN : (float)terms.Count(found.Contains) / terms.Count;
}

/// <summary>
/// What the features need of one match, computed once: the analysed query with each term's weight (idf × count), its
/// upper bound (the score of a trial holding every term at saturation), the best candidate's relevance, the patient's
/// main problem with its analysed terms and vocabulary concepts.
/// </summary>
public sealed class RankingQuery
{
    private readonly IReadOnlyDictionary<string, float> _query;

    private RankingQuery(TrialCatalog catalog, IReadOnlyDictionary<string, float> query, PatientProfile patient, Eligibility.Evaluation.EvaluationContext evaluation, double bestRelevance)
    {
        Catalog = catalog;
        _query = query;
        Evaluation = evaluation;
        BestRelevance = bestRelevance;
        UpperBound = query.Sum(q => (double)catalog.Index.InverseDocumentFrequency(q.Key) * q.Value);
        MainProblem = evaluation.MainProblemOf(patient);
        var mainTerms = new HashSet<string>(StringComparer.Ordinal);
        var concepts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (MainProblem is { } main)
        {
            TextAnalyzer.Analyze(main.Text, t => mainTerms.Add(t));
            if (main.Concept is { } concept)
            {
                TextAnalyzer.Analyze(concept, t => mainTerms.Add(t));
            }

            if (main.OncoTreeCode is { Length: > 0 } code && evaluation.Vocabulary.CancerTypes.Find(code)?.Name is { } name)
            {
                TextAnalyzer.Analyze(name, t => mainTerms.Add(t));
            }

            if (!main.IsCancer)
            {
                concepts.UnionWith(evaluation.ConceptNamesIn(main.Concept ?? main.Text));
            }
        }

        MainTerms = mainTerms;
        MainConcepts = concepts;
    }

    public TrialCatalog Catalog { get; }

    public Eligibility.Evaluation.EvaluationContext Evaluation { get; }

    public double BestRelevance { get; }

    public double UpperBound { get; }

    public MainProblem? MainProblem { get; }

    public IReadOnlyCollection<string> MainTerms { get; }

    public IReadOnlySet<string> MainConcepts { get; }

    /// <param name="query">The analysed query the relevance was computed with (<see cref="TrialSearchIndex.Query"/>).</param>
    /// <param name="bestRelevance">The best relevance among the match's candidates.</param>
    public static RankingQuery Create(TrialCatalog catalog, IReadOnlyDictionary<string, float> query, PatientProfile patient, Eligibility.Evaluation.EvaluationContext evaluation, double bestRelevance)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(evaluation);
        return new RankingQuery(catalog, query, patient, evaluation, bestRelevance);
    }

    /// <summary>The term's weight in the query (idf × count), 0 when the query lacks it.</summary>
    public double TermWeight(string term) =>
        _query.TryGetValue(term, out var count) ? Catalog.Index.InverseDocumentFrequency(term) * count : 0;
}
