using System.Text.RegularExpressions;
using TrialAccess.Patients;
using TrialAccess.Trials;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.StudiedPopulation;

/// <summary>
/// Reads whom a trial studies from its conditions, brief title and official title (<see cref="TrialPopulation"/>).
/// Only words that name a population are read ("HER2-positive", "newly diagnosed", "locally advanced or metastatic",
/// "untreated brain metastases"); nothing is inferred from the criteria, which the engine reads on its own.
/// </summary>
public static partial class TrialPopulationReader
{
    public static TrialPopulation Read(ClinicalTrial trial, OncologyVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var sources = new List<(string Field, string Text)>();
        foreach (var condition in trial.Conditions.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            sources.Add(("conditions", condition));
        }

        sources.Add(("title", trial.BriefTitle));
        if (!string.IsNullOrWhiteSpace(trial.OfficialTitle) && !string.Equals(trial.OfficialTitle, trial.BriefTitle, StringComparison.OrdinalIgnoreCase))
        {
            sources.Add(("official title", trial.OfficialTitle));
        }

        var catalog = vocabulary.CancerTypes;
        var codes = new List<string>();
        var anyCancer = false;
        foreach (var (field, text) in sources)
        {
            foreach (var code in CancerCodesIn(text, catalog, field == "conditions"))
            {
                if (code is CancerTypeCatalog.Root or CancerTypeCatalog.Solid or CancerTypeCatalog.Hematologic)
                {
                    anyCancer = true;
                }
                else if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
        }

        var traits = new List<PopulationTrait>();
        if (codes.Count > 0 || anyCancer)
        {
            foreach (var (field, text) in sources)
            {
                ReadTraits(field, text, traits);
            }
        }

        // "First line chemotherapy in recurrent oligodendroglial tumors": the first treatment of the recurrence, not of a
        // newly diagnosed cancer.
        var recurrentFields = traits.Where(t => t.Axis == PopulationAxis.PriorTreatment && t.Value == "recurrent").Select(t => t.Evidence.Field).ToHashSet();
        traits.RemoveAll(t => t.Axis == PopulationAxis.PriorTreatment && t.Value == "untreated" && recurrentFields.Contains(t.Evidence.Field) && FirstLine().IsMatch(t.Evidence.Text));

        // "Liver Resection ... in Patients With Liver Metastases From Colorectal Cancer": the operation or liver-directed
        // treatment is of the metastases the title names, so the trial is for metastatic disease, not an operable primary.
        if (traits.Exists(t => t.Axis == PopulationAxis.Extent && t.Value == nameof(DiseaseExtent.Metastatic))
            && sources.Exists(s => s.Field != "conditions" && SiteMetastases().IsMatch(s.Text)))
        {
            traits.RemoveAll(t => t.Axis == PopulationAxis.Extent && t.Label is "early or operable disease" or LiverDirectedLabel or LiverResectionLabel);
        }

        // "TACE for Hepatocellular Carcinoma With Portal Vein Tumor Thrombus": the trial takes the vascular invasion that
        // a liver-directed treatment otherwise leaves out.
        if (traits.Exists(t => t.Label == LiverDirectedLabel) && sources.Exists(s => VascularInvasion().IsMatch(s.Text)))
        {
            foreach (var (field, text) in sources)
            {
                if (VascularInvasion().Match(text) is { Success: true } m)
                {
                    traits.Add(new PopulationTrait(PopulationAxis.Extent, nameof(DiseaseExtent.LocallyAdvanced), VascularInvasionLabel, new PopulationEvidence(field, m.Value.Trim()), null));
                    break;
                }
            }
        }

        // "Adjuvant Chemotherapy ... in Resected Early Stage Ovarian Cancer": the setting's word takes locally advanced
        // disease too, unless the trial says its disease is early. "Early breast cancer" is operable breast cancer, stage
        // IIIA included.
        if (sources.Exists(s => EarlyStageWords().IsMatch(s.Text)) && !sources.Exists(s => s.Text.Contains("breast", StringComparison.OrdinalIgnoreCase)))
        {
            traits.RemoveAll(t => t.Axis == PopulationAxis.Extent && t.Label == "early or operable disease" && t.Value == nameof(DiseaseExtent.LocallyAdvanced));
        }

        // After a resection ("adjuvant", "following surgery"), "advanced" names the resected tumour's stage, not metastases.
        if (traits.Exists(t => t.Axis == PopulationAxis.Extent && Adjuvant().IsMatch(t.Evidence.Text)))
        {
            traits.RemoveAll(t => t.Axis == PopulationAxis.Extent && t.Label == "advanced disease");
        }

        // "Neoadjuvant Herceptin for Ductal Carcinoma In Situ": beside in situ disease, a treatment setting names when the
        // in situ disease is treated, not another, invasive population.
        if (traits.Exists(t => t.Axis == PopulationAxis.Extent && t.Value == nameof(DiseaseExtent.InSitu)))
        {
            traits.RemoveAll(t => t.Axis == PopulationAxis.Extent && t.Label == "early or operable disease" && TreatmentSettingWord().IsMatch(t.Evidence.Text));
        }

        // A glioma named without a grade takes gliomas of any grade: in a title always; in the conditions when no title
        // names a grade (a bare "Glioma" heading beside "Newly Diagnosed Malignant Glioma" in the title is the heading).
        var titleGraded = traits.Exists(t => t.Axis == PopulationAxis.Grade && t.Evidence.Field != "conditions");
        if (traits.Exists(t => t.Axis == PopulationAxis.Grade)
            && sources.Exists(s => (s.Field != "conditions" || !titleGraded) && GradeAndPhase.UngradedGlioma().IsMatch(s.Text)))
        {
            traits.RemoveAll(t => t.Axis == PopulationAxis.Grade);
        }

        // "Metastatic" in one field and "advanced" alone in another name one population: the word that says more is meant,
        // unless a field names locally advanced disease itself ("Irofulven in Metastatic or Recurrent Colorectal Cancer",
        // officially "Previously Untreated Advanced Colorectal Cancer", is not for locally advanced disease).
        // "Stage IVB or Recurrent" and "recurrent or advanced" say it as clearly as "metastatic" does.
        var metastaticFields = traits.Where(t => t.Axis == PopulationAxis.Extent
            && (t.Label is "metastatic disease" or AdvancedOrRecurrentLabel || (t.Value == nameof(DiseaseExtent.Metastatic) && StageFourOnly().IsMatch(t.Label))))
            .Select(t => t.Evidence.Field).ToHashSet();
        if (metastaticFields.Count > 0
            && !traits.Exists(t => t.Axis == PopulationAxis.Extent && t.Value == nameof(DiseaseExtent.LocallyAdvanced) && t.Label != "advanced disease"))
        {
            traits.RemoveAll(t => t.Axis == PopulationAxis.Extent && t.Label == "advanced disease" && t.Value == nameof(DiseaseExtent.LocallyAdvanced)
                && !metastaticFields.Contains(t.Evidence.Field));
        }

        // Stages named in numbers, or "nonmetastatic", say more than "unresectable" does: "unresectable stage III" is not metastatic.
        if (traits.Exists(t => t.Axis == PopulationAxis.Extent && (t.Label.StartsWith("stage ", StringComparison.Ordinal) || t.Label == NonMetastaticLabel)))
        {
            traits.RemoveAll(t => t.Axis == PopulationAxis.Extent && t.Label == "unresectable disease" && t.Value == nameof(DiseaseExtent.Metastatic));
        }

        return new TrialPopulation(codes, anyCancer, traits, Diseases(trial, vocabulary), trial.Eligibility.AcceptsHealthyVolunteers == true);
    }

    /// <summary>The traits one text states, added to <paramref name="traits"/> (each axis and value once per field).</summary>
    internal static void ReadTraits(string field, string text, List<PopulationTrait> traits)
    {
        void Add(PopulationAxis axis, string value, string label, Match match, BiomarkerStatus? status = null)
        {
            if (!traits.Exists(t => t.Axis == axis && t.Value == value && t.Status == status && t.Label == label && t.Evidence.Field == field))
            {
                traits.Add(new PopulationTrait(axis, value, label, new PopulationEvidence(field, match.Value.Trim()), status));
            }
        }

        // Brain metastases first: their "untreated" and "previously treated" are not the primary cancer's.
        var rest = text;
        foreach (Match m in BrainMetastases().Matches(text))
        {
            var state = m.Groups["untreated"].Success ? "untreated" : m.Groups["treated"].Success ? "treated" : "any";
            if (state == "any" && BrainTreatment().IsMatch(text))
            {
                state = "untreated";
            }

            Add(PopulationAxis.BrainMetastases, state, state switch { "untreated" => "untreated brain metastases", "treated" => "previously treated brain metastases", _ => "brain metastases" }, m);
            rest = rest.Replace(m.Value, new string(' ', m.Length), StringComparison.Ordinal);
        }

        foreach (Match m in Prophylactic().Matches(text))
        {
            Add(PopulationAxis.BrainMetastases, "none", "no brain metastases (prophylactic cranial irradiation)", m);
        }

        foreach (Match m in InSitu().Matches(rest))
        {
            Add(PopulationAxis.Extent, nameof(DiseaseExtent.InSitu), "in situ (pre-invasive) disease", m);
        }

        foreach (Match m in Early().Matches(rest))
        {
            Add(PopulationAxis.Extent, nameof(DiseaseExtent.Early), "early or operable disease", m);
            if (m.Groups["curative"].Success)
            {
                Add(PopulationAxis.Extent, nameof(DiseaseExtent.LocallyAdvanced), "early or operable disease", m);
            }
        }

        foreach (Match m in LocallyAdvanced().Matches(rest))
        {
            // "Unresectable metastatic adenocarcinoma", "inoperable liver metastases": the word qualifies the metastases.
            if (m.Groups["unresectable"].Success && QualifiesMetastases().IsMatch(rest, m.Index + m.Length))
            {
                Add(PopulationAxis.Extent, nameof(DiseaseExtent.Metastatic), UnresectableMetastasesLabel, m);
                continue;
            }

            // "Locally Advanced Inoperable": the unresectable word is kept apart, as the checks read it.
            Add(PopulationAxis.Extent, nameof(DiseaseExtent.LocallyAdvanced), m.Groups["unresectable"].Success ? UnresectableLocalLabel : "locally advanced disease", m);

            // "Unresectable locally advanced", "locally advanced, unresectable": the word qualifies the local disease.
            if (m.Groups["unresectable"].Success && !QualifiesLocalDisease().IsMatch(rest[Math.Max(0, m.Index - 20)..Math.Min(rest.Length, m.Index + m.Length + 20)]))
            {
                Add(PopulationAxis.Extent, nameof(DiseaseExtent.Metastatic), "unresectable disease", m);
            }
        }

        foreach (Match m in Metastatic().Matches(rest))
        {
            // "Recurrent or advanced", "advanced or persistent": beside a recurrence, "advanced" is the disease no longer
            // curable (metastatic), not the locally advanced disease still treated with curative intent.
            var advanced = m.Groups["advanced"].Success;
            var incurable = advanced && AdvancedOrRecurrent().IsMatch(rest[Math.Max(0, m.Index - 30)..Math.Min(rest.Length, m.Index + m.Length + 30)]);
            if (advanced && !incurable)
            {
                Add(PopulationAxis.Extent, nameof(DiseaseExtent.LocallyAdvanced), "advanced disease", m);
            }

            Add(PopulationAxis.Extent, nameof(DiseaseExtent.Metastatic), incurable ? AdvancedOrRecurrentLabel : advanced ? "advanced disease" : "metastatic disease", m);
        }

        // Small cell lung cancer's own two stages: limited (one hemithorax, treatable in one radiation field) and extensive.
        foreach (Match m in LimitedOrExtensiveStage().Matches(rest))
        {
            if (m.Groups["limited"].Success)
            {
                Add(PopulationAxis.Extent, nameof(DiseaseExtent.Early), "limited-stage disease", m);
                Add(PopulationAxis.Extent, nameof(DiseaseExtent.LocallyAdvanced), "limited-stage disease", m);
            }
            else
            {
                Add(PopulationAxis.Extent, nameof(DiseaseExtent.Metastatic), "extensive-stage disease", m);
            }
        }

        // "Nonmetastatic biliary tract cancer that cannot be removed by surgery": localised or locally advanced disease.
        foreach (Match m in NonMetastatic().Matches(rest))
        {
            Add(PopulationAxis.Extent, nameof(DiseaseExtent.Early), NonMetastaticLabel, m);
            Add(PopulationAxis.Extent, nameof(DiseaseExtent.LocallyAdvanced), NonMetastaticLabel, m);
        }

        foreach (Match m in Stage().Matches(rest))
        {
            // "stage ii prostate adenocarcinoma": conditions written in lower case name the same stages.
            var stages = m.Groups["stages"].Value.ToUpperInvariant();
            foreach (var extent in StageExtents(stages))
            {
                Add(PopulationAxis.Extent, extent.ToString(), $"stage {stages}", m);
            }
        }

        foreach (Match m in LiverDirected().Matches(rest))
        {
            // Chemoembolization, ablation, a transplant or a resection treats disease confined to the liver; a resection is
            // told apart, as a trial after one ("after hepatectomy") takes patients with nothing left in the liver.
            var label = m.Groups["resection"].Success ? LiverResectionLabel : LiverDirectedLabel;
            Add(PopulationAxis.Extent, nameof(DiseaseExtent.Early), label, m);
            Add(PopulationAxis.Extent, nameof(DiseaseExtent.LocallyAdvanced), label, m);
        }

        // Prevention, screening and risk: people who do not have the cancer, unless the record speaks of those who had it
        // ("survivors", "history of", "second primary", "recurrence").
        if (!HadTheCancer().IsMatch(rest))
        {
            foreach (Match m in AtRisk().Matches(rest))
            {
                Add(PopulationAxis.AtRisk, "at risk", "people at risk of the cancer (prevention, screening or early detection)", m);
            }
        }

        foreach (Match m in RiskGroups.Group().Matches(rest))
        {
            var (value, label) = m.Groups["low"].Success ? ("lower", "lower-risk disease") : m.Groups["mid"].Success ? ("intermediate", "intermediate-risk disease") : ("higher", "higher-risk disease");
            Add(PopulationAxis.Risk, value, label, m);
        }

        foreach (Match m in GradeAndPhase.Grade().Matches(rest))
        {
            var low = m.Groups["low"].Success;
            Add(PopulationAxis.Grade, low ? "low" : "high", low ? "low-grade disease" : "high-grade disease", m);
        }

        var fitness = TransplantFitness.Fitness().Matches(rest);
        foreach (Match m in fitness)
        {
            var unfit = m.Groups["unfit"].Success;
            Add(PopulationAxis.Transplant, unfit ? "ineligible" : "eligible", unfit ? "people who cannot have a transplant" : "people who can have a transplant", m);
        }

        foreach (Match m in TransplantFitness.Given().Matches(rest))
        {
            if (!fitness.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length))
            {
                Add(PopulationAxis.Transplant, "transplant", "a transplant given or followed", m);
            }
        }

        foreach (Match m in GradeAndPhase.Phase().Matches(rest))
        {
            var chronic = m.Groups["chronic"].Success;
            Add(PopulationAxis.Phase, chronic ? "chronic" : "advanced", chronic ? "chronic-phase disease" : "accelerated or blast phase", m);
        }

        foreach (Match m in AfterTherapy().Matches(rest))
        {
            var named = m.Groups["what"].Value.Trim();
            Add(PopulationAxis.AfterTherapy, named, $"after {named}", m);
        }

        foreach (Match m in HivPopulation().Matches(rest))
        {
            Add(PopulationAxis.Hiv, "hiv", "people with HIV", m);
        }

        foreach (Match m in NonMuscleInvasive().Matches(rest))
        {
            Add(PopulationAxis.NonMuscleInvasive, "non-muscle-invasive", "non-muscle-invasive bladder cancer", m);
        }

        var cisplatinFitness = CisplatinFitness.Fitness().Matches(rest);
        foreach (Match m in cisplatinFitness)
        {
            var unfit = m.Groups["unfit"].Success;
            Add(PopulationAxis.Cisplatin, unfit ? "ineligible" : "eligible", unfit ? "people who cannot have cisplatin" : "people who can have cisplatin", m);
        }

        if (field != "conditions")
        {
            foreach (Match m in CisplatinFitness.Given().Matches(rest))
            {
                if (!cisplatinFitness.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length))
                {
                    Add(PopulationAxis.Cisplatin, "given", "cisplatin given", m);
                }
            }

            foreach (Match m in OperationGiven().Matches(rest))
            {
                Add(PopulationAxis.Operation, "operation", "treatment that includes an operation", m);
            }

            // "Endocrine Response in Women With Invasive Lobular Breast Cancer": a title naming one sex as whom it treats,
            // and not the other ("Men and Women").
            var women = Women().Match(rest);
            var men = Men().Match(rest);
            if (women.Success != men.Success && !OtherSexNamed().IsMatch(rest.Replace(women.Success ? women.Value : men.Value, string.Empty, StringComparison.Ordinal)))
            {
                Add(PopulationAxis.Sex, women.Success ? "female" : "male", women.Success ? "women only" : "men only", women.Success ? women : men);
            }
        }

