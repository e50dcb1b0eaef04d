using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Trials;

namespace TrialAccess.Eligibility.Parsing;

/// <summary>
/// A trial's eligibility, parsed once: every criterion with its constraints, plus the registry's structured age and
/// sex limits. Immutable, so it can be cached per trial version and evaluated against any number of patients.
/// </summary>
/// <param name="RegistryConstraints">The structured minimum/maximum age and sex from the record (not from the prose).</param>
/// <param name="StudiedCancers">
/// The cancer types the record's conditions name, as alternatives (the patient must have one of them), when every
/// condition names a specific cancer; empty when a condition is not a cancer ("Pain") or is cancer in general.
/// </param>
public sealed record ParsedEligibility(NctId? NctId, IReadOnlyList<ParsedCriterion> Criteria, IReadOnlyList<EligibilityConstraint> RegistryConstraints, IReadOnlyList<CancerTypeConstraint> StudiedCancers)
{
    public int TypedCount => Criteria.Count(c => !c.IsFreeText);

    /// <summary>
    /// When <see cref="StudiedCancers"/> is empty, the record's conditions (cancers and other diseases) as
    /// alternatives: "Eligible" then needs the patient to have one of them; not finding one is a question, never a
    /// failure (the vocabulary of general medicine is too thin to rule a patient out).
    /// </summary>
    public IReadOnlyList<EligibilityConstraint> StudiedConditions { get; init; } = [];

    /// <summary>The OncoTree codes of the record's conditions that name a cancer (whatever the other conditions are).</summary>
    public IReadOnlyList<string> ConditionCancerCodes { get; init; } = [];

    /// <summary>Whom the trial studies, read from its conditions and titles (cancer, setting, biomarker population, diseases).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public StudiedPopulation.TrialPopulation Population { get; init; } = StudiedPopulation.TrialPopulation.None;
}

/// <summary>Segments and parses a trial's eligibility text.</summary>
public static partial class TrialCriteriaParser
{
    public static ParsedEligibility Parse(ClinicalTrial trial, CriterionParser? parser = null)
    {
        parser ??= CriterionParser.Default;
        var segments = CriteriaSegmenter.Segment(trial.Eligibility.Criteria);
        var criteria = new List<ParsedCriterion>(segments.Criteria.Count);
        foreach (var segment in segments.Criteria)
        {
            criteria.Add(parser.Parse(segment));
        }

        var registry = new List<EligibilityConstraint>();
        var min = trial.Eligibility.MinimumAge?.TotalYears;
        var max = trial.Eligibility.MaximumAge?.TotalYears;
        if (min is not null || max is not null)
        {
            registry.Add(new AgeConstraint(min is { } lo ? Math.Round(lo, 2) : null, max is { } hi ? Math.Round(hi, 2) : null));
        }

        if (trial.Eligibility.Sex is EligibleSex.Female or EligibleSex.Male)
        {
            registry.Add(new SexConstraint(trial.Eligibility.Sex == EligibleSex.Female ? Patients.PatientSex.Female : Patients.PatientSex.Male));
        }

        var catalog = parser.Vocabulary.CancerTypes;
        var studied = StudiedCancers(trial, catalog);
        return new ParsedEligibility(trial.NctId, criteria, registry, studied)
        {
            StudiedConditions = studied.Count > 0 ? [] : StudiedConditions(trial, parser.Vocabulary),
            ConditionCancerCodes = trial.Conditions
                .Select(catalog.Resolve)
                .OfType<string>()
                .Where(code => code != Vocabulary.CancerTypeCatalog.Root)
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            Population = StudiedPopulation.TrialPopulationReader.Read(trial, parser.Vocabulary),
        };
    }

    /// <summary>Each condition of the record as a cancer type, a known concept of general medicine, or its own words.</summary>
    private static List<EligibilityConstraint> StudiedConditions(ClinicalTrial trial, Vocabulary.OncologyVocabulary vocabulary)
    {
        var studied = new List<EligibilityConstraint>();
        foreach (var condition in trial.Conditions.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            var code = vocabulary.CancerTypes.Resolve(condition);
            var matches = vocabulary.Concepts.Names.FindAll(condition, Vocabulary.Tokenizer.Tokenize(condition));
            var concept = matches.Count == 0 ? null : matches.MaxBy(m => m.End - m.Start).Value;
            // "Cancer", "Neoplasms" among other conditions: any cancer, met by the patient's own (a code at the root).
            EligibilityConstraint constraint = code is not null
                ? new CancerTypeConstraint(code, condition)
                : new ConditionConstraint(concept?.Name ?? condition.Trim(), concept?.Kind ?? Vocabulary.MedicalConceptKind.Condition);
            if (!studied.Contains(constraint))
            {
                studied.Add(constraint);
            }
        }

        return studied;
    }

