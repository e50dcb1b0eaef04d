using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Parsing;

/// <summary>One criterion with the typed constraints read from it.</summary>
/// <param name="Constraints">Empty when nothing was understood: the criterion is then free text, shown and asked as written.</param>
public sealed record ParsedCriterion(CriterionSegment Segment, IReadOnlyList<EligibilityConstraint> Constraints)
{
    public bool IsFreeText => Constraints.Count == 0;
}

/// <summary>
/// Turns one criterion into typed constraints by running every constraint family's parser in a fixed order: the
/// specific families first (they claim their words), general-medicine concepts last.
/// </summary>
public sealed class CriterionParser(OncologyVocabulary vocabulary)
{
    private static readonly Action<CriterionContext>[] Families =
    [
        BoilerplateParser.Parse,
        OtherMalignancyParser.Parse,
        PerformanceStatusParser.Parse,
        LifeExpectancyParser.Parse,
        AgeParser.Parse,
        MeasurableDiseaseParser.Parse,
        OrganFunctionParser.Parse,
        InfectionParser.Parse,
        LaboratoryParser.Parse,
        ReproductiveParser.Parse,
        MetastasisParser.Parse,
        BiomarkerParser.Parse,
        StageParser.Parse,
        CancerTypeParser.Parse,
        PriorTherapyParser.Parse,
        SexParser.Parse,
        ConditionParser.Parse,
    ];

    public static CriterionParser Default { get; } = new(OncologyVocabulary.BuiltIn);

    public OncologyVocabulary Vocabulary { get; } = vocabulary;

    public ParsedCriterion Parse(CriterionSegment segment)
    {
        var context = new CriterionContext(segment.Text, segment.Role, Vocabulary, segment.Section, segment.Lead);
        foreach (var family in Families)
        {
            family(context);
        }

        return new ParsedCriterion(segment, context.Found);
    }

    /// <summary>Parses a single criterion given as text (as <c>criteria evaluate --criterion</c> does).</summary>
    public ParsedCriterion Parse(string text, CriterionRole role)
    {
        var trimmed = text.Trim();
        var start = text.IndexOf(trimmed, StringComparison.Ordinal);
        return Parse(new CriterionSegment(role, 1, trimmed, new Patients.SourceSpan(Math.Max(0, start), trimmed.Length)));
    }
}