        foreach (Match m in CurativeResection().Matches(rest))
        {
            // The operation under study removes the primary tumour with curative intent: disease that has not spread.
            Add(PopulationAxis.Extent, nameof(DiseaseExtent.Early), "curative resection of the primary tumour (localised disease)", m);
            Add(PopulationAxis.Extent, nameof(DiseaseExtent.LocallyAdvanced), "curative resection of the primary tumour (localised disease)", m);
        }

        foreach (Match m in Untreated().Matches(rest))
        {
            if (m.Groups["new"].Success)
            {
                Add(PopulationAxis.PriorTreatment, "newly diagnosed", "newly diagnosed disease", m);
            }
            else
            {
                Add(PopulationAxis.PriorTreatment, "untreated", "untreated (first-line) disease", m);
            }
        }

        foreach (Match m in PreviouslyTreated().Matches(rest))
        {
            Add(PopulationAxis.PriorTreatment, "previously treated", "previously treated (relapsed, refractory or later-line) disease", m);
        }

        // Maintenance follows a first treatment that worked; a trial of induction and maintenance starts before it.
        if (!Induction().IsMatch(rest))
        {
            foreach (Match m in Maintenance().Matches(rest))
            {
                Add(PopulationAxis.PriorTreatment, "maintenance", "maintenance after a first treatment", m);
            }
        }