    /// <summary>The record's conditions as cancer types, or none when any condition is not a specific cancer.</summary>
    private static List<CancerTypeConstraint> StudiedCancers(ClinicalTrial trial, Vocabulary.CancerTypeCatalog catalog)
    {
        var studied = new List<CancerTypeConstraint>();
        foreach (var condition in trial.Conditions)
        {
            var code = catalog.Resolve(condition);
            if (code is null || code == Vocabulary.CancerTypeCatalog.Root)
            {
                return [];
            }

            if (!studied.Any(s => s.Code == code))
            {
                studied.Add(new CancerTypeConstraint(code, condition));
            }
        }

        return Narrowed(studied, trial, catalog);
    }

    /// <summary>
    /// A broad condition ("Lymphoma") that the titles name more narrowly ("... in Non-Hodgkin's Lymphoma") is the narrower
    /// cancer: the trial studies what its title says. A condition the titles name as such, or do not narrow, stays.
    /// </summary>
    private static List<CancerTypeConstraint> Narrowed(List<CancerTypeConstraint> studied, ClinicalTrial trial, Vocabulary.CancerTypeCatalog catalog)
    {
        if (studied.Count == 0)
        {
            return studied;
        }

        var titled = new List<(string Code, string Phrase)>();
        foreach (var title in new[] { trial.BriefTitle, trial.OfficialTitle })
        {
            if (!string.IsNullOrWhiteSpace(title))
            {
                titled.AddRange(catalog.Names.FindAll(title, Vocabulary.Tokenizer.Tokenize(title))
                    .Where(m => m.Value != Vocabulary.CancerTypeCatalog.Root)
                    .Select(m => (m.Value, title[m.Start..m.End])));
            }
        }

        if (titled.Count == 0)
        {
            return studied;
        }

        // A title giving examples ("... including breast cancer") narrows nothing; nor does any title a basket ("Solid
        // Tumors", "Hematologic Malignancies").
        if (Examples().IsMatch(trial.BriefTitle) || (trial.OfficialTitle is { } official && Examples().IsMatch(official)))
        {
            return studied;
        }

        var narrowed = new List<CancerTypeConstraint>();
        foreach (var condition in studied)
        {
            var narrower = condition.Code is Vocabulary.CancerTypeCatalog.Solid or Vocabulary.CancerTypeCatalog.Hematologic
                ? []
                : titled.Where(t => t.Code != condition.Code && catalog.IsWithin(t.Code, condition.Code)).ToList();

            // "Endometrial Cancer; Sarcoma" on a trial titled "... Sarcoma of the Uterus": the title names another cancer of the
            // same organ and none the condition holds or is held by, so the condition is the registry's broad label.
            // The titles' most specific cancers count ("Cancer of the Uterus" in one title, "Uterine Sarcoma" in the other).
            var specific = titled.Where(t => !titled.Exists(o => o.Code != t.Code && catalog.IsWithin(o.Code, t.Code))).ToList();
            var contradicted = false;
            if (narrower.Count == 0 && studied.Count > 1 && catalog.TissueOf(condition.Code) is { } tissue
                && !specific.Exists(t => catalog.IsWithin(t.Code, condition.Code) || catalog.IsWithin(condition.Code, t.Code)))
            {
                narrower = specific.Where(t => catalog.TissueOf(t.Code) == tissue && t.Code != tissue).ToList();
                contradicted = narrower.Count > 0;
            }

            if (narrower.Count == 0 || (!contradicted && titled.Exists(t => t.Code == condition.Code || catalog.IsWithin(condition.Code, t.Code))))
            {
                narrowed.Add(condition);
                continue;
            }

            foreach (var (code, phrase) in narrower)
            {
                if (!narrowed.Exists(n => n.Code == code))
                {
                    narrowed.Add(new CancerTypeConstraint(code, phrase));
                }
            }
        }

        return narrowed;
    }

    [GeneratedRegex(@"\b(?:including|includes|such\s+as|e\.g\.|for\s+example|other|and\s+other)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Examples();
}
