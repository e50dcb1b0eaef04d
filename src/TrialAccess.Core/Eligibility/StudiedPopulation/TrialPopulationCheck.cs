using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.StudiedPopulation;

/// <summary>
/// Checks whom a trial studies (<see cref="TrialPopulation"/>) against the patient: a trial-level inclusion item, failed
/// with both sides' evidence, for each axis on which the patient's own recorded value contradicts every value the trial
/// states. Nothing is said when either side is silent: missing data never fails a trial.
/// </summary>
/// <remarks>
/// A biomarker population the record names against the patient's recorded status is a recorded failure (Ineligible):
/// "HER2-positive" in a title leaves no doubt. A setting (extent, prior treatment, brain metastases) is read from
/// looser wording and fails on a presumption (Likely ineligible), except an in situ disease named in the conditions
/// against a patient recorded with invasive disease. A trial whose conditions are all known diseases, none of them
/// the patient's main problem, related to it in the OncoTree tree, or another condition the patient has, fails on a
/// presumption too (for a patient with cancer and a record naming no cancer, a disease the vocabulary does not know
/// counts when the registry's MeSH heading or its name marks it as one and the patient's record does not name it),
/// unless it accepts healthy volunteers or the main problem is a symptom (no working diagnosis yet).
/// </remarks>
public static partial class TrialPopulationCheck
{

    public static IEnumerable<CriterionEvaluation> Evaluate(TrialPopulation population, ParsedEligibility eligibility, PatientProfile patient, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(eligibility);
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(context);
        var main = context.MainProblemOf(patient);
        if (main is null)
        {
            yield break;
        }

        if (Disease(population, eligibility, patient, main, context) is { } disease)
        {
            yield return disease;
        }

        if (!main.IsCancer || !population.StudiesCancer || population.Traits.Count == 0)
        {
            yield break;
        }

        var cancer = PrimaryCancer(patient);
        if (AtRisk(population, cancer) is { } atRisk)
        {
            yield return atRisk;
        }

        if (Extent(population, patient, cancer) is { } extent)
        {
            yield return extent;
        }

        if (PriorTreatment(population, patient) is { } prior)
        {
            yield return prior;
        }

        if (Castration(population, patient, cancer) is { } castration)
        {
            yield return castration;
        }

        if (Platinum(population, patient) is { } platinum)
        {
            yield return platinum;
        }

        if (TwoGroups(population, patient, PopulationAxis.Risk, DiseaseSetting.LowerRisk, DiseaseSetting.HigherRisk, "lower", "higher", "-risk", DiseaseSetting.IntermediateRisk, "intermediate") is { } risk)
        {
            yield return risk;
        }

        if (TwoGroups(population, patient, PopulationAxis.Grade, DiseaseSetting.LowGrade, DiseaseSetting.HighGrade, "low", "high", "-grade", progresses: true) is { } grade)
        {
            yield return grade;
        }

        if (TwoGroups(population, patient, PopulationAxis.Phase, DiseaseSetting.ChronicPhase, DiseaseSetting.AdvancedPhase, "chronic", "advanced", " phase", progresses: true) is { } phase)
        {
            yield return phase;
        }

        if ((Transplant(population, patient) ?? TransplantForEarlyDisease(population, patient, cancer)) is { } transplant)
        {
            yield return transplant;
        }

        if (Cisplatin(population, patient) is { } cisplatin)
        {
            yield return cisplatin;
        }

        if (Operation(population, patient) is { } operation)
        {
            yield return operation;
        }

        if (Sex(population, patient) is { } sex)
        {
            yield return sex;
        }

        if (Hiv(population, patient) is { } hiv)
        {
            yield return hiv;
        }

        if (MuscleInvasion(population, patient) is { } invasion)
        {
            yield return invasion;
        }

        if (AfterTherapy(population, patient, context) is { } after)
        {
            yield return after;
        }

        if (BrainMetastases(population, patient) is { } brain)
        {
            yield return brain;
        }

        foreach (var marker in Biomarkers(population, patient))
        {
            yield return marker;
        }
    }

    private static Diagnosis? PrimaryCancer(PatientProfile patient) =>
        patient.Diagnoses.FirstOrDefault(d => d.Certainty == Certainty.Asserted && d.IsPrimary)
        ?? patient.Diagnoses.FirstOrDefault(d => d.Certainty is Certainty.Asserted or Certainty.Historical);

    private static CriterionEvaluation Fails(string trial, string evidence, bool presumed) =>
        new(new ParsedCriterion(new CriterionSegment(CriterionRole.Inclusion, 0, $"studied population: {trial} (registry)", default, Section: "registry"), []),
            CriterionOutcome.NotMet, [], evidence, []) { Presumed = presumed };

    private static string Quote(PatientProfile patient, SourceSpan? span, string fallback) =>
        span is { } s && patient.SourceText is { } text && s.End <= text.Length ? $"{fallback} (note: \"{s.Slice(text)}\")" : fallback;

    private static string Stated(IEnumerable<PopulationTrait> traits) =>
        string.Join("; ", traits.Select(t => $"{t.Label} ({t.Evidence})").Distinct());

    // ---- the disease studied ----

    private static CriterionEvaluation? Disease(TrialPopulation population, ParsedEligibility eligibility, PatientProfile patient, MainProblem main, EvaluationContext context)
    {
        // The record's cancers against the patient's are already an inclusion of their own (the studied cancers).
        if (population.Conditions is not { Count: > 0 } conditions || population.HealthyVolunteers || eligibility.StudiedCancers.Count > 0)
        {
            return null;
        }

        var catalog = context.Vocabulary.CancerTypes;
        var cancers = patient.Diagnoses
            .Where(d => d.Certainty is Certainty.Asserted or Certainty.Historical)
            .Select(d => d.OncoTreeCode ?? catalog.Resolve(d.Text) ?? catalog.Resolve(d.Histology ?? string.Empty))
            .OfType<string>()
            .ToList();
        if (main.IsCancer && cancers.Count == 0)
        {
            return null;
        }

        // A patient who presents with a symptom ("diarrhea", "shortness of breath") has no working diagnosis yet: the
        // disease studied may be its cause, so the registry's conditions stay a question (see EvaluationPlan.Studied).
        if (!main.IsCancer && main.Concept is { } presenting && context.Vocabulary.Concepts.IsSignOrSymptom(presenting))
        {
            return null;
        }

        var concepts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var condition in patient.Conditions.Where(c => c.Certainty is Certainty.Asserted or Certainty.Historical))
        {
            if (condition.Concept is { } concept)
            {
                concepts.Add(concept);
            }

            concepts.UnionWith(context.ConceptNamesIn(condition.Text));
        }

        if (main.Concept is { } mainConcept)
        {
            concepts.Add(mainConcept);
        }

        // A disease the vocabulary does not know is judged only for a patient with cancer against a record that names no
        // cancer at all (an eye disease, not a supportive-care trial "in patients with cancer"), and it is the patient's
        // when the patient's record names it.
        var unnamed = conditions.Where(c => c.CancerCode is null && c.Concept is null).ToList();
        if (unnamed.Count > 0 && (!main.IsCancer || population.StudiesCancer || unnamed.Exists(c => Names(patient, c.Condition))))
        {
            return null;
        }

        foreach (var disease in conditions)
        {
            if (disease.CancerCode is { } code)
            {
                if (cancers.Exists(have => RelatedCancers(catalog, have, code)))
                {
                    return null;
                }
            }
            else if (disease.Concept is { } concept && concepts.Any(have => have.Equals(concept, StringComparison.OrdinalIgnoreCase)
                || context.Vocabulary.Concepts.IsWithin(have, concept) || context.Vocabulary.Concepts.IsWithin(concept, have)))
            {
                return null;
            }
        }