        foreach (Match m in Recurrent().Matches(rest))
        {
            Add(PopulationAxis.PriorTreatment, "recurrent", "recurrent disease", m);
        }

        foreach (Match m in Castration().Matches(rest))
        {
            var resistant = m.Groups["resistant"].Success;
            Add(PopulationAxis.Castration, resistant ? "resistant" : "sensitive", resistant ? "castration-resistant disease" : "castration-sensitive (hormone-sensitive) disease", m);
        }

        foreach (Match m in Platinum().Matches(rest))
        {
            var resistant = m.Groups["resistant"].Success;
            Add(PopulationAxis.Platinum, resistant ? "resistant" : "sensitive", resistant ? "platinum-resistant disease" : "platinum-sensitive disease", m);
        }

        foreach (Match m in TripleNegative().Matches(rest))
        {
            Add(PopulationAxis.Biomarker, "ERBB2", "triple-negative", m, BiomarkerStatus.Negative);
            Add(PopulationAxis.Biomarker, "HR", "triple-negative", m, BiomarkerStatus.Negative);
        }

        foreach (Match m in MarkerStatus().Matches(rest))
        {
            var marker = m.Groups["marker"].Value.ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal) switch
            {
                "HER2" or "HER2/NEU" or "ERBB2" => "ERBB2",
                "HR" or "HORMONERECEPTOR" => "HR",
                "ER" or "ESTROGENRECEPTOR" or "OESTROGENRECEPTOR" => "ESR1",
                "PR" or "PGR" or "PROGESTERONERECEPTOR" => "PGR",
                "EGFR" => "EGFR",
                "ALK" => "ALK",
                "ROS1" => "ROS1",
                "KRAS" => "KRAS",
                "RAS" => "RAS",
                "BRAF" => "BRAF",
                "FLT3" or "FLT3ITD" or "FLT3TKD" => "FLT3",
                var other => other,
            };
            var word = m.Groups["status"].Value.ToLowerInvariant();
            BiomarkerStatus? status = word.Contains("negative", StringComparison.Ordinal) || word.Contains("free", StringComparison.Ordinal) ? BiomarkerStatus.Negative : word switch
            {
                "+" or "positive" or "pos" or "overexpressing" or "overexpressed" or "amplified" or "mutant" or "mutated" or "mutation" or "mutations"
                    or "mutation-positive" or "rearranged" or "rearrangement" or "fusion" or "fusion-positive" or "translocated" or "sensitizing" or "m" => BiomarkerStatus.Positive,
                "-" or "−" or "negative" or "neg" or "non-amplified" or "non-overexpressing" => BiomarkerStatus.Negative,
                "wild-type" or "wild type" or "wildtype" or "wt" => BiomarkerStatus.WildType,
                "low" => BiomarkerStatus.Low,
                _ => null,
            };
            if (status is not { } s)
            {
                continue;
            }

