using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>The extent of disease a criterion asks for.</summary>
public enum DiseaseExtent
{
    /// <summary>Stage groups or TNM only.</summary>
    Staged,
    Metastatic,
    LocallyAdvanced,
    Unresectable,
    Advanced,
    Recurrent,
    EarlyStage,

    /// <summary>A cancer still to be removed: "resectable disease", "candidate for curative resection", "eligible for surgery with curative intent".</summary>
    Resectable,

    /// <summary>In remission after a treatment that worked ("in first complete remission", "CR1"): the state of the disease, not its spread.</summary>
    Remission,
}

/// <summary>A stage requirement: stage groups ("IIIB", "IV"), TNM parts, or an extent ("metastatic", "locally advanced", "unresectable").</summary>
/// <param name="Groups">Stage groups admitted, in Roman numerals with letters ("IIIB", "IV"); empty when only an extent is given.</param>
/// <param name="Tnm">TNM text as written ("T1-2N0M0"), or null.</param>
public sealed partial record StageConstraint(IReadOnlyList<string> Groups, IReadOnlyList<DiseaseExtent> Extents, string? Tnm = null) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.Stage;

    /// <summary>
    /// True when the words "recurrent" or "relapsed" name a cancer that came back ("relapsed or refractory AML", "recurrent
    /// disease"), not another condition that recurs ("recurrent supraventricular arrhythmia"): then a relapse the record
    /// states answers it.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool RecurrenceOfCancer { get; init; }

    /// <summary>
    /// True when "unresectable" or "inoperable" qualifies the stage named after it ("inoperable stage IIIA", "surgically
    /// unresectable stage III"): both are asked, not either.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool UnresectableStage { get; init; }

    /// <summary>True when the words name borderline resectable disease ("borderline resectable or locally advanced").</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NamesBorderline { get; init; }

    public override string Describe() => string.Join(", ", Groups.Select(g => "stage " + g).Concat(Extents.Where(e => e != DiseaseExtent.Staged).Select(e => e.ToString())).Append(Tnm ?? string.Empty).Where(s => s.Length > 0));

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        var stage = patient.Diagnoses.Where(d => d.IsPrimary && d.Stage is not null).Select(d => d.Stage!).FirstOrDefault();
        var metastatic = stage is { Distant: true } ? true : stage?.Metastatic ?? (patient.Metastases.Any(m => m.Certainty == Certainty.Asserted) ? true : null);

        if (Extents.Contains(DiseaseExtent.Remission) && InRemission(patient) is { } remission)
        {
            return remission;
        }

        // A relapse the record states ("now relapsed", "in second remission") is a recurrent cancer, whatever its stage.
        var relapsed = RecurrenceOfCancer && !Negated && Extents.Contains(DiseaseExtent.Recurrent) && patient.Settings.Any(s => s.Setting == DiseaseSetting.Relapsed);
        if (!relapsed && RecurrenceOfCancer && Groups.Count == 0 && Tnm is null && Extents.All(e => e == DiseaseExtent.Recurrent) && NotRecurred(patient) is { } notRecurred)
        {
            return new ConstraintCheck(CriterionOutcome.NotMet, $"the patient {notRecurred}: not relapsed or refractory, presumed", $"Is the patient's cancer {Describe()}?") { Presumed = true };
        }
        // Unresectable (and locally advanced or advanced) disease asked of a cancer removed with nothing left: presumed not.
        if (stage?.Unresectable != true && metastatic != true && !relapsed && Groups.Count == 0 && Extents.Contains(DiseaseExtent.Unresectable)
            && Extents.All(e => e is DiseaseExtent.Unresectable or DiseaseExtent.LocallyAdvanced or DiseaseExtent.Advanced or DiseaseExtent.Metastatic)
            && PatientSetting.NoDiseaseLeft(patient) is { } gone)
        {
            return new ConstraintCheck(CriterionOutcome.NotMet, $"{gone}: not unresectable, presumed", $"Is the patient's cancer {Describe()}?") { Presumed = true };
        }

        // Metastatic disease, alone or with the other extents of a cancer no operation cures ("locally advanced or
        // metastatic", "advanced or metastatic"), asked of a cancer the record says is to be operated on, or was removed
        // with nothing left (not metastases removed, which a trial of metastatic disease may take): presumed not.
        if (metastatic != true && stage?.Unresectable != true && !relapsed && Groups.Count == 0 && Tnm is null && Extents.Contains(DiseaseExtent.Metastatic)
            && !(metastatic == false && Extents.Count == 1)
            && Extents.All(e => e is DiseaseExtent.Metastatic or DiseaseExtent.LocallyAdvanced or DiseaseExtent.Advanced or DiseaseExtent.Unresectable or DiseaseExtent.Recurrent)
            && (ToBeOperated(patient)
                ?? (PatientSetting.MetastasesResected(patient) ? null : PatientSetting.ResectedWithoutDisease(patient))) is { } curable)
        {
            return new ConstraintCheck(CriterionOutcome.NotMet, $"{curable}: not advanced or metastatic, presumed", $"Is the patient's cancer {Describe()}?") { Presumed = true };
        }

        // A cancer the record calls borderline resectable is neither resectable outright nor unresectable: met where the
        // rule names borderline disease, presumed not met where it asks only for unresectable disease.
        if (!Negated && stage?.Unresectable != true && metastatic != true && !relapsed && Groups.Count == 0
            && Extents.Contains(DiseaseExtent.Unresectable) && PatientSetting.BorderlineResectable(patient) is { } borderline)
        {
            if (NamesBorderline)
            {
                return ConstraintCheck.Met(borderline);
            }

            if (Extents.All(e => e is DiseaseExtent.Unresectable or DiseaseExtent.LocallyAdvanced or DiseaseExtent.Advanced))
            {
                return new ConstraintCheck(CriterionOutcome.NotMet, $"{borderline}: not unresectable, presumed", $"Is the patient's cancer {Describe()}?") { Presumed = true };
            }
        }

        if (Extents.Count == 1 && Extents[0] == DiseaseExtent.Resectable && Groups.Count == 0 && Tnm is null)
        {
            return ResectableNow(patient, stage);
        }

        if (stage is null && metastatic is null && !relapsed)
        {
            return (NamesACancerStage ? WithoutCancer(patient, "cancer stage") : null) ?? ConstraintCheck.Unknown($"What is the stage of the patient's cancer? (trial: {Describe()})", "no stage recorded");
        }

        if (Groups.Count > 0 && stage?.Group is { } group)
        {
            if (UnresectableStage && !Negated && Groups.Any(g => IsWithin(group, g))
                && ToBeOperated(patient) is { } operable)
            {
                return new ConstraintCheck(CriterionOutcome.NotMet, $"stage {group}, but {operable}: not unresectable, presumed", $"Is the patient's cancer {Describe()}?") { Presumed = true };
            }

            if (Groups.Any(g => IsWithin(group, g)))
            {
                return ConstraintCheck.Met($"stage {group}");
            }

            // The trial names a sub-stage of the patient's recorded group ("stage IIIB" for a patient recorded as stage
            // III): which sub-stage the patient's is, the record does not say.
            return Groups.Any(g => IsWithin(g, group))
                ? ConstraintCheck.Unknown($"Which sub-stage is the patient's stage {group}? (trial: {Describe()})", $"stage {group}")
                : ConstraintCheck.NotMet($"stage {group}");
        }

        // A cancer removed with nothing left ("R0 resection, no residual disease") is not unresectable: presumed, to confirm.
        // The extents are alternatives ("recurrent or extensive stage"): one that holds meets the rule, whichever comes first.
        string? removed = null;
        ConstraintCheck? open = null;
        foreach (var extent in Extents)
        {
            bool? holds = extent switch
            {
                DiseaseExtent.Metastatic => metastatic,
                DiseaseExtent.LocallyAdvanced => stage?.LocallyAdvanced ?? (stage?.Group is { } g ? g.StartsWith("III", StringComparison.Ordinal) || (g.StartsWith("IV", StringComparison.Ordinal) && !stage.Distant) : null),
                DiseaseExtent.Unresectable => stage?.Unresectable ?? (ToBeOperated(patient) is not null ? false
                    : (removed ??= PatientSetting.NoDiseaseLeft(patient)) is null ? null : false),
                DiseaseExtent.Resectable => stage?.Unresectable == true ? false
                    : ToBeOperated(patient) is not null ? true
                    : PatientSetting.ResectedWithoutDisease(patient) is not null ? false : null,
                DiseaseExtent.Recurrent => relapsed ? true : stage?.Recurrent,
                DiseaseExtent.Advanced => metastatic == true || stage?.LocallyAdvanced == true || stage?.Unresectable == true || stage?.Group is "IV" or "IVA" or "IVB" or "IVC" ? true
                    : stage?.Group is { } early && EarlyGroup(early) && stage.Recurrent != true && !relapsed && SolidPrimary(patient) ? false : null,
                DiseaseExtent.EarlyStage => stage?.Group is { } g2 ? !g2.StartsWith("IV", StringComparison.Ordinal) && !g2.StartsWith("III", StringComparison.Ordinal) : metastatic == true ? false : null,
                _ => null,
            };
            if (holds == true)
            {
                return ConstraintCheck.Met($"{extent} ({DescribeStage(stage, metastatic)})");
            }

            if (holds is null)
            {
                open ??= ConstraintCheck.Unknown($"Is the patient's cancer {extent}?", DescribeStage(stage, metastatic));
            }
        }

        if (open is not null)
        {
            return open;
        }

        if (Extents.Count == 0 && Groups.Count == 0)
        {
            // TNM alone ("pN1-3 or pN0", "cT2-cT4, cN0-cN3, cM0"): only its M part can be set against what the record
            // says of metastases; the tumour and node parts are asked.
            var m = Tnm is null ? null : MetastasisPart().Match(Tnm) is { Success: true } part ? part.Value : null;
            return m is not null && metastatic is { } spread
                ? ConstraintCheck.Of(m.EndsWith('1') == spread, $"{DescribeStage(stage, metastatic)} (trial: {m})")
                : ConstraintCheck.Unknown($"What is the TNM stage of the patient's cancer? (trial: {Describe()})", DescribeStage(stage, metastatic));
        }

        if (removed is not null && Extents.Contains(DiseaseExtent.Unresectable))
        {
            return new ConstraintCheck(CriterionOutcome.NotMet, $"{removed}: not unresectable, presumed", $"Is the patient's cancer {Describe()}?") { Presumed = true };
        }

        // A TNM of a small tumour with no nodes and no distant spread ("cT1a N0 M0") is stage 0, I or II in the AJCC
        // groupings of the carcinomas, the melanomas and the bone tumours: not the stage III or IV a rule asks for.
        // Presumed, to confirm. Prostate cancer (its PSA and grade can make it stage III) and the soft tissue tumours
        // (grade, and a GIST's mitotic rate) are left out, as are the blood cancers, which TNM does not stage.
        if (Extents.Count == 0 && Groups.Count > 0 && Groups.All(g => g.StartsWith("III", StringComparison.Ordinal) || g.StartsWith("IV", StringComparison.Ordinal))
            && stage is { Group: null, T: { } t, N: { } n } && SmallTumour().IsMatch(t) && n.StartsWith("N0", StringComparison.Ordinal)
            && (metastatic == false || stage.M?.StartsWith("M0", StringComparison.Ordinal) == true)
            && patient.Diagnoses.FirstOrDefault(d => d.IsPrimary && d.Stage is not null) is { OncoTreeCode: { } code }
            && OncologyVocabulary.BuiltIn.CancerTypes.TissueOf(code) is { } tissue && tissue is not ("PROSTATE" or "SOFT_TISSUE" or "LYMPH" or "MYELOID"))
        {
            return new ConstraintCheck(CriterionOutcome.NotMet, $"{t} {n}{(stage.M is { } mPart ? " " + mPart : string.Empty)}: stage 0 to II by its TNM, presumed", $"What is the stage group of the patient's cancer? (trial: {Describe()})") { Presumed = true };
        }

        return Extents.Count == 0 && Groups.Count > 0
            ? ConstraintCheck.Unknown($"What is the stage group of the patient's cancer? (trial: {Describe()})", DescribeStage(stage, metastatic))
            : ConstraintCheck.NotMet(DescribeStage(stage, metastatic));
    }

    /// <summary>
    /// A resectable cancer asked for ("resectable disease", "candidate for curative resection"): met by a cancer the record
    /// says is to be operated on, failed by one it calls unresectable; a cancer already removed with nothing left has no
    /// disease to resect, a presumed failure (the rule is of a trial given before the operation). Anything else is asked.
    /// </summary>
    private ConstraintCheck ResectableNow(PatientProfile patient, Stage? stage)
    {
        var question = $"Is the patient's cancer {Describe()}?";
        if (stage?.Unresectable == true)
        {
            return ConstraintCheck.NotMet("the cancer is recorded as unresectable");
        }

        if (ToBeOperated(patient) is { } operable)
        {
            return ConstraintCheck.Met(operable);
        }

        if (PatientSetting.ResectedWithoutDisease(patient) is { } gone)
        {
            return new ConstraintCheck(CriterionOutcome.NotMet, $"{gone}: already removed, presumed", question) { Presumed = true };
        }

        return (NamesACancerStage ? WithoutCancer(patient, "cancer stage") : null) ?? ConstraintCheck.Unknown(question, "resectability not recorded");
    }

    /// <summary>The words saying the patient's primary cancer is to be operated on (<see cref="PatientSetting.ToBeOperated"/>), or null.</summary>
    private static string? ToBeOperated(PatientProfile patient) => PatientSetting.ToBeOperated(patient, patient.Diagnoses.FirstOrDefault(d => d.IsPrimary));

    /// <summary>
    /// True when the primary cancer is a solid tumour: a lymphoma's stage II may be called advanced (bulky, with B
    /// symptoms), a solid tumour's not.
    /// </summary>
    private static bool SolidPrimary(PatientProfile patient) =>
        patient.Diagnoses.FirstOrDefault(d => d.IsPrimary && d.Stage is not null) is { OncoTreeCode: { } code }
        && OncologyVocabulary.BuiltIn.CancerTypes.TissueOf(code) is { } tissue && tissue is not ("LYMPH" or "MYELOID");

    /// <summary>Stage 0, I or II ("IIA", "IB"): a solid cancer not advanced, whatever the organ (stage III may be locally advanced).</summary>
    private static bool EarlyGroup(string group) => group is "0" || (group.StartsWith('I') && !group.StartsWith("III", StringComparison.Ordinal) && !group.StartsWith("IV", StringComparison.Ordinal));

    /// <summary>"T1a", "T2", "Tis", "T0": a tumour no larger than T2.</summary>
    [GeneratedRegex(@"^T(?:is|[0-2][a-d]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex SmallTumour();

    /// <summary>
    /// A remission asked for ("in first complete remission after induction"): met by a first remission the record states;
    /// a disease the record gives as untreated, or newly diagnosed and not yet treated, has had no treatment to go into
    /// remission with, a presumed failure. Anything else (treated, relapsed, on treatment) is left to the stage reading,
    /// which asks.
    /// </summary>
    private ConstraintCheck? InRemission(PatientProfile patient)
    {
        if (PatientSetting.Treatment(patient) is not { } state)
        {
            return null;
        }

        return state.Value switch
        {
            TreatmentState.FirstRemission => ConstraintCheck.Met(state.Evidence),
            TreatmentState.Untreated or TreatmentState.NewlyDiagnosed when Extents.Count == 1 =>
                new ConstraintCheck(CriterionOutcome.NotMet, $"the patient {state.Evidence}: no treatment yet to bring a remission, presumed", "Is the patient's disease in remission?") { Presumed = true },
            _ => null,
        };
    }

    /// <summary>
    /// The words saying the patient's cancer has not come back: newly diagnosed, or untreated with nothing saying it came
    /// back, spread or had a cancer drug (an untreated disease cannot have relapsed, nor be refractory), or in a first
    /// remission or responding to its treatment with nothing saying it progressed since.
    /// </summary>
    private static string? NotRecurred(PatientProfile patient) =>
        PatientSetting.Treatment(patient) is { } state
        && (state.Value is TreatmentState.NewlyDiagnosed or TreatmentState.FirstRemission or TreatmentState.Responding
            || (state.Value == TreatmentState.Untreated && PatientSetting.PresumedNotRecurred(patient)))
            ? state.Evidence
            : null;

    /// <summary>
    /// True when stage group <paramref name="narrow"/> is <paramref name="broad"/> or one of its sub-stages: "IIIA" is
    /// within "III", but "III" and "IV" are not within "I", nor "IV" within "I" (a Roman numeral goes on with I or V; a
    /// sub-stage is a letter A to C).
    /// </summary>
    internal static bool IsWithin(string narrow, string broad) =>
        narrow.Equals(broad, StringComparison.OrdinalIgnoreCase)
        || (narrow.Length > broad.Length
            && narrow.StartsWith(broad, StringComparison.OrdinalIgnoreCase)
            && char.ToUpperInvariant(narrow[broad.Length]) is 'A' or 'B' or 'C');

    /// <summary>
    /// True when the words can only be a cancer's stage: a stage group, a TNM with its tumour part, or an extent only
    /// cancers have (metastatic, locally advanced, unresectable). Not "recurrent" or "advanced" alone ("recurrent
    /// paroxysmal atrial fibrillation", "relatively advanced Parkinson's disease"), nor a lone "M1" (a segment of the
    /// middle cerebral artery): those are asked, never presumed.
    /// </summary>
    private bool NamesACancerStage =>
        Groups.Count > 0
        || (Tnm is not null && TumourPart().IsMatch(Tnm))
        || Extents.Any(e => e is DiseaseExtent.Metastatic or DiseaseExtent.LocallyAdvanced or DiseaseExtent.Unresectable or DiseaseExtent.Resectable);

    [GeneratedRegex(@"T(?:[0-4]|is)", RegexOptions.CultureInvariant)]
    private static partial Regex TumourPart();

    [GeneratedRegex(@"(?<![A-Za-z])[cp]?M[01]\b", RegexOptions.CultureInvariant)]
    private static partial Regex MetastasisPart();

    private static string DescribeStage(Stage? stage, bool? metastatic) =>
        stage?.Group is { } g ? $"stage {g}" : metastatic == true ? "metastatic" : metastatic == false ? "not metastatic" : "stage not recorded";
}

/// <summary>Reads stage groups ("stage IIIB or IV", "stage III-IV"), TNM and extents ("metastatic", "locally advanced", "unresectable").</summary>
public static partial class StageParser
{
    private static readonly string[] Order = ["0", "I", "IA", "IB", "IC", "II", "IIA", "IIB", "IIC", "III", "IIIA", "IIIB", "IIIC", "IV", "IVA", "IVB", "IVC"];

    public static void Parse(CriterionContext c)
    {
        var groups = new List<string>();
        var spanStart = int.MaxValue;
        var spanEnd = 0;
        for (var m = StageGroups().Match(c.Text); m.Success; m = m.NextMatch())
        {
            var items = Roman().Matches(m.Groups["list"].Value).Select(r => r.Value.ToUpperInvariant().Replace("1", "I", StringComparison.Ordinal).Replace("2", "II", StringComparison.Ordinal).Replace("3", "III", StringComparison.Ordinal).Replace("4", "IV", StringComparison.Ordinal)).ToList();
            // "Hoehn & Yahr stage I-III", "NYHA stage II", "stage 3 chronic kidney disease": the stage of another
            // disease's scale, not of a cancer.
            if (items.Count == 0 || OtherScaleBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Index - 30), m.Index - Math.Max(0, m.Index - 30)))
                || OtherScaleAfter().IsMatch(c.Lower, Math.Min(m.Index + m.Length, c.Lower.Length)))
            {
                continue;
            }

            if (items.Count == 2 && RangeWord().IsMatch(m.Groups["list"].Value) && Array.IndexOf(Order, items[0]) is var a and >= 0 && Array.IndexOf(Order, items[1]) is var b && b > a)
            {
                items = Order[a..(b + 1)].ToList();
            }

            groups.AddRange(items);
            spanStart = Math.Min(spanStart, m.Index);
            spanEnd = Math.Max(spanEnd, m.Index + m.Length);
        }

        var tnm = Tnm().Match(c.Text);
        if (tnm.Success)
        {
            spanStart = Math.Min(spanStart, tnm.Index);
            spanEnd = Math.Max(spanEnd, tnm.Index + tnm.Length);
        }

        var extents = new List<DiseaseExtent>();
        var ofCancer = false;
        for (var m = Extent().Match(c.Text); m.Success; m = m.NextMatch())
        {
            // "CNS metastatic disease" was read as a metastatic site: not also the stage.
            if (c.IsClaimed(m.Index, m.Index + m.Length))
            {
                continue;
            }

            var word = m.Value.ToLowerInvariant();
            // "Elevations greater than these require metastatic work up", "to rule out ... metastatic bone scan
            // positivity": a search for spread, not spread asked for.
            if (word.StartsWith("metasta", StringComparison.Ordinal) && (SearchForSpreadAfter().IsMatch(c.Text, m.Index + m.Length)
                || RuleOutBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Index - 50), m.Index - Math.Max(0, m.Index - 50)))))
            {
                continue;
            }

            // Small cell lung cancer's "extensive stage" is its spread beyond one radiation field: read as metastatic.
            var extent = word.Contains("metasta", StringComparison.Ordinal) || word.StartsWith("extensive", StringComparison.Ordinal) ? DiseaseExtent.Metastatic
                : word.Contains("locally", StringComparison.Ordinal) ? DiseaseExtent.LocallyAdvanced
                : ResectableWords().IsMatch(word) ? DiseaseExtent.Resectable
                : word.Contains("resect", StringComparison.Ordinal) || word.Contains("operab", StringComparison.Ordinal) ? DiseaseExtent.Unresectable
                : word.Contains("recurr", StringComparison.Ordinal) || word.Contains("relaps", StringComparison.Ordinal) || word.Contains("refractory", StringComparison.Ordinal) || word.StartsWith("beyond", StringComparison.Ordinal) ? DiseaseExtent.Recurrent
                : word.Contains("early", StringComparison.Ordinal) ? DiseaseExtent.EarlyStage
                : DiseaseExtent.Advanced;
            // "Refractory" counts only where a cancer or disease follows ("primary refractory disease", "refractory AML"):
            // "refractory to cisplatin" is a therapy's failure, read elsewhere. A disease "beyond first remission" came back.
            var recurredCancer = extent == DiseaseExtent.Recurrent && (word.StartsWith("beyond", StringComparison.Ordinal) || RecurredCancerAfter().IsMatch(c.Text, m.Index + m.Length)
                || RecurredAfterTherapy().IsMatch(c.Text, m.Index + m.Length) || RecurredCancerBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Index - 60), m.Index - Math.Max(0, m.Index - 60))));
            if (word.Contains("refractory", StringComparison.Ordinal) && !recurredCancer)
            {
                continue;
            }

            if (!extents.Contains(extent))
            {
                extents.Add(extent);
            }

            ofCancer |= recurredCancer;
            spanStart = Math.Min(spanStart, m.Index);
            spanEnd = Math.Max(spanEnd, m.Index + m.Length);
        }

        // A resectable cancer is asked only of a cancer still in place: not beside an unresectable one ("resectable or
        // unresectable"), nor where the rule goes on to the operation done ("resectable disease that has been resected").
        if (extents.Contains(DiseaseExtent.Resectable) && (extents.Contains(DiseaseExtent.Unresectable) || AfterTheOperation().IsMatch(c.Text)))
        {
            extents.Remove(DiseaseExtent.Resectable);
        }

        // Remission words are rare; the pattern, which starts at "in", runs only where one is written.
        if (c.Lower.Contains("remission", StringComparison.Ordinal) || c.Text.Contains("CR1", StringComparison.Ordinal) || c.Text.Contains("CR2", StringComparison.Ordinal))
        {
            for (var m = Remission().Match(c.Text); m.Success; m = m.NextMatch())
            {
                if (c.IsClaimed(m.Index, m.Index + m.Length))
                {
                    continue;
                }

                if (!extents.Contains(DiseaseExtent.Remission))
                {
                    extents.Add(DiseaseExtent.Remission);
                }

                spanStart = Math.Min(spanStart, m.Index);
                spanEnd = Math.Max(spanEnd, m.Index + m.Length);
            }
        }

        if (groups.Count == 0 && extents.Count == 0 && !tnm.Success)
        {
            return;
        }

        c.Add(new StageConstraint(groups.Distinct().ToList(), extents, tnm.Success ? tnm.Value : null) { Span = CriterionContext.Span(spanStart, spanEnd), Negated = c.IsNegatedAt(spanStart), Qualifies = c.IsQualifierAt(spanStart), RecurrenceOfCancer = ofCancer, NamesBorderline = c.Lower.Contains("borderline", StringComparison.Ordinal), UnresectableStage = (c.Lower.Contains("resect", StringComparison.Ordinal) || c.Lower.Contains("operab", StringComparison.Ordinal)) && UnresectableBeforeStage().IsMatch(c.Text) }, claim: false);
    }

    /// <summary>After "metastatic": the search for spread ("work-up", "workup", "evaluation", "survey", "screening", "bone scan positivity").</summary>
    [GeneratedRegex(@"\G\s+(?:work[\s-]?up|evaluation|survey|screening|search|bone\s+scan\s+positivity)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SearchForSpreadAfter();

    /// <summary>Before "metastatic": "to rule out (the possibility of)", "to exclude".</summary>
    [GeneratedRegex(@"\b(?:rule\s+out|ruling\s+out|to\s+exclude)\s+(?:the\s+)?(?:possibility\s+of\s+|presence\s+of\s+)?(?:\w+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleOutBefore();

    /// <summary>The words of <see cref="Extent"/> that ask for a cancer still to be removed.</summary>
    [GeneratedRegex(@"^(?:resectable|(?:candidates?|eligible|suitable|planned|scheduled|amenable)\b.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ResectableWords();

    /// <summary>Words telling of an operation done or a time after it: "resected", "underwent", "after", "post-operative".</summary>
    [GeneratedRegex(@"\b(?:resected|underwent|undergone|had\s+(?:a\s+)?(?:surgery|resection)|after|following|post-?operative(?:ly)?|postoperative|adjuvant|R0|R1)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterTheOperation();

    [GeneratedRegex(@"\b(?:unresectable|non-?resectable|inoperable|non-?operable)\s+(?:locally\s+advanced\s+(?:\(\s*)?)?stages?\s+(?:IV|I{1,3}|[1-4])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnresectableBeforeStage();

    /// <summary>After "recurrent" or "relapsed": the cancer or disease that came back ("or refractory AML", "disease", "glioblastoma").</summary>
    [GeneratedRegex(@"\G(?:\s*(?:,|or|and|and/or|/)\s*(?:refractory|relapsed|recurrent|progressive|persistent|resistant))?[\s/-]+(?:[\w-]+\s+){0,4}?(?:cancers?|carcinomas?|disease|tumou?rs?|malignanc(?:y|ies)|neoplasms?|\w+omas?|leuka?emias?|(?-i:[A-Z]{2,5}))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecurredCancerAfter();

    /// <summary>After "recurrent" or "relapsed": the therapy the disease came back after ("or refractory after at least one prior therapy").</summary>
    [GeneratedRegex(@"\G(?:\s*(?:,|or|and|and/or|/)\s*(?:refractory|relapsed|recurrent|progressive|persistent|resistant))?\s+(?:disease\s+)?(?:after|following|despite)\s+(?:at\s+least\s+)?(?:(?:one|two|three|1|2|3)\s+(?:or\s+more\s+)?)?(?:prior|previous|standard|first[- ]line|front[- ]?line|initial)?\s*(?:lines?\s+of\s+)?(?:systemic\s+)?(?:therapy|therapies|treatment|treatments|regimens?|chemotherapy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecurredAfterTherapy();

    /// <summary>Before "recurrent" or "relapsed": the cancer said to have come back ("classical Hodgkin lymphoma ... that is recurrent").</summary>
    [GeneratedRegex(@"(?:cancers?|carcinomas?|disease|tumou?rs?|malignanc(?:y|ies)|neoplasms?|\w+omas?|leuka?emias?)\s+(?:that|which)\s+(?:is|are|has|have)\s+(?:been\s+)?(?:either\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RecurredCancerBefore();

    [GeneratedRegex(@"\bstages?\s+(?<list>(?:(?:0|IV[ABC]?|I{1,3}[ABC]?[1-3]?|[1-4][ABC]?)\b\s*(?:,|/|-|–|to|or|and|through|and/or)?\s*)+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StageGroups();

    [GeneratedRegex(@"\b(?:hoehn|hohen|yahr|pubertal|puberty|h\s*&\s*y|nyha|tanner|gold|ckd|kidney(?:\s+disease)?|renal(?:\s+disease)?|heart\s+failure|acc/aha|fibrosis|hypertension|pressure\s+(?:ulcer|injur\w*)|lymph(?:o)?edema|sleep|labou?r|endometriosis|prolapse|kellgren(?:[\s-]+lawrence)?|hurley|fontaine|rutherford|ceap|wagner|sarcoidosis|hidradenitis|retinopathy|periodontitis|lyme|hiv|syphilis|parkinson'?s?(?:\s+disease)?|dementia|copd)\s*(?:\(\w+\)\s*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherScaleBefore();

    [GeneratedRegex(@"\G\s*(?:chronic\s+kidney|ckd|kidney|renal|hypertension|pressure\s+(?:ulcer|injur)|decubitus|lymph(?:o)?edema|heart\s+failure|sleep|liver\s+fibrosis|fibrosis|copd|endometriosis|prolapse|osteoarthritis|parkinson|dementia|labou?r|hiv|lyme|syphilis|sarcoidosis|hidradenitis|retinopathy|periodontitis|lupus\s+nephritis|nephropathy)", RegexOptions.CultureInvariant)]
    private static partial Regex OtherScaleAfter();

    [GeneratedRegex(@"IV[ABC]?|I{1,3}[ABC]?(?=[1-3]?\b)|\b[1-4][ABC]?\b|\b0\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Roman();

    [GeneratedRegex(@"-|–|\bto\b|\bthrough\b", RegexOptions.CultureInvariant)]
    private static partial Regex RangeWord();

    [GeneratedRegex(@"\b(?:[cpy]?T(?:[0-4][a-d]?|is|x)(?:\s*-\s*[0-4][a-d]?)?\s*,?\s*[cp]?N(?:[0-3][a-c]?|x|\+)(?:\s*-\s*[0-3])?\s*,?\s*(?:[cp]?M[01x][a-c]?)?|[cp]?N[1-3][a-c]?\b|M1[a-c]?\b|\bM0\b|\b[cpy]?T[0-4][a-d]?\s*(?:-|–|to)\s*[cp]?T?[0-4][a-d]?\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Tnm();

    // Metastases named without a site ("no evidence of metastases", "known metastases") are the metastatic stage; a site's
    // ("brain metastases", "metastases to the liver") are a metastasis rule, read before this. The look back comes after
    // the word, so the pattern is tried only where "metastas" is written.
    [GeneratedRegex(@"\b(?:metastatic|metastasi[sz]ed|distant\s+metastas[ie]s|metastas[ie]s(?<=\b(?:of|no|any|known|with|without|have|has|had)\s+metastas[ie]s)(?!\s+(?:to|in|of|at)\b)|locally\s+advanced|unresectable|non-?resectable|inoperable|(?<!\bborderline[\s-])resectable|(?:candidates?|eligible|suitable|planned|scheduled)\s+for\s+(?:(?:potentially\s+)?curative(?:[- ]intent)?\s+|complete\s+|radical\s+|surgical\s+|primary\s+|definitive\s+){0,2}resection|(?:candidates?|eligible|suitable|planned|scheduled)\s+for\s+(?:(?:potentially\s+)?curative\s+surgery|surgery\s+with\s+curative\s+intent)|amenable\s+to\s+(?:(?:curative|complete|surgical)\s+){0,2}resection|not\s+(?:amenable\s+to|candidates?\s+for)\s+(?:(?:curative|complete|surgical|potentially\s+curative)\s+){0,2}(?:surgery|resection)|advanced(?!\s+(?:age|directive|heart|liver|kidney|renal|lung|copd|cirrhosis))|recurrent|relapsed|(?:primary\s+)?refractory(?!\s+(?:an(?:a)?emia|cytopenia|thrombocytopenia|to\b))|beyond\s+(?:first|1st|second|2nd)\s+(?:complete\s+)?remission|early[- ]stage|extensive[- ]stage)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Extent();

    /// <summary>A remission asked for: "in first complete remission", "achieved a complete remission", "first morphologic complete remission", "CR1"; not "remission induction".</summary>
    [GeneratedRegex(@"\b(?:(?:in|achieved|achieving|attained)\s+(?:an?\s+)?(?:(?:first|second|1st|2nd|morphologic(?:al)?|ha?ematologic(?:al)?|complete|continuous|continued|clinical)\s+(?:or\s+(?:second|third|2nd|3rd)\s+)?)*remission(?!\s+(?:induction|rate))|(?<!beyond\s+)(?:first|second|1st|2nd)\s+(?:morphologic(?:al)?\s+|ha?ematologic(?:al)?\s+)?complete\s+remission|(?-i:CR[12]))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Remission();
}