        var studied = string.Join("; ", conditions.Select(c => c.Condition));
        return Fails(
            $"the conditions studied are {studied}",
            $"trial studies {studied} (conditions); the patient's main problem is {Quote(patient, main.Span, main.Text)}, and none of the conditions studied is recorded",
            presumed: true);
    }

    /// <summary>True when the patient's note or a recorded condition names <paramref name="disease"/> (or it without its plural).</summary>
    private static bool Names(PatientProfile patient, string disease)
    {
        var name = TrialPopulationReader.Singular(disease);
        return (patient.SourceText?.Contains(name, StringComparison.OrdinalIgnoreCase) ?? false)
            || patient.Conditions.Any(c => c.Text.Contains(name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One cancer within the other, or both in one tissue (the tree is too coarse within a tissue to rule out).</summary>
    private static bool RelatedCancers(CancerTypeCatalog catalog, string have, string studied)
    {
        if (studied is CancerTypeCatalog.Root || catalog.IsWithin(have, studied) || catalog.IsWithin(studied, have))
        {
            return true;
        }

        // A grouping across tissues ("leukaemia") is related to a cancer in the tissue of one of its members.
        var studiedTissues = catalog.IsGroup(studied) ? catalog.MembersOf(studied).Select(catalog.TissueOf) : [catalog.TissueOf(studied)];
        return catalog.TissueOf(have) is { } tissue && studiedTissues.Any(other => other is not null
            && (string.Equals(tissue, other, StringComparison.OrdinalIgnoreCase) || CancerTypeCatalog.TissuesOverlap(tissue, other)));
    }

    // ---- extent ----

    /// <summary>
    /// A trial of people at risk of a cancer (its prevention, screening, early detection) is for those who do not have it:
    /// a patient whose record has the cancer fails it on a presumption.
    /// </summary>
    private static CriterionEvaluation? AtRisk(TrialPopulation population, Diagnosis? cancer)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.AtRisk).ToList();
        if (stated.Count == 0 || cancer is not { Certainty: Certainty.Asserted })
        {
            return null;
        }

        return Fails(
            $"{stated[0].Label}",
            $"trial is for {Stated(stated)}; the patient has {cancer.Text}",
            presumed: true);
    }

    private static CriterionEvaluation? Extent(TrialPopulation population, PatientProfile patient, Diagnosis? cancer)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.Extent).ToList();
        if (stated.Count == 0)
        {
            return null;
        }

        // A cancer removed with nothing left ("clear margins", "no residual disease") is not the advanced, unresectable or
        // metastatic disease a trial treats, whatever its stage was: a trial stating only those fails on a presumption. A
        // stage the trial names ("stage III") or an adjuvant setting is not such a trait.
        // Metastases removed too ("resected liver metastases, no residual disease") are what a trial of resected metastatic
        // disease takes, which its record names as metastatic; whether there is disease left to treat is for its criteria.
        // A treatment of tumour still in the liver (chemoembolisation, ablation, a transplant; not a resection, which an
        // adjuvant trial names as the operation its patients had) has nothing to treat after it either.
        var resected = ResectedWithoutDisease(patient);
        if (resected is not null && !PatientSetting.MetastasesResected(patient)
            && (stated.TrueForAll(t => t.Value == nameof(DiseaseExtent.Metastatic) || t.Label is "advanced disease" or "locally advanced disease" or TrialPopulationReader.UnresectableLocalLabel || TreatsTumourInLiver(t) || LocalisedUnresectable(stated, t))
                || OnlyUnresectable(stated.Where(t => !TreatsTumourInLiver(t)).ToList())))
        {
            return Fails(
                $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
                $"trial is for {Stated(stated)}; the patient's cancer was resected: {resected}",
                presumed: true);
        }

        // Metastases removed with nothing left are not the unresectable metastases a trial names ("Unresectable Liver
        // Metastases From Colorectal Cancer"), when it names nothing but metastatic or advanced disease besides.
        if (resected is not null && PatientSetting.MetastasesResected(patient)
            && stated.Exists(t => t.Label == TrialPopulationReader.UnresectableMetastasesLabel)
            && stated.TrueForAll(t => t.Value == nameof(DiseaseExtent.Metastatic) || t.Label is "advanced disease" or TrialPopulationReader.UnresectableLocalLabel))
        {
            return Fails(
                TrialPopulationReader.UnresectableMetastasesLabel,
                $"trial is for {Stated(stated)}; the patient's metastases were resected: {resected}",
                presumed: true);
        }

        // Chemoembolisation, ablation or a liver transplant treats tumour confined to the liver: a trial of one, naming no
        // more than advanced or unresectable disease beside it, is past a cancer recorded as spread outside the liver.
        if (stated.Exists(TreatsTumourInLiver)
            && stated.TrueForAll(t => TreatsTumourInLiver(t) || t.Label is "advanced disease" or "unresectable disease" or "locally advanced disease" or TrialPopulationReader.UnresectableLocalLabel || LocalisedUnresectable(stated, t))
            && patient.Metastases.FirstOrDefault(m => m.Certainty == Certainty.Asserted && !Regional(m.Site) && !m.Site.Contains("liver", StringComparison.OrdinalIgnoreCase) && !m.Site.Contains("hepat", StringComparison.OrdinalIgnoreCase)) is { } outside)
        {
            return Fails(
                $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
                $"trial is for {Stated(stated)}; the patient's cancer has spread outside the liver: {Quote(patient, outside.Span, $"{outside.Site} metastases")}",
                presumed: true);
        }

        // The same against a tumour grown into the portal vein ("tumour thrombus in the right portal vein", "BCLC stage C"),
        // which chemoembolisation, ablation and a transplant leave out, unless the trial names it.
        if (stated.Exists(TreatsTumourInLiver)
            && stated.TrueForAll(t => TreatsTumourInLiver(t) || t.Label is "advanced disease" or "unresectable disease" or "locally advanced disease" or TrialPopulationReader.UnresectableLocalLabel || LocalisedUnresectable(stated, t))
            && PatientSetting.VascularInvasion(patient) is { } invasion)
        {
            return Fails(
                $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
                $"trial is for {Stated(stated)}; the patient's tumour invades the veins: {invasion}",
                presumed: true);
        }

        // A trial only of disease still to be operated on ("Resectable", "Neoadjuvant", "Perioperative") comes too late for a
        // cancer already removed with nothing left: a presumed failure.
        if (resected is not null && stated.TrueForAll(t => PreSurgeryWords().IsMatch(t.Evidence.Text)))
        {
            return Fails(
                $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())} before surgery",
                $"trial is for disease before its surgery ({string.Join("; ", stated.Select(t => t.Evidence.ToString()).Distinct())}); the patient's cancer was resected: {resected}",
                presumed: true);
        }

        // The same for a primary cancer already operated on, whatever the specimen left ("wide local excision: 1.2 cm of
        // invasive carcinoma remains"), against a trial that names the timing before surgery ("Pre Operative Trastuzumab
        // in Operable Breast Cancer"), also when it names stages; "operable" or "resectable" alone may be an adjuvant trial's
        // words, and say nothing.
        if (PatientSetting.PrimaryOperation(patient) is { } operation
            && stated.TrueForAll(t => PreSurgeryWords().IsMatch(t.Evidence.Text) || t.Label.StartsWith("stage ", StringComparison.Ordinal))
            && stated.Exists(t => PreSurgeryWords().IsMatch(t.Evidence.Text) && !OperableWords().IsMatch(t.Evidence.Text)))
        {
            return Fails(
                $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())} before surgery",
                $"trial is for disease before its surgery ({string.Join("; ", stated.Select(t => t.Evidence.ToString()).Distinct())}); the patient's cancer was operated on: {Quote(patient, operation.Span, operation.Name)}",
                presumed: true);
        }

        // A cancer to be operated on with curative intent ("resectable", "a radical cystectomy is planned") is not the
        // advanced disease a trial of only "advanced", unresectable or metastatic disease treats, nor yet the resected
        // disease of a trial only after surgery ("adjuvant", "postoperative"): presumed failures.
        var toBeOperated = Operable(patient, cancer);
        if (toBeOperated is { } operable)
        {
            // A trial whose every trait is one of these or another extent than the patient's recorded one fails too
            // ("Adjuvant Chemotherapy After Resection of Locally Advanced" disease for a T2 N0 cancer still to be removed).
            var known = PatientExtent(patient, cancer)?.Extent.ToString();
            if (stated.TrueForAll(t => t.Value == nameof(DiseaseExtent.Metastatic) || t.Label is "advanced disease" or TrialPopulationReader.AdvancedOrRecurrentLabel) || OnlyUnresectable(stated)
                || (stated.Exists(t => !AfterSurgeryWords().IsMatch(t.Evidence.Text)) && stated.Exists(t => AfterSurgeryWords().IsMatch(t.Evidence.Text))
                    && stated.TrueForAll(t => t.Value == nameof(DiseaseExtent.Metastatic) || t.Label == "advanced disease" || AfterSurgeryWords().IsMatch(t.Evidence.Text)
                        || (known is not null && t.Value != known && t.Label != "early or operable disease"))))
            {
                return Fails(
                    $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
                    $"trial is for {Stated(stated)}; the patient's cancer is to be operated on: {operable}",
                    presumed: true);
            }

            // Also when the trial names no more than the stage besides ("... Following Surgery in Treating Patients With
            // Stage III Melanoma" for a stage III cancer whose node dissection is still to come).
            if (stated.TrueForAll(t => AfterSurgeryWords().IsMatch(t.Evidence.Text) || (t.Label.StartsWith("stage ", StringComparison.Ordinal) && stated.Exists(a => AfterSurgeryWords().IsMatch(a.Evidence.Text)))))
            {
                return Fails(
                    $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())} after surgery",
                    $"trial is for disease after its surgery ({string.Join("; ", stated.Select(t => t.Evidence.ToString()).Distinct())}); the patient's operation is still to come: {operable}",
                    presumed: true);
            }
        }

        // A cancer recorded as unresectable ("the tumour is locally advanced and unresectable", "unresectable stage III"),
        // or a patient who cannot have the operation ("medically inoperable", "not fit for oesophagectomy"), is past a
        // trial only of disease to be, or already, operated on ("Resectable", "Neoadjuvant", "Perioperative",
        // "Adjuvant", "Resected"): a presumed failure, also when it names the extent of the disease it operates on
        // ("Preoperative ... for Locally Advanced" cancer; not "Resectable or Locally Advanced", two populations). A trial
        // that also names another setting says nothing here.
        static bool AroundSurgery(PopulationTrait t) => PreSurgeryWords().IsMatch(t.Evidence.Text) || AfterSurgeryWords().IsMatch(t.Evidence.Text) || t.Evidence.Text.Equals("resected", StringComparison.OrdinalIgnoreCase);
        static bool Timing(PopulationTrait t) => AroundSurgery(t) && !t.Evidence.Text.Contains("resect", StringComparison.OrdinalIgnoreCase) && !t.Evidence.Text.Contains("operable", StringComparison.OrdinalIgnoreCase);
        var inoperable = patient.Settings.FirstOrDefault(s => s.Setting == DiseaseSetting.MedicallyInoperable);
        if ((cancer?.Stage?.Unresectable == true || inoperable is not null) && toBeOperated is null && stated.Exists(AroundSurgery)
            && stated.TrueForAll(t => AroundSurgery(t) || (stated.Exists(Timing) && t.Value is nameof(DiseaseExtent.LocallyAdvanced) or nameof(DiseaseExtent.Early) && !UnresectableWords().IsMatch(t.Evidence.Text) && !t.Label.Equals("advanced disease", StringComparison.Ordinal))))
        {
            return Fails(
                $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
                $"trial is for disease to be or already operated on ({string.Join("; ", stated.Select(t => t.Evidence.ToString()).Distinct())}); {(cancer?.Stage?.Unresectable == true ? $"the patient's cancer is unresectable: {Quote(patient, cancer.Stage.Span ?? cancer.Span, "unresectable")}" : $"the patient cannot have the operation: {Quote(patient, inoperable!.Span, "medically inoperable")}")}",
                presumed: true);
        }

        // A cancer that came back after its first treatment is past the early, curative setting that a trial only of
        // "stage I or II disease following surgery" or of operable disease studies, unless the record itself speaks of
        // recurrence ("resectable locally recurrent rectal cancer"): such a trial fails on a presumption.
        if (Recurrence(patient, cancer) is { } recurrence && stated.TrueForAll(EarlyOnly)
            && !population.Traits.Any(t => t.Axis == PopulationAxis.PriorTreatment && t.Value is "recurrent" or "previously treated"))
        {
            return Fails(
                $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
                $"trial is for {Stated(stated)}; the patient's cancer has recurred: {recurrence}",
                presumed: true);
        }

        // A trial of "recurrent or advanced" disease takes a recurrence whatever the stage was at diagnosis.
        if (Recurrence(patient, cancer) is not null && stated.Exists(t => t.Label == TrialPopulationReader.AdvancedOrRecurrentLabel))
        {
            return null;
        }

        // The same trial is for cancer past its first, curative treatment: one recorded as not spread to distant sites and
        // never treated ("newly diagnosed stage IIIC1 ... no treatment") fails it on a presumption, unless the trial also
        // names untreated, newly diagnosed or early disease.
        if (stated.Exists(t => t.Label == TrialPopulationReader.AdvancedOrRecurrentLabel)
            && !population.Traits.Any(t => t.Axis == PopulationAxis.PriorTreatment && t.Value is "untreated" or "newly diagnosed")
            && !stated.Exists(t => t.Value is nameof(DiseaseExtent.Early) or nameof(DiseaseExtent.InSitu))
            && UntreatedAndLocal(patient, cancer) is { } untreated)
        {
            return Fails(
                $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
                $"trial is for {Stated(stated)}, after a first treatment; the patient's cancer is {untreated}: confirm",
                presumed: true);
        }

        // Invasive disease the record names without a stage group ("invasive ductal carcinoma, pT2 pN1a") is past a trial
        // only of in situ disease, as a stage would be.
        var extent = PatientExtent(patient, cancer);
        if (extent is null && stated.TrueForAll(t => t.Value == nameof(DiseaseExtent.InSitu)) && Invasive(patient, cancer) is { } invasive)
        {
            return Fails(
                $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
                $"trial is for {Stated(stated)}; the patient's disease is {invasive}",
                presumed: !NamesInSitu(stated));
        }

        if (extent is not { } have)
        {
            // Recorded as not metastatic ("no distant metastases"), its stage otherwise unknown: a trial only of metastatic
            // disease fails on a presumption; one that also takes locally advanced or early disease says nothing.
            return cancer?.Stage is { Metastatic: false } local && stated.TrueForAll(t => t.Value == nameof(DiseaseExtent.Metastatic))
                ? Fails(
                    $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
                    $"trial is for {Stated(stated)}; the patient's cancer is not metastatic: {Quote(patient, local.MetastaticSpan ?? local.Span, "no distant disease")}",
                    presumed: true)
                : null;
        }

        var extents = stated.Select(t => Enum.Parse<DiseaseExtent>(t.Value)).ToHashSet();
        if (extents.Contains(have.Extent))
        {
            // The stages the trial names, when it names nothing else, against the patient's recorded stage group:
            // "Stage IIIB or Stage IV" does not take a stage IIIA cancer, "Stage III" does.
            return OtherStage(stated, patient, cancer) is { } stage
                ? Fails($"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}", $"trial is for {Stated(stated)}; the patient's cancer is {stage}", presumed: true)
                : null;
        }

        // A record naming only pre-invasive disease in its conditions ("DCIS", "Precancerous"), or carcinoma in situ in any
        // field ("Women With Ductal Carcinoma In Situ"), leaves no doubt against invasive disease the patient's record
        // states (a stage, metastases); "premalignant" in a title and other settings read from looser words are a presumption.
        var recorded = extents.SetEquals([DiseaseExtent.InSitu]) && have.Extent != DiseaseExtent.InSitu
            && NamesInSitu(stated);
        return Fails(
            $"{string.Join(" or ", stated.Select(t => t.Label).Distinct())}",
            $"trial is for {Stated(stated)}; the patient's disease is {have.Evidence}",
            presumed: !recorded);
    }

    private static (DiseaseExtent Extent, string Evidence)? PatientExtent(PatientProfile patient, Diagnosis? cancer)
    {
        var stage = cancer?.Stage;
        var distant = patient.Metastases.FirstOrDefault(m => m.Certainty == Certainty.Asserted && !Regional(m.Site));
        if (stage?.Distant == true)
        {
            return (DiseaseExtent.Metastatic, Quote(patient, stage.Span ?? cancer!.Span, $"metastatic ({cancer!.Text}{(stage.Group is { } g ? $", stage {g}" : string.Empty)})"));
        }

        if (distant is not null)
        {
            return (DiseaseExtent.Metastatic, Quote(patient, distant.Span, $"metastatic ({distant.Site} metastases)"));
        }

        if (cancer is null || stage?.Recurrent == true)
        {
            return null;
        }

        // "High-grade non-invasive papillary urothelial carcinoma" (pTa) has not invaded beyond the lining: stage 0a.
        if (cancer.Text.Contains("in situ", StringComparison.OrdinalIgnoreCase) || cancer.Text.Contains("intraepithelial", StringComparison.OrdinalIgnoreCase) || cancer.OncoTreeCode is "DCIS" or "CIN" || stage?.Group == "0"
            || (stage?.Span is { } words && patient.SourceText is { } text && words.End <= text.Length && NonInvasiveWords().IsMatch(words.Slice(text))))
        {
            return (DiseaseExtent.InSitu, Quote(patient, cancer.Span, $"in situ ({cancer.Text})"));
        }

        if (stage?.Group is { } group)
        {
            var upper = group.ToUpperInvariant();
            // A stage IVA or IVB recorded as not metastatic (head and neck, cervix) is regional: locally advanced.
            var extent = upper.StartsWith("III", StringComparison.Ordinal) || upper.StartsWith("IV", StringComparison.Ordinal) ? DiseaseExtent.LocallyAdvanced
                : upper.StartsWith('I') ? DiseaseExtent.Early
                : (DiseaseExtent?)null;
            if (extent is { } e)
            {
                return (e, Quote(patient, stage.Span ?? cancer.Span, $"stage {group} ({cancer.Text})"));
            }
        }

        // A small tumour without involved nodes (T1 or T2, N0) is early disease in the staging of most solid cancers.
        return stage?.LocallyAdvanced == true ? (DiseaseExtent.LocallyAdvanced, Quote(patient, stage.Span ?? cancer.Span, $"locally advanced ({cancer.Text})"))
            : stage?.Early == true ? (DiseaseExtent.Early, Quote(patient, stage.Span ?? cancer.Span, $"early ({cancer.Text})"))
            : stage is { T: ['T', '1' or '2', ..], N: ['N', '0', ..] } small ? (DiseaseExtent.Early, Quote(patient, small.Span ?? cancer.Span, $"early ({cancer.Text}, {small.T} {small.N})"))
            : null;
    }

    /// <summary>
    /// True when the trial says its disease cannot be removed ("unresectable", "inoperable", "that cannot be removed by
    /// surgery") and names no operable, pre- or post-operative setting beside it.
    /// </summary>
    /// <remarks>
    /// "Neoadjuvant ... in Locally Advanced Inoperable" disease is an induction before chemoradiation: a timing word in the
    /// same field as the unresectable one is no operable setting.
    /// </remarks>
    private static bool OnlyUnresectable(List<PopulationTrait> stated) =>
        stated.Exists(t => UnresectableWords().IsMatch(t.Evidence.Text))
        && !stated.Exists(t => (t.Value == nameof(DiseaseExtent.Early) && !(PreSurgeryWords().IsMatch(t.Evidence.Text) && Induction(stated, t)) && !LocalisedUnresectable(stated, t))
            || (PreSurgeryWords().IsMatch(t.Evidence.Text) && !Induction(stated, t)) || AfterSurgeryWords().IsMatch(t.Evidence.Text)
            || t.Evidence.Text.Contains("resectable", StringComparison.OrdinalIgnoreCase) && !UnresectableWords().IsMatch(t.Evidence.Text));

    /// <summary>True for "localized" stated in the same field as an unresectable word ("Localized Unresectable Adult Primary Liver Cancer"): disease not spread, which cannot be removed.</summary>
    private static bool LocalisedUnresectable(List<PopulationTrait> stated, PopulationTrait t) =>
        t.Value == nameof(DiseaseExtent.Early) && t.Evidence.Text.StartsWith("locali", StringComparison.OrdinalIgnoreCase)
        && stated.Exists(u => u.Evidence.Field == t.Evidence.Field && UnresectableWords().IsMatch(u.Evidence.Text));

    /// <summary>True for "neoadjuvant" or "preoperative" stated in the same field as an unresectable word: an induction.</summary>
    private static bool Induction(List<PopulationTrait> stated, PopulationTrait timing) =>
        !OperableWords().IsMatch(timing.Evidence.Text)
        && stated.Exists(u => u.Evidence.Field == timing.Evidence.Field && UnresectableWords().IsMatch(u.Evidence.Text));

    [GeneratedRegex(@"unresectable|inoperable|non[- ]?resectable|non[- ]?operable|not\s+be\s+(?:(?:completely|surgically)\s+)?(?:removed|resected)|not\s+amenable", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnresectableWords();

    /// <summary>A trait read from chemoembolisation, ablation or a liver transplant (a liver resection has a label of its own): a treatment of tumour still in the liver.</summary>
    private static bool TreatsTumourInLiver(PopulationTrait t) => t.Label == TrialPopulationReader.LiverDirectedLabel;

    /// <summary>
    /// The patient's recorded stage group ("stage IIIA") when the trial names stages, none of them it, and nothing else but
    /// metastatic disease, as evidence; null otherwise (a range, distant metastases or a relapse recorded).
    /// </summary>
    private static string? OtherStage(List<PopulationTrait> stated, PatientProfile patient, Diagnosis? cancer)
    {
        // Besides its stages, the trial may name only metastatic disease, which a patient staged without it is not, and
        // when it is given around surgery ("Adjuvant ... Stage I or Stage II Endometrial Cancer"), which names no stage.
        var stages = stated.Where(t => t.Label.StartsWith("stage ", StringComparison.Ordinal)).ToList();
        if (cancer?.Stage is not { Group: { } group } stage || SpreadOrRelapsed(patient) || stages.Count == 0
            || stages.Exists(t => StageRangeWords().IsMatch(t.Label))
            || !stated.TrueForAll(t => stages.Contains(t) || t.Value == nameof(DiseaseExtent.Metastatic) || PreSurgeryWords().IsMatch(t.Evidence.Text) || AfterSurgeryWords().IsMatch(t.Evidence.Text)))
        {
            return null;
        }

        var have = StageGroup().Match(group.ToUpperInvariant());
        if (!have.Success || have.Length != group.Trim().Length)
        {
            return null;
        }

        foreach (var trait in stages)
        {
            foreach (Match named in StageGroup().Matches(trait.Label[6..].ToUpperInvariant()))
            {
                var numeral = Roman(named.Groups["n"].Value);
                var letter = named.Groups["l"].Value;
                if (numeral == Roman(have.Groups["n"].Value) && (letter.Length == 0 || have.Groups["l"].Value.Length == 0 || letter == have.Groups["l"].Value))
                {
                    return null;
                }
            }
        }

        return Quote(patient, stage.Span ?? cancer.Span, $"stage {group}");
    }

    private static string Roman(string numeral) => numeral switch { "1" => "I", "2" => "II", "3" => "III", "4" => "IV", _ => numeral };

    [GeneratedRegex(@"(?<n>0|IV|I{1,3}|[1-4])(?<l>[ABC]?)\d?", RegexOptions.CultureInvariant)]
    private static partial Regex StageGroup();

    [GeneratedRegex(@"-|–|\bto\b|\bthrough\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StageRangeWords();

    /// <summary>True when the record names only pre-invasive disease in its conditions, or carcinoma in situ in any field.</summary>
    private static bool NamesInSitu(List<PopulationTrait> stated) =>
        stated.TrueForAll(t => t.Evidence.Field == "conditions") || stated.TrueForAll(t => InSituWords().IsMatch(t.Evidence.Text));

    /// <summary>The words saying the patient's cancer is invasive (the word itself, a tumour of T1 or more, involved nodes), or null.</summary>
    private static string? Invasive(PatientProfile patient, Diagnosis? cancer)
    {
        if (cancer is null)
        {
            return null;
        }

        if (InvasiveWord().IsMatch(cancer.Text))
        {
            return Quote(patient, cancer.Span, $"invasive ({cancer.Text})");
        }

        return cancer.Stage is { } stage && (stage.T is ['T', >= '1' and <= '4', ..] || stage.N is ['N', >= '1' and <= '3', ..])
            ? Quote(patient, stage.Span ?? cancer.Span, $"invasive ({cancer.Text}, {stage.T} {stage.N})")
            : null;
    }

    [GeneratedRegex(@"^(?:operable|resectable|neo[- ]?adjuvant|pre[- ]?operative|peri[- ]?operative|pre[- ]?surgical|window[- ]of[- ]opportunity|(?:before|prior\s+to)\s+(?:definitive\s+)?surgery)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreSurgeryWords();

    [GeneratedRegex(@"^(?:operable|resectable)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OperableWords();

    [GeneratedRegex(@"(?<!\b(?:non|pre|minimally)[- ]?|muscle[- ])\b(?:micro)?invasive\b|\binfiltrating\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvasiveWord();

    /// <summary>
    /// The words saying the patient's cancer is to be operated on with curative intent, or null: not when distant
    /// metastases, a relapse or a recorded operation say otherwise.
    /// </summary>
    private static string? Operable(PatientProfile patient, Diagnosis? cancer) => PatientSetting.ToBeOperated(patient, cancer);

    [GeneratedRegex(@"^(?:adjuvant|post-?operative)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterSurgeryWords();

    /// <summary>
    /// The words saying the patient's cancer has come back after its first treatment, or null. A prostate cancer that is
    /// castration-resistant has progressed on androgen deprivation, given after or instead of its curative treatment.
    /// </summary>
    private static string? Recurrence(PatientProfile patient, Diagnosis? cancer) =>
        patient.Settings.FirstOrDefault(s => s.Setting == DiseaseSetting.Relapsed) is { } relapse ? Quote(patient, relapse.Span, "recurrent")
        : cancer?.Stage is { Recurrent: true } stage ? Quote(patient, stage.Span ?? cancer.Span, "recurrent")
        : patient.Settings.FirstOrDefault(s => s.Setting == DiseaseSetting.CastrationResistant) is { } resistant ? Quote(patient, resistant.Span, "castration-resistant, progressing on androgen deprivation")
        : null;

    /// <summary>
    /// How the record says the cancer is still where it started and untreated ("stage IIIC1 ... no distant spread ... no
    /// treatment"), or null: no drug, operation, radiotherapy or procedure that treats cancer recorded, no recurrence, no
    /// distant spread, and either a stage below IV or "no distant disease".
    /// </summary>
    private static string? UntreatedAndLocal(PatientProfile patient, Diagnosis? cancer)
    {
        if (cancer is null || Recurrence(patient, cancer) is not null || DistantSpread(patient) || cancer.Stage?.Recurrent == true
            || !NeverTreated(patient))
        {
            return null;
        }

        if (cancer.Stage is { Metastatic: false } local)
        {
            return $"not metastatic and untreated: {Quote(patient, local.MetastaticSpan ?? local.Span, "no distant disease")}";
        }

        return PatientExtent(patient, cancer) is { Extent: DiseaseExtent.Early or DiseaseExtent.LocallyAdvanced } extent
            ? $"untreated and {extent.Evidence}"
            : null;
    }

    /// <summary>True when the record names no drug, operation, radiotherapy or procedure given that could treat the cancer (one <paramref name="except"/> accepts does not count).</summary>
    private static bool NeverTreated(PatientProfile patient, Func<Therapy, bool>? except = null) =>
        !patient.Therapies.Any(t => t.Certainty is Certainty.Asserted or Certainty.Historical && PatientSetting.TreatsCancer(t) && except?.Invoke(t) != true);

    /// <summary>A trait of early disease only: operable, curative or adjuvant settings, in situ, stage 0 to II.</summary>
    private static bool EarlyOnly(PopulationTrait trait) =>
        trait.Label is "early or operable disease" or "in situ (pre-invasive) disease"
        || trait.Label.StartsWith("curative resection", StringComparison.Ordinal)
        || (trait.Label.StartsWith("stage ", StringComparison.Ordinal) && trait.Value is nameof(DiseaseExtent.Early) or nameof(DiseaseExtent.InSitu)
            && !trait.Label.Contains("III", StringComparison.Ordinal) && !trait.Label.Contains("IV", StringComparison.Ordinal) && !trait.Label.Contains('3') && !trait.Label.Contains('4'));

    private static string? ResectedWithoutDisease(PatientProfile patient) => PatientSetting.ResectedWithoutDisease(patient);

    private static bool SpreadOrRelapsed(PatientProfile patient) => PatientSetting.SpreadOrRelapsed(patient);

    private static bool Regional(string site) => PatientSetting.Regional(site);

    /// <summary>True when the record states distant metastases or a metastatic or stage IV cancer.</summary>
    private static bool DistantSpread(PatientProfile patient) =>
        patient.Metastases.Any(m => m.Certainty is Certainty.Asserted && !Regional(m.Site))
        || patient.Diagnoses.Any(d => d.Certainty == Certainty.Asserted && d.Stage is { } stage
            && stage.Distant);

    // ---- prior treatment, castration and platinum sensitivity ----

    private static CriterionEvaluation? PriorTreatment(TrialPopulation population, PatientProfile patient)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.PriorTreatment).ToList();
        if (stated.Count == 0 || PatientSetting.Treatment(patient) is not { } have)
        {
            return null;
        }

        // The trial's values are alternatives: it fails only when every one of them excludes the patient's state. A
        // disease that was never treated (no drug, operation, radiotherapy or procedure that could treat it recorded)
        // cannot have recurred, nor can an untreated one that nothing says came back, spread or had a cancer drug.
        var neverTreated = NeverTreated(patient);
        string[] excluding = have.Value switch
        {
            TreatmentState.PreviouslyTreated => ["untreated", "newly diagnosed"],
            TreatmentState.Relapsed => ["newly diagnosed"],
            TreatmentState.OnTreatment => ["untreated", "newly diagnosed"],
            TreatmentState.NewlyDiagnosed => ["previously treated", "recurrent", "maintenance"],
            TreatmentState.NotRecurred => ["recurrent", "previously treated", "maintenance"],
            TreatmentState.FirstRemission or TreatmentState.Responding => ["untreated", "newly diagnosed", "recurrent", "previously treated"],
            _ when neverTreated || (have.Value == TreatmentState.Untreated && PatientSetting.PresumedNotRecurred(patient)) => ["previously treated", "recurrent", "maintenance"],
            _ => ["previously treated", "maintenance"],
        };
        if (!stated.TrueForAll(t => excluding.Contains(t.Value)))
        {
            return null;
        }

        // "Recurrent Breast Cancer; Stage IV Breast Cancer" lists whom the trial takes: recurrent or metastatic disease.
        // A cancer that has spread to distant sites is taken without having recurred.
        if (stated.TrueForAll(t => t.Value == "recurrent")
            && population.Traits.Any(t => t.Axis == PopulationAxis.Extent && t.Value == nameof(DiseaseExtent.Metastatic))
            && DistantSpread(patient))
        {
            return null;
        }

        return Fails(
            string.Join(" or ", stated.Select(t => t.Label).Distinct()),
            $"trial is for {Stated(stated)}; the patient {have.Evidence}: confirm",
            presumed: true);
    }

    /// <summary>
    /// A trial only of one of two groups of a cancer against a patient whose record states the other: a presumed failure.
    /// The risk group ("High-Risk Myelodysplastic Syndromes" for an MDS recorded as IPSS-R low), the grade ("High-Grade
    /// Glioma" for a CNS WHO grade 2 astrocytoma) and the phase ("Blast Crisis CML" for chronic-phase CML). A scale with a
    /// middle group ("intermediate-risk") fails a patient in it against a trial of either end, and the ends against it.
    /// </summary>
    /// <remarks>
    /// With <paramref name="progresses"/>, a disease recorded in both groups is in the second: a phase or grade moves on
    /// and does not come back ("chronic phase in 2019 ... now myeloid blast phase", a low-grade glioma that transformed).
    /// </remarks>
    private static CriterionEvaluation? TwoGroups(TrialPopulation population, PatientProfile patient, PopulationAxis axis, DiseaseSetting first, DiseaseSetting second, string firstValue, string secondValue, string suffix, DiseaseSetting? middle = null, string? middleValue = null, bool progresses = false)
    {
        var stated = population.Traits.Where(t => t.Axis == axis).ToList();
        var recorded = patient.Settings.Where(s => s.Setting == first || s.Setting == second || s.Setting == middle).ToList();
        if (progresses && recorded.Exists(s => s.Setting == second))
        {
            recorded = recorded.FindAll(s => s.Setting == second);
        }

        if (stated.Count == 0 || recorded.Count == 0 || recorded.Select(s => s.Setting).Distinct().Count() > 1)
        {
            return null;
        }

        var have = recorded[0].Setting == first ? firstValue : recorded[0].Setting == second ? secondValue : middleValue!;
        return stated.Exists(t => t.Value == have)
            ? null
            : Fails(
                string.Join(" or ", stated.Select(t => t.Label).Distinct()),
                $"trial is for {Stated(stated)}; the patient's disease is {Quote(patient, recorded[0].Span, have + suffix)}: confirm",
                presumed: true);
    }

    /// <summary>
    /// A trial that gives or follows a transplant, or is only for those who can have one, against a patient recorded as
    /// unable to ("not a candidate for allogeneic transplant"); and a trial only for those who cannot, against a patient
    /// recorded as able to: presumed failures.
    /// </summary>
    private static CriterionEvaluation? Transplant(TrialPopulation population, PatientProfile patient) =>
        Fitness(population, patient, PopulationAxis.Transplant, DiseaseSetting.TransplantIneligible, DiseaseSetting.TransplantEligible, "transplant", "a transplant");

    /// <summary>
    /// High-dose therapy with a stem cell transplant treats relapsed, refractory, advanced or high-risk disease: a trial
    /// that gives one ("Peripheral Stem Cell Transplantation in Treating Patients With Hodgkin's Disease") is presumed
    /// failed for an untreated cancer recorded as early or lower-risk ("stage IA, favourable", "standard risk", "chronic
    /// phase"), and for an untreated lymphoma or lymphoid leukaemia of any stage, unless the trial names untreated or
    /// newly diagnosed disease. Plasma cell neoplasms are left out: an
    /// autologous transplant is part of their first treatment.
    /// </summary>
    private static CriterionEvaluation? TransplantForEarlyDisease(TrialPopulation population, PatientProfile patient, Diagnosis? cancer)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.Transplant).ToList();
        if (stated.Count == 0 || !stated.TrueForAll(t => t.Value == "transplant") || cancer is null
            || population.Traits.Any(t => t.Axis == PopulationAxis.PriorTreatment && t.Value is "untreated" or "newly diagnosed")
            || PlasmaCell(cancer)
            || Recurrence(patient, cancer) is not null)
        {
            return null;
        }

        // A lymphoma or lymphoid leukaemia the record states is untreated, with no cancer drug recorded, has had none of
        // the treatment a transplant consolidates or follows, whatever its stage. (A myeloid cancer can go straight to a
        // transplant: chronic myeloid leukaemia, myelodysplasia.)
        var catalog = OncologyVocabulary.BuiltIn.CancerTypes;
        if ((cancer.OncoTreeCode ?? catalog.Resolve(cancer.Text)) is { } code && catalog.TissueOf(code) == "LYMPH"
            && PatientSetting.Treatment(patient) is { Value: TreatmentState.NewlyDiagnosed or TreatmentState.Untreated, Presumed: false } untreated
            && !patient.Therapies.Any(t => t.Kind == TherapyKind.Drug && t.Certainty is Certainty.Asserted or Certainty.Historical && OncologyVocabulary.BuiltIn.Drugs.IsAnticancer(t.Name, t.Classes) == true))
        {
            return Fails(
                "a transplant given or followed",
                $"trial gives a transplant ({string.Join("; ", stated.Select(t => t.Evidence.ToString()).Distinct())}), which follows a first treatment; the patient {untreated.Evidence}: confirm",
                presumed: true);
        }

        if (DistantSpread(patient))
        {
            return null;
        }

        // In a leukaemia, hydroxyurea brings the count down until the first real treatment starts: it treats nothing yet.
        var lower = patient.Settings.FirstOrDefault(s => s.Setting is DiseaseSetting.LowerRisk or DiseaseSetting.ChronicPhase);
        if (!NeverTreated(patient, except: t => PatientSetting.Cytoreductive(t, cancer)))
        {
            return null;
        }

        var early = PatientExtent(patient, cancer) is { Extent: DiseaseExtent.Early or DiseaseExtent.InSitu } extent ? extent.Evidence : null;
        if (lower is null && early is null)
        {
            return null;
        }

        return Fails(
            "a transplant given or followed",
            $"trial gives a transplant ({string.Join("; ", stated.Select(t => t.Evidence.ToString()).Distinct())}), a treatment of relapsed, advanced or high-risk disease; the patient's untreated disease is {early ?? Quote(patient, lower!.Span, lower.Setting == DiseaseSetting.ChronicPhase ? "in chronic phase" : "lower-risk")}: confirm",
            presumed: true);
    }

    private static bool PlasmaCell(Diagnosis cancer) =>
        (cancer.OncoTreeCode is { } code && (code == "PCM" || OncologyVocabulary.BuiltIn.CancerTypes.IsWithin(code, "PCM")))
        || cancer.Text.Contains("myeloma", StringComparison.OrdinalIgnoreCase) || cancer.Text.Contains("plasma", StringComparison.OrdinalIgnoreCase)
        || cancer.Text.Contains("amyloid", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same for cisplatin ("not fit for cisplatin" against "Gemcitabine and Cisplatin", "Cisplatin-Eligible").</summary>
    private static CriterionEvaluation? Cisplatin(TrialPopulation population, PatientProfile patient) =>
        Fitness(population, patient, PopulationAxis.Cisplatin, DiseaseSetting.CisplatinIneligible, DiseaseSetting.CisplatinEligible, "given", "cisplatin");

    /// <summary>
    /// A treatment some patients cannot have: a trial whose every trait gives it (<paramref name="given"/>) or takes only
    /// those who can ("eligible") fails a patient recorded as <paramref name="unable"/>; a trial only for those who cannot
    /// ("ineligible") fails one recorded as <paramref name="able"/>. Presumed failures; a record saying both says nothing.
    /// </summary>
    private static CriterionEvaluation? Fitness(TrialPopulation population, PatientProfile patient, PopulationAxis axis, DiseaseSetting unable, DiseaseSetting able, string given, string treatment)
    {
        var stated = population.Traits.Where(t => t.Axis == axis).ToList();
        var recorded = patient.Settings.Where(s => s.Setting == unable || s.Setting == able).ToList();
        if (stated.Count == 0 || recorded.Count == 0 || recorded.Select(s => s.Setting).Distinct().Count() > 1)
        {
            return null;
        }

        var unfit = recorded[0].Setting == unable;
        var fails = unfit ? stated.TrueForAll(t => t.Value == given || t.Value == "eligible") : stated.TrueForAll(t => t.Value == "ineligible");
        return fails
            ? Fails(
                string.Join(" or ", stated.Select(t => t.Label).Distinct()),
                $"trial is for {Stated(stated)}; the patient {Quote(patient, recorded[0].Span, unfit ? $"cannot have {treatment}" : $"can have {treatment}")}: confirm",
                presumed: true)
            : null;
    }

    /// <summary>Therapies too general to name a population ("standard therapy", "chemotherapy"): the line axis reads those.</summary>
    private static readonly HashSet<string> GeneralTherapies = new(StringComparer.OrdinalIgnoreCase)
    {
        "systemic therapy", "standard therapy", "chemotherapy", "therapy", "treatment", "first-line therapy", "prior therapy",
        "anticancer therapy", "cancer therapy", "standard treatment", "line of therapy",
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, EligibilityConstraint[]> NamedTherapyReadings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The treatments a population trait names, read as a criterion "Prior ..." is: drugs, classes and procedures.</summary>
    private static EligibilityConstraint[] NamedTherapies(string named) => NamedTherapyReadings.GetOrAdd(named, static words =>
        [.. CriterionParser.Default.Parse("Prior " + words, CriterionRole.Inclusion).Constraints
            .Where(c => !c.Negated && c switch
            {
                PriorTherapyConstraint p => !GeneralTherapies.Contains(p.Agent),
                ConditionConstraint { ConceptKind: MedicalConceptKind.Procedure } => true,
                _ => false,
            })]);

    /// <summary>
    /// A trial for disease treated with a named therapy ("progressing on osimertinib", "treated after TACE") against a
    /// patient whose history lacks it: a presumed failure, as a criterion "prior osimertinib" would be. Traits are
    /// alternatives, and so are the therapies one trait names ("sorafenib or lenvatinib").
    /// </summary>
    private static CriterionEvaluation? AfterTherapy(TrialPopulation population, PatientProfile patient, EvaluationContext context)
    {
        var failed = new List<(PopulationTrait Trait, string Evidence)>();
        foreach (var trait in population.Traits.Where(t => t.Axis == PopulationAxis.AfterTherapy))
        {
            var named = NamedTherapies(trait.Value);
            if (named.Length == 0)
            {
                continue;
            }

            var checks = named.Select(c => c.Evaluate(patient, context)).ToList();
            if (!checks.TrueForAll(k => k.Outcome == CriterionOutcome.NotMet))
            {
                return null;
            }

            failed.Add((trait, string.Join("; ", checks.Select(k => k.Evidence).OfType<string>().Distinct())));
        }

        return failed.Count == 0
            ? null
            : Fails(
                string.Join(" or ", failed.Select(f => f.Trait.Label).Distinct()),
                $"trial is for disease treated with a named therapy ({Stated(failed.Select(f => f.Trait))}); {string.Join("; ", failed.Select(f => f.Evidence).Distinct())}",
                presumed: true);
    }

    private static CriterionEvaluation? Castration(TrialPopulation population, PatientProfile patient, Diagnosis? cancer)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.Castration).ToList();
        var prostate = cancer is not null && (cancer.OncoTreeCode is "PROSTATE" or "PRAD" || cancer.Text.Contains("prostat", StringComparison.OrdinalIgnoreCase));
        if (stated.Count == 0 || !prostate || PatientSetting.CastrationResistant(patient) is not { } have)
        {
            return null;
        }

        var value = have.Value ? "resistant" : "sensitive";
        return stated.Exists(t => t.Value == value)
            ? null
            : Fails(string.Join(" or ", stated.Select(t => t.Label).Distinct()), $"trial is for {Stated(stated)}; the patient's cancer is {have.Evidence}: confirm", presumed: true);
    }

    private static CriterionEvaluation? Platinum(TrialPopulation population, PatientProfile patient)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.Platinum).ToList();
        if (stated.Count == 0 || PatientSetting.PlatinumResistant(patient) is not { } have)
        {
            return null;
        }

        var value = have.Value ? "resistant" : "sensitive";
        return stated.Exists(t => t.Value == value)
            ? null
            : Fails(string.Join(" or ", stated.Select(t => t.Label).Distinct()), $"trial is for {Stated(stated)}; the patient's cancer is {have.Evidence}: confirm", presumed: true);
    }

    // ---- brain metastases ----

    private static CriterionEvaluation? BrainMetastases(TrialPopulation population, PatientProfile patient)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.BrainMetastases).ToList();
        if (stated.Count == 0)
        {
            return null;
        }

        var brain = patient.Metastases.Where(m => IsBrain(m.Site)).ToList();
        var present = brain.FirstOrDefault(m => m.Certainty is Certainty.Asserted or Certainty.Historical);
        var negated = brain.FirstOrDefault(m => m.Certainty == Certainty.Negated);
        string have;
        string evidence;
        var presumed = true;
        if (present is not null)
        {
            have = present.TreatedAndStable switch { true => "treated", false => "untreated", null => "present" };
            evidence = Quote(patient, present.Span, have switch { "treated" => "treated and stable brain metastases", "untreated" => "active brain metastases", _ => "brain metastases" });
        }
        else if (negated is not null)
        {
            have = "none";
            evidence = Quote(patient, negated.Span, "no brain metastases");
        }
        else if (patient.CompleteHistory && patient.Diagnoses.Count > 0)
        {
            have = "none";
            evidence = "no brain metastases recorded: presumed absent, confirm";
        }
        else
        {
            return null;
        }

        // "Brain metastases" alone says less than "untreated brain metastases" elsewhere in the record: the specific reading wins.
        var values = stated.Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        if (values.Contains("untreated") || values.Contains("treated"))
        {
            values.Remove("any");
            stated.RemoveAll(t => t.Value == "any");
        }

        var fits = values.Any(v => v switch
        {
            "any" => have != "none",
            "untreated" => have is "untreated" or "present",
            "treated" => have is "treated" or "present",
            _ => have == "none",
        });
        return fits ? null : Fails(string.Join(" or ", stated.Select(t => t.Label).Distinct()), $"trial is for {Stated(stated)}; the patient has {evidence}", presumed);
    }

    private static bool IsBrain(string site) =>
        site.Contains("brain", StringComparison.OrdinalIgnoreCase) || site.Contains("cns", StringComparison.OrdinalIgnoreCase)
        || site.Contains("intracranial", StringComparison.OrdinalIgnoreCase) || site.Contains("cerebr", StringComparison.OrdinalIgnoreCase)
        || site.Contains("leptomening", StringComparison.OrdinalIgnoreCase);


    /// <summary>
    /// A trial whose treatment includes an operation ("Chemoradiation Followed by Surgery") against a patient who cannot
    /// have one ("not fit for oesophagectomy"): a presumed failure.
    /// </summary>
    private static CriterionEvaluation? Operation(TrialPopulation population, PatientProfile patient)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.Operation).ToList();
        return stated.Count > 0 && patient.Settings.FirstOrDefault(s => s.Setting == DiseaseSetting.MedicallyInoperable) is { } inoperable
            ? Fails(
                "treatment that includes an operation",
                $"trial's treatment includes an operation ({string.Join("; ", stated.Select(t => t.Evidence.ToString()).Distinct())}); the patient cannot have the operation: {Quote(patient, inoperable.Span, "medically inoperable")}",
                presumed: true)
            : null;
    }

    /// <summary>
    /// A title naming one sex as whom the trial treats ("in Women With Invasive Lobular Breast Cancer") against a patient
    /// recorded as the other: a presumed failure (a registry that restricts the sex fails the record through the sex
    /// filter already).
    /// </summary>
    private static CriterionEvaluation? Sex(TrialPopulation population, PatientProfile patient)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.Sex).ToList();
        if (stated.Count == 0 || patient.Sex is not { Certainty: Certainty.Asserted } sex || sex.Value is not (PatientSex.Female or PatientSex.Male))
        {
            return null;
        }

        var have = sex.Value == PatientSex.Female ? "female" : "male";
        return stated.TrueForAll(t => t.Value != have)
            ? Fails(
                string.Join(" or ", stated.Select(t => t.Label).Distinct()),
                $"trial's title names its population ({string.Join("; ", stated.Select(t => t.Evidence.ToString()).Distinct())}); the patient is {have}: confirm",
                presumed: true)
            : null;
    }

    /// <summary>
    /// A trial of people with HIV ("AIDS-Related Lymphoma") against a record saying the patient is HIV negative, or a
    /// complete history that never mentions HIV (presumed absent): a presumed failure, shown to confirm.
    /// </summary>
    private static CriterionEvaluation? Hiv(TrialPopulation population, PatientProfile patient)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.Hiv).ToList();
        if (stated.Count == 0)
        {
            return null;
        }

        var hiv = patient.Conditions.FirstOrDefault(c => HivWords().IsMatch(c.Text) || (c.Concept is { } k && HivWords().IsMatch(k)));
        if (hiv is not null ? hiv.Certainty != Certainty.Negated : !patient.CompleteHistory)
        {
            return null;
        }

        return Fails(
            "people with HIV",
            $"trial is for people with HIV ({string.Join("; ", stated.Select(t => t.Evidence.ToString()).Distinct())}); {(hiv is null ? "no HIV recorded: presumed absent, confirm" : $"the patient is recorded as {hiv.Text}: negative")}",
            presumed: true);
    }

    [GeneratedRegex(@"\b(?:hiv|human\s+immunodeficiency\s+virus|aids)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HivWords();

    /// <summary>
    /// A trial only of bladder cancer confined to the lining ("Non-Muscle Invasive Bladder Cancer", intravesical therapy)
    /// against a bladder cancer the record gives as muscle-invasive ("muscle-invasive urothelial carcinoma", T2 or more, a
    /// cystectomy done): a presumed failure, shown to confirm.
    /// </summary>
    private static CriterionEvaluation? MuscleInvasion(TrialPopulation population, PatientProfile patient)
    {
        var stated = population.Traits.Where(t => t.Axis == PopulationAxis.NonMuscleInvasive).ToList();
        var catalog = Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes;
        if (stated.Count == 0 || PrimaryCancer(patient) is not { } cancer || (cancer.OncoTreeCode ?? catalog.Resolve(cancer.Text)) is not { } code
            || !string.Equals(catalog.TissueOf(code), "BLADDER", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = patient.SourceText ?? string.Empty;
        var invasive = MuscleInvasiveWords().Match(text) is { Success: true } words ? $"\"{words.Value}\""
            : cancer.Stage?.T is { } t && InvadingT().IsMatch(t) ? $"stage {t}"
            : patient.Therapies.FirstOrDefault(th => th.Name == "cystectomy" && th.Certainty is Certainty.Asserted or Certainty.Historical) is { } cystectomy ? $"had a {cystectomy.Name}"
            : null;
        return invasive is null || NonMuscleInvasive().IsMatch(text)
            ? null
            : Fails(
                "non-muscle-invasive bladder cancer",
                $"trial is for {Stated(stated)}; the patient's cancer invades the muscle: {invasive}",
                presumed: true);
    }

    [GeneratedRegex(@"(?<!non[- ]?)\bmuscle[- ]?invasive\b|\binvad\w+\s+(?:the\s+)?(?:detrusor|muscularis\s+propria|perivesical)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MuscleInvasiveWords();

    [GeneratedRegex(@"\bnon[- ]?muscle[- ]?invasive\b|\bNMIBC\b|\bsuperficial\s+bladder", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonMuscleInvasive();

    [GeneratedRegex(@"^(?:[cpy]{0,2})T[234]", RegexOptions.CultureInvariant)]
    private static partial Regex InvadingT();

    // ---- biomarker-defined populations ----

    private static IEnumerable<CriterionEvaluation> Biomarkers(TrialPopulation population, PatientProfile patient)
    {
        foreach (var group in population.Traits.Where(t => t.Axis == PopulationAxis.Biomarker).GroupBy(t => t.Value))
        {
            if (PatientStatus(patient, group.Key) is not { } have)
            {
                continue;
            }

            var accepted = group.Select(t => t.Status!.Value).ToHashSet();
            if (accepted.Any(a => Compatible(a, have.Status)))
            {
                continue;
            }

            var stated = group.ToList();
            yield return Fails(
                string.Join(" or ", stated.Select(t => t.Label).Distinct()),
                $"trial is for {Stated(stated)}; the patient's {Name(group.Key)} is {TrialPopulationReader.Describe(have.Status)}{have.Evidence}",
                presumed: false);
        }
    }

    private static string Name(string marker) => marker switch
    {
        "ERBB2" => "HER2",
        "ESR1" => "ER",
        "PGR" => "PR",
        "HR" => "hormone-receptor status",
        "MSI" => "microsatellite status",
        _ => marker,
    };

    private static bool Compatible(BiomarkerStatus wanted, BiomarkerStatus have) => wanted switch
    {
        BiomarkerStatus.Positive => have == BiomarkerStatus.Positive,
        BiomarkerStatus.Negative or BiomarkerStatus.WildType => have is BiomarkerStatus.Negative or BiomarkerStatus.WildType or BiomarkerStatus.Low,

        // "HER2-low" against a recorded "HER2-negative" may be IHC 1+: only a positive result contradicts it.
        BiomarkerStatus.Low => have != BiomarkerStatus.Positive,
        _ => true,
    };

    private static (BiomarkerStatus Status, string Evidence)? PatientStatus(PatientProfile patient, string marker)
    {
        (BiomarkerStatus, string)? Of(string name)
        {
            var found = patient.Biomarkers.FirstOrDefault(b => b.Certainty == Certainty.Asserted && b.Status != BiomarkerStatus.Equivocal
                && string.Equals(b.Marker, name, StringComparison.OrdinalIgnoreCase));
            return found is null ? null : (found.Status, Quote(patient, found.Span, string.Empty).Trim());
        }

        if (marker != "HR")
        {
            return Of(marker) is var (status, evidence) ? (status, evidence.Length > 0 ? " " + evidence : string.Empty) : null;
        }

        // Hormone receptors: positive when ER or PR is, negative when both are.
        var er = Of("ESR1");
        var pr = Of("PGR");
        if (er is (BiomarkerStatus.Positive, var erEvidence))
        {
            return (BiomarkerStatus.Positive, $" (ER positive {erEvidence})");
        }

        if (pr is (BiomarkerStatus.Positive, var prEvidence))
        {
            return (BiomarkerStatus.Positive, $" (PR positive {prEvidence})");
        }

        return er is ({ } e, var ev) && pr is ({ } p, var pv) && e != BiomarkerStatus.Positive && p != BiomarkerStatus.Positive
            ? (BiomarkerStatus.Negative, $" (ER and PR negative {ev} {pv})")
            : null;
    }

    [GeneratedRegex(@"(?<!muscle[- ])\bnon-?invasive\b|\bnoninvasive\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonInvasiveWords();

    [GeneratedRegex(@"\bin[- ]situ\b|\b(?:DCIS|LCIS)\b|intraepithelial\s+neoplasia|\bCIN\s*[123I]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InSituWords();
}