            // Receptors are positive or negative; genes mutant or wild-type ("EGFR-negative" is wild-type).
            if (s == BiomarkerStatus.Negative && marker is "EGFR" or "KRAS" or "RAS" or "BRAF" or "FLT3" or "IDH1" or "IDH2" or "NPM1")
            {
                s = BiomarkerStatus.WildType;
            }

            var shown = m.Groups["marker"].Value;
            Add(PopulationAxis.Biomarker, marker, $"{shown} {Describe(s)}", m, s);
        }

        foreach (Match m in Msi().Matches(rest))
        {
            var high = m.Groups["high"].Success;
            Add(PopulationAxis.Biomarker, "MSI", high ? "MSI-high / mismatch-repair deficient" : "microsatellite stable / mismatch-repair proficient", m, high ? BiomarkerStatus.Positive : BiomarkerStatus.Negative);
        }
    }

    internal static string Describe(BiomarkerStatus status) => status switch
    {
        BiomarkerStatus.Positive => "positive",
        BiomarkerStatus.Negative => "negative",
        BiomarkerStatus.WildType => "wild-type",
        BiomarkerStatus.Low => "low",
        _ => "equivocal",
    };

    private static IEnumerable<DiseaseExtent> StageExtents(string stages)
    {
        foreach (Match roman in Roman().Matches(stages))
        {
            yield return roman.Groups["n"].Value.ToUpperInvariant() switch
            {
                "0" => DiseaseExtent.InSitu,
                "I" or "1" or "II" or "2" => DiseaseExtent.Early,
                "III" or "3" => DiseaseExtent.LocallyAdvanced,
                _ => DiseaseExtent.Metastatic,
            };
        }

        // "stage I-III" names the stages between too.
        if (StageRange().Match(stages) is { Success: true } range && range.Groups["to"].Value.ToUpperInvariant() is "III" or "3" && range.Groups["from"].Value.ToUpperInvariant() is "I" or "1")
        {
            yield return DiseaseExtent.Early;
        }
    }

    /// <summary>The cancer codes a text names: for a condition, what it resolves to; in a title, every cancer it names.</summary>
    private static IEnumerable<string> CancerCodesIn(string text, CancerTypeCatalog catalog, bool condition)
    {
        if (condition)
        {
            if (catalog.Resolve(text) is { } code)
            {
                yield return code;
            }

            yield break;
        }

        foreach (var m in catalog.Names.FindAll(text, Tokenizer.Tokenize(text)))
        {
            // An organ alone ("lung function", "breast milk") is not a cancer; the bare word "cancer" is cancer in general.
            if (catalog.Find(m.Value)?.Parent == CancerTypeCatalog.Root && !CancerNoun().IsMatch(text[m.Start..Math.Min(text.Length, m.End + 30)]))
            {
                continue;
            }

            yield return m.Value;
        }
    }

    /// <summary>Every condition as a disease (a concept when the vocabulary has one), or null when one of them is not known to be a disease.</summary>
    private static List<StudiedDisease>? Diseases(ClinicalTrial trial, OncologyVocabulary vocabulary)
    {
        var diseases = new List<StudiedDisease>();
        foreach (var condition in trial.Conditions.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            var text = condition.Trim();
            if (vocabulary.CancerTypes.Resolve(text) is { } code)
            {
                diseases.Add(new StudiedDisease(text, code, null));
                continue;
            }

            // A concept of general medicine that names most of the condition ("Hypertension", "Type 2 Diabetes Mellitus"),
            // not a word inside a longer name ("Pain after knee replacement").
            var matches = vocabulary.Concepts.Names.FindAll(text, Tokenizer.Tokenize(text));
            var best = matches.Count == 0 ? (PhraseMatch<MedicalConcept>?)null : matches.MaxBy(m => m.End - m.Start);
            if (best is { } found && found.End - found.Start >= 0.6 * Letters(text) && !MedicalConceptCatalog.TooGeneral.Contains(found.Value.Name))
            {
                diseases.Add(new StudiedDisease(text, null, found.Value.Name));
                continue;
            }

            // A disease the vocabulary does not know is still a disease when the registry indexed it under its own MeSH
            // heading ("Choroiditis") or its name says so ("Choroidal Neovascularization", "Gyrate Atrophy"); a cancer
            // the vocabulary does not know (a name with "tumor", "carcinoma", "-oma") or anything else ("Quality of Life") is not judged.
            if (CancerNoun().IsMatch(text) || !(DiseaseName().IsMatch(text) || trial.ConditionMeshTerms.Any(term => SameName(term, text))))
            {
                return null;
            }

            diseases.Add(new StudiedDisease(text, null, null));
        }

        return diseases.Count == 0 ? null : diseases;
    }

    private static int Letters(string text) => text.Trim().Length;

    /// <summary>The same name but for case and a plural ("Retinal Disease" and "Retinal Diseases").</summary>
    internal static bool SameName(string one, string other) => string.Equals(Singular(one), Singular(other), StringComparison.OrdinalIgnoreCase);

    /// <summary>A condition's name without surrounding spaces and a final plural "s", to compare names as written.</summary>
    internal static string Singular(string name) => name.Trim().TrimEnd('s', 'S');

    [GeneratedRegex(@"(?:itis|osis|opathy|aemia|emia|trophy|plasia|neovasculari[sz]ation|degeneration|\bdisease|\bdisorder|\bsyndrome|\binfection|\bdeficiency|\binsufficiency|\bfailure)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiseaseName();

    [GeneratedRegex(@"cancer|carcinoma|tumou?r|neoplas|malignan|oma\b|omas\b|leuka?emia|myelodysplas|metasta", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancerNoun();

    [GeneratedRegex(@"(?:\b(?<untreated>untreated|newly[- ]diagnosed|new|previously[- ]untreated|unirradiated|radiotherapy[- ]naive|radiation[- ]naive)\s+|\b(?<treated>previously[- ]treated|treated|recurrent|progressive|progressing|resected|irradiated|relapsed)\s+)?\b(?:brain|cerebral|intracranial|cns|central\s+nervous\s+system)(?:[- ]only)?\s+(?:metastas[ie]s|metastatic\s+(?:disease|lesions?)|mets|lesions?\s+from)|\bmetastatic\s+brain\s+(?:tumou?rs?|disease|cancer|lesions?)|\bbrain[- ]metastatic\b|\bmetastases\s+to\s+the\s+brain\b|\bleptomeningeal\s+(?:metastas[ie]s|disease|carcinomatosis)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BrainMetastases();

    [GeneratedRegex(@"\b(?:radiosurgery|radiotherapy|radiation|irradiation|WBRT|SRS|SRT|gamma\s+knife|cyberknife|resection|surgery|neurosurg\w*|craniotomy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BrainTreatment();

    [GeneratedRegex(@"\b(?i:prophylactic\s+cranial\s+(?:irradiation|radiotherapy|radiation))\b|\bPCI\b", RegexOptions.CultureInvariant)]
    private static partial Regex Prophylactic();

    [GeneratedRegex(@"\b(?:(?:ductal|lobular)\s+carcinoma\s+in[- ]situ|carcinoma\s+in[- ]situ|in[- ]situ\s+carcinoma|DCIS|LCIS|(?:cervical|vulvar|vaginal|anal|prostatic|penile)\s+intraepithelial\s+neoplasia|high[- ]grade\s+(?:squamous\s+)?intraepithelial\s+lesions?|CIN\s*[123I]{1,3}|pre[- ]?invasive|pre[- ]?malignan\w*|pre[- ]?cancerous)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InSitu();

    [GeneratedRegex(@"\b(?:early[- ](?:stage\s+)?(?:\w+[- ]){0,2}?(?:cancer|carcinoma|disease|NSCLC|tumou?rs?)|early[- ]stage|(?<!un|non[- ]|in|borderline[- ])(?:operable|resectable|resected)|locali[sz]ed|non[- ]?metastatic|node[- ]negative|primary\s+(?:invasive|operable)|(?<curative>before\s+(?:definitive\s+)?surgery|prior\s+to\s+(?:definitive\s+)?surgery|definitive\s+surgery|pre[- ]?surgical|window[- ]of[- ]opportunity|(?:neo)?adjuvant|pre[- ]?operative|post[- ]?operative|peri[- ]?operative))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Early();

    [GeneratedRegex(@"\b(?:locally[- ]advanced|borderline[- ]resectable|(?<unresectable>unresectable|inoperable|non[- ]?resectable|non[- ]?operable|(?:can\s*not|could\s+not)\s+be\s+(?:(?:completely|surgically)\s+)?(?:removed|resected)(?:\s+(?:by|during|with)\s+surgery)?|not\s+amenable\s+to\s+(?:curative\s+)?(?:surgery|surgical\s+resection|resection)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocallyAdvanced();

    [GeneratedRegex(@"\G\s+(?:and\s+)?(?:(?:liver|hepatic|lung|pulmonary|bone|brain|peritoneal|distant)\s+)?(?:metastatic|metastases|metastasis|stage\s+(?:IV|4)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QualifiesMetastases();

    /// <summary>The label of "advanced" read beside a recurrence: the incurable setting.</summary>
    [GeneratedRegex(@"(?:unresectable|inoperable|non[- ]?resectable|non[- ]?operable),?\s+(?:and\s+)?locally[- ]advanced|locally[- ]advanced,?\s+(?:and\s+|or\s+)?(?:unresectable|inoperable|non[- ]?resectable|non[- ]?operable)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QualifiesLocalDisease();

    [GeneratedRegex(@"^(?:neo-?adjuvant|adjuvant|pre-?operative|peri-?operative|post-?operative)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TreatmentSettingWord();

    [GeneratedRegex(@"^stage\s+(?:IV|4)[ABC]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StageFourOnly();

    internal const string AdvancedOrRecurrentLabel = "advanced or recurrent (no longer curable) disease";

    /// <summary>The label of a trait read from metastases that cannot be removed ("Unresectable Liver Metastases").</summary>
    internal const string UnresectableMetastasesLabel = "unresectable metastatic disease";

    /// <summary>The label of a trait read from "unresectable", "inoperable" or "cannot be removed by surgery".</summary>
    internal const string UnresectableLocalLabel = "locally advanced or unresectable disease";

    /// <summary>The label of a trait read from a treatment of tumour still in the liver (chemoembolisation, ablation, a transplant).</summary>
    internal const string LiverDirectedLabel = "liver-directed or transplant setting (disease confined to the liver)";

    [GeneratedRegex(@"\bearly[- ]stage\b|\bearly\s+(?:(?:ovarian|lung|prostate|colon|rectal|colorectal|gastric|cervical|endometrial|bladder)\s+)?(?:cancer|carcinoma|disease)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EarlyStageWords();

    internal const string VascularInvasionLabel = "tumour invading the portal or hepatic veins";

    [GeneratedRegex(@"\b(?:portal\s+(?:vein|venous)\s+(?:tumou?r\s+)?(?:thromb\w*|invasion|involvement)|(?:tumou?r|neoplastic)\s+thromb\w*|PVTT|(?:macro)?vascular\s+invasion|BCLC\s*(?:stage\s*)?C\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex VascularInvasion();

    /// <summary>The label of a trait read from a liver resection ("hepatectomy", "liver resection").</summary>
    internal const string LiverResectionLabel = "liver resection setting (disease confined to the liver)";

    [GeneratedRegex(@"\b(?:recurrent|persistent|relapsed)\s*,?\s*(?:or|and/or)\s+advanced\b|\badvanced\s*,?\s*(?:or|and/or)\s+(?:recurrent|persistent|relapsed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvancedOrRecurrent();

    [GeneratedRegex(@"(?<!non[- ]?|micro|(?:nodal|lymph[- ]node|node|axillary|inguinal|cervical|regional|in[- ]transit)\s+)\b(?:metastatic|metastases|metastasis|disseminated|stage\s+IV|(?<advanced>(?<!locally[- ])advanced(?=[- ](?:and|or|and/or)[- ](?:recurrent|relapsed|metastatic|persistent|refractory)\b|[- ](?:(?:stage|\w+)[- ]){0,3}?(?:cancers?|carcinomas?|disease|tumou?rs?|malignan\w*|neoplasms?|NSCLC|SCLC|HCC|RCC|CRC|melanoma|lymphoma|sarcoma|myeloma|adenocarcinoma|mesothelioma|glioma))))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Metastatic();

    [GeneratedRegex(@"^(?:first|1st)[- ]line$|^front[- ]?line$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstLine();

    private const string NonMetastaticLabel = "non-metastatic disease";

    [GeneratedRegex(@"\b(?:(?<limited>limited)|extensive)[- ](?:stage|disease)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LimitedOrExtensiveStage();

    [GeneratedRegex(@"\bnon[- ]?metastatic\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonMetastatic();

    [GeneratedRegex(@"\b(?i:stages?)\s+(?<stages>(?:0|I{1,3}V?|IV|[1-4]|(?-i:i{1,3}v?|iv)(?=[abc]?\d?\b))(?:[ABC]|(?-i:[abc]))?\d?(?:\s*(?:-|–|to|or|and|,|/)\s*(?:0|I{1,3}V?|IV|[1-4]|(?-i:i{1,3}v?|iv)(?=[abc]?\d?\b))(?:[ABC]|(?-i:[abc]))?\d?)*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Stage();

    [GeneratedRegex(@"(?<n>0|IV|I{1,3}|[1-4])(?=[ABC]?\d?\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Roman();

    [GeneratedRegex(@"^(?<from>I|1)[ABC]?\s*(?:-|–|to)\s*(?<to>III|3)", RegexOptions.CultureInvariant)]
    private static partial Regex StageRange();

    [GeneratedRegex(@"(?<!\b(?:after|following|beyond|failure\s+of|failed|progression\s+(?:on|after)|prior|previous|completion\s+of|after\s+completion\s+of)\s+(?:(?:a|an|the|one|their|standard)\s+)?)\b(?:(?<new>newly[- ]diagnosed)|previously[- ]untreated|untreated|treatment[- ]na[iï]ve|therapy[- ]na[iï]ve|chemotherapy[- ]na[iï]ve|chemo[- ]na[iï]ve|TKI[- ]na[iï]ve|first[- ]line|1st[- ]line|front[- ]?line)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Untreated();

    /// <summary>"Maintenance", and patients "in (first or second) complete remission": after a first treatment that worked.</summary>
    [GeneratedRegex(@"\bmaintenance\b|\bin\s+(?:(?:first|second|1st|2nd|clinical|morphologic|continued|continuous)\s+|(?:first|second)\s+or\s+(?:second|third)\s+)?(?:complete\s+)?remission\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Maintenance();

    [GeneratedRegex(@"\b(?:induction|consolidation|remission[- ]induction)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Induction();

    [GeneratedRegex(@"\b(?:relapsed|relapses?|refractory|resistant\s+(?:or|and|and/or)\s+(?:recurrent|relapsed)|previously[- ]treated|pre[- ]?treated|heavily[- ]treated|second[- ]line|2nd[- ]line|third[- ]line|3rd[- ]line|later[- ]line|salvage|(?:platinum|castration|castrate|endocrine|TKI|osimertinib|chemotherapy|treatment)[- ]resistant|progressi(?:ng|on|ve\s+disease)\s+(?:on|after|following|despite)|after\s+(?:failure|progression)|failed|failing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreviouslyTreated();

    [GeneratedRegex(@"(?<!\b(?:metastatic|advanced|extensive[- ]stage|stage\s+(?:IV|III|4|3)[ABC]?|unresectable|inoperable|disseminated)\s*,?\s*(?:or|and/or)\s+(?:locally\s+|locoregionally\s+)?)\b(?:recurrent|recurrences?|recurring)\b(?!\s*,?\s*(?:or|and/or)\s+(?:[\w-]+\s+){0,2}?(?:metastatic|advanced|extensive|stage|unresectable|inoperable|disseminated|metastases))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Recurrent();

    [GeneratedRegex(@"\b(?<resistant>(?:castration|castrate|androgen|hormone)[- ]?(?:resistant|refractory|independent|insensitive)|(?-i:(?:m|nm)?CRPC))\b|\b(?:(?:castration|castrate|hormone)[- ]?(?:sensitive|na[iï]ve|responsive)|androgen[- ]dependent|(?-i:m?(?:HSPC|CSPC)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Castration();

    [GeneratedRegex(@"\b(?:prevention\s+of|preventing|prevent|chemoprevention\s+of|reduce\s+the\s+risk\s+of|reducing\s+the\s+risk\s+of|risk\s+reduction\s+(?:of|for|in))\s+(?:(?!(?:in|after|during|among|with|for|following|of|by|induced|related|associated)\b)[\w-]+\s+){0,3}?(?:cancers?|carcinomas?|neoplasms?|neoplasia|tumou?rs?|malignan\w+|melanoma|leuka?emia|lymphoma)\b(?!\s+(?:recurrence|relapse|progression|metastas\w*))|\b(?:at\s+(?:high|increased|elevated|moderate)\s+(?:genetic\s+|familial\s+)?risk\s+(?:of|for)(?:\s+developing)?|(?:cancer|carcinoma)\s+screening|screening\s+(?:for|of)\s+(?:[\w-]+\s+){0,2}?(?:cancer|carcinoma|neoplasia|neoplasms?)|early\s+detection\s+of\s+(?:[\w-]+\s+){0,2}?(?:cancer|carcinoma))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtRisk();

    [GeneratedRegex(@"\b(?:survivors?|history\s+of|previously\s+(?:treated|diagnosed)|second\s+primary|recurren\w+|relapse\w*|patients\s+with|women\s+with|men\s+with|diagnosed\s+with|resected|treated\s+for|metasta\w+|stage\s+[0IV1-4])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HadTheCancer();

    [GeneratedRegex(@"\b(?<resistant>platinum[- ](?:resistant|refractory)|refractory\s+to\s+(?:\w+\s+(?:and|or)\s+)?platinum)\b|\b(?:partially\s+)?platinum[- ]sensitive\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Platinum();

    [GeneratedRegex(@"\b(?:(?:transarterial|trans-arterial|transcatheter\s+arterial|hepatic\s+arterial)\s+(?:chemo)?(?:embolization|embolisation|radioembolization|infusion)|chemo-?embolization|chemo-?embolisation|radioembolization|radioembolisation|TACE|TARE|SIRT|(?:radiofrequency|microwave|percutaneous|thermal)\s+ablation|liver\s+(?:transplant|transplantation)|hepatic\s+transplant\w*|(?<resection>hepatectomy|hepatic\s+resection|liver\s+resection))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiverDirected();

    /// <summary>
    /// A disease the population has had treated with a named therapy: "progressing on osimertinib", "refractory to
    /// imatinib", "treated after transcatheter arterial chemoembolization", "relapsed after allogeneic transplantation",
    /// "that has not responded to interferon alfa". A bare "after" is not read: "Sorafenib After TACE" may give both in the trial.
    /// </summary>
    [GeneratedRegex(@"\b(?:progressi(?:ng|on|ve\s+disease)\s+(?:on|after|following|despite|during)|progressed\s+(?:on|after|following)|refractory\s+to|resistant\s+to|intolerant\s+(?:of|to)|(?:relapsed|relapsing|recurr(?:ent|ing|ed))\s+(?:after|following)|(?:pre|previously)[- ]?treated\s+(?:with|by)|treated\s+(?:after|following)(?!\s+(?:surgery|resection|surgical)\b)|failure\s+of|failed|failing|(?:has|have|had)\s+not\s+responded\s+to|not\s+responding\s+to|(?:un|non-?)responsive\s+to|(?:did|does|do)\s+not\s+respond\s+to)\s+(?:(?:prior|previous|at\s+least\s+one|one|two|a|an|the|with)\s+)*(?<what>[\w/+-]+(?:\s+(?:\([\w/+-]+\)|[\w/+-]+)){0,6})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterTherapy();

    /// <summary>
    /// An operation that removes a primary tumour for cure, as the subject of a trial ("Robotic Versus Open Radical
    /// Prostatectomy"); not one the population has had ("after mastectomy", "post-prostatectomy"), nor a cytoreductive one.
    /// </summary>
    [GeneratedRegex(@"(?<!\b(?:after|following|post|prior|previous|history\s+of|cytoreductive|palliative|salvage)[- ](?:\w+[- ]){0,2}?)\b(?:radical\s+(?:prostatectomy|cystectomy|hysterectomy|trachelectomy|nephroureterectomy)|(?:robotic|laparoscopic|open)\s+(?:assisted\s+)?prostatectomy|mastectomy|lumpectomy|breast[- ]conserving\s+(?:surgery|therapy)|(?:pulmonary\s+|VATS\s+)?lobectomy|pneumonectomy|o?esophagectomy|pancreaticoduodenectomy|whipple\s+(?:procedure|operation)|total\s+mesorectal\s+excision)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CurativeResection();

    /// <summary>
    /// An operation the trial gives ("Followed by Surgery", "Surgery With or Without Chemotherapy", "Radical
    /// Cystectomy"); not one it avoids or replaces ("Instead of Surgery", "Patients Who Cannot Undergo Surgery",
    /// "Non-surgical"), nor radiosurgery or cryosurgery.
    /// </summary>
    [GeneratedRegex(@"(?<!\b(?:non|not|no|without|instead\s+of|avoid\w*|alternative\s+to|inoperable|unfit\s+for|ineligible\s+for|candidates?\s+for|cannot\s+(?:have|undergo)|can\s+not\s+(?:have|undergo)|unable\s+to\s+(?:have|undergo)|refus\w*|declin\w*|decline\w*)[- ](?:[\w-]+[- ]){0,3}?)\b(?:surgery|surgical\s+resection|resection|operation|(?!(?:splen|append|cholecyst|tonsill|thym|vas)ectomy)[a-z]{3,20}ectomy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OperationGiven();

    /// <summary>"AIDS-Related Lymphoma", "HIV-Associated Kaposi's Sarcoma", "Lymphoma, AIDS-Related", "HIV-Positive", "in Patients With HIV Infection"; not "HIV-Negative" nor people at risk of HIV.</summary>
    [GeneratedRegex(@"\b(?:AIDS|HIV)[- ](?:related|associated|positive|infected)\b|\b(?:patients|people|persons|adults|children|individuals|subjects|participants)\s+(?:with|living\s+with|infected\s+with|who\s+have)\s+(?:HIV|AIDS|human\s+immunodeficiency\s+virus)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HivPopulation();

    /// <summary>"Non-Muscle Invasive Bladder Cancer", "NMIBC", "Superficial Bladder Cancer", "Intravesical Therapy"; not "muscle-invasive".</summary>
    [GeneratedRegex(@"\bnon[- ]?muscle[- ]?invasive\b|\bNMIBC\b|\bsuperficial\s+(?:bladder|transitional|urothelial)\b|\bintravesical\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonMuscleInvasive();

    /// <summary>"in Women With", "Treating Postmenopausal Women", "Premenopausal Patients", "Female Patients"; not "Infants Born to ... Women".</summary>
    [GeneratedRegex(@"\b(?:in|treating|of|for|among|with)\s+(?:(?:post|pre|peri)-?\s?menopausal\s+|young(?:er)?\s+|older\s+|elderly\s+|adult\s+)?(?:women|females|girls)\b|\b(?:post|pre|peri)-?\s?menopausal\s+(?:women|patients|females)\b|\bfemale\s+(?:patients|participants|subjects)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Women();

    /// <summary>"in Men With", "Treating Older Men", "Male Patients".</summary>
    [GeneratedRegex(@"\b(?:in|treating|of|for|among|with)\s+(?:young(?:er)?\s+|older\s+|elderly\s+|adult\s+)?(?:men|males|boys)\b|\bmale\s+(?:patients|participants|subjects)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Men();

    /// <summary>A word for either sex, left in a title once its population phrase is taken out ("Men and Women", "Male and Female").</summary>
    [GeneratedRegex(@"\b(?:men|man|males?|boys?|women|woman|females?|girls?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherSexNamed();

    [GeneratedRegex(@"\b(?:liver|hepatic|lung|pulmonary|peritoneal|brain|bone|adrenal)\s+metastas[ie]s\b|\bmetastas[ie]s\s+(?:to|in)\s+the\s+(?:liver|lungs?|peritoneum|brain|bones?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteMetastases();

    [GeneratedRegex(@"^(?:(?<!neo)adjuvant|post[- ]?operative|(?:after|following)\s+(?:complete\s+|curative\s+)?(?:surgery|resection))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Adjuvant();

    [GeneratedRegex(@"\b(?:triple[- ]negative|TNBC)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TripleNegative();

    [GeneratedRegex(@"(?<![\w-])(?<marker>HER[- ]?2(?:/neu)?|ERBB2|HR|hormone[- ]receptor|ER|estrogen[- ]receptor|oestrogen[- ]receptor|PR|PgR|progesterone[- ]receptor|EGFR|ALK|ROS1|KRAS|RAS|BRAF|FLT3(?:[- ](?:ITD|TKD))?|IDH[12]|NPM1)(?:[- ]?(?<status>positive|negative|pos|neg|overexpressing|overexpressed|amplified|non-amplified|non-overexpressing|mutant|mutated|mutation[- ]negative|mutation[- ]free|mutation-positive|mutations?|rearranged|rearrangement|fusion-positive|fusion|translocated|sensitizing|wild[- ]?type|wt|low|m(?=\b))\b|(?<status>[+\-−])(?![\w+\-]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerStatus();

    [GeneratedRegex(@"\b(?:(?<high>MSI[- ]?H(?:igh)?|microsatellite[- ]instability[- ]high|microsatellite[- ]unstable|dMMR|mismatch[- ]repair[- ]deficien\w*|deficient\s+mismatch\s+repair)|MSS|microsatellite[- ]stable|pMMR|mismatch[- ]repair[- ]proficient|proficient\s+mismatch\s+repair)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Msi();
}
