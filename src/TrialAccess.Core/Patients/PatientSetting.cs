using System.Text.RegularExpressions;
using TrialAccess.Vocabulary;

namespace TrialAccess.Patients;

/// <summary>Where the patient's cancer stands in its treatment, from the most to the least treated.</summary>
public enum TreatmentState
{
    /// <summary>Treated with systemic therapy and progressed on it, or later-line ("four prior lines", "refractory to").</summary>
    PreviouslyTreated,

    /// <summary>Came back after a first treatment that may have been local only; no systemic therapy known to have failed.</summary>
    Relapsed,

    /// <summary>Untreated in the current setting ("no treatment for metastatic disease"), possibly after an earlier curative treatment.</summary>
    Untreated,

    /// <summary>A first diagnosis of this cancer, not yet treated ("newly diagnosed").</summary>
    NewlyDiagnosed,

    /// <summary>Receiving an anticancer drug now, with no progression or earlier line recorded ("started imatinib 15 months ago"): no longer untreated.</summary>
    OnTreatment,

    /// <summary>
    /// Given no cancer drug (treated by an operation or radiotherapy, or not yet), never said to have come back, progressed
    /// or spread to distant sites in a complete history: presumed not recurrent (an astrocytoma after its resection).
    /// </summary>
    NotRecurred,

    /// <summary>In a first remission after its first treatment ("remains in first complete remission"), nothing said to have come back.</summary>
    FirstRemission,

    /// <summary>Responding to, or kept stable by, its current or first treatment ("partial response", "on maintenance"), nothing said to have come back or progressed.</summary>
    Responding,
}

/// <summary>One reading of the patient's setting, with its evidence in the record's words and whether it is presumed.</summary>
/// <param name="Presumed">True when inferred (from absence in a complete history, or from a relapse after recorded therapy) rather than stated.</param>
public sealed record SettingReading<T>(T Value, string Evidence, bool Presumed);

/// <summary>
/// The patient's setting as the eligibility checks need it, from the facts of the profile: the therapies with their
/// lines and progression, the stage, and the setting statements (<see cref="PatientProfile.Settings"/>). A therapy the
/// disease progressed on says more than a statement; a statement says more than an inference; nothing is read from a
/// record that says nothing.
/// </summary>
public static partial class PatientSetting
{
    /// <summary>The treatment state of the primary cancer, or null when the record says nothing of it.</summary>
    public static SettingReading<TreatmentState>? Treatment(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var cancer = PrimaryCancer(patient);
        var drugs = patient.Therapies.Where(t => t.Kind == TherapyKind.Drug && t.Certainty is Certainty.Asserted or Certainty.Historical).ToList();
        var statements = patient.Settings;

        // Lines stated, or a therapy the disease progressed on: previously treated.
        if (statements.FirstOrDefault(s => s.Setting == DiseaseSetting.PreviouslyTreated && s.PriorLines is > 0) is { } lines)
        {
            return new(TreatmentState.PreviouslyTreated, Quote(patient, lines.Span, $"has had {lines.PriorLines} prior line{(lines.PriorLines == 1 ? string.Empty : "s")} of therapy"), false);
        }

        var relapse = statements.FirstOrDefault(s => s.Setting == DiseaseSetting.Relapsed);
        var recurrent = relapse is not null || cancer?.Stage?.Recurrent == true;

        // In a first remission, with nothing saying the disease came back: treated, and neither untreated nor relapsed. A
        // remission the record then says ended ("stayed in complete remission for five years; he now has progressive
        // disease") is past.
        var remission = recurrent ? null : statements.LastOrDefault(s => s.Setting == DiseaseSetting.FirstRemission);
        if (remission?.Span is { } at && patient.SourceText is { } text && at.End <= text.Length && ProgressionLater().IsMatch(text, at.End))
        {
            remission = null;
        }

        // A response to the treatment ("partial response after four cycles", "on maintenance"): the disease is controlled,
        // neither untreated nor relapsed, unless a later word of progression ("rising white count", "switched to") or a
        // cancer drug named in a later sentence (a later line) says the response ended.
        var responding = recurrent || remission is not null ? null : statements.LastOrDefault(s => s.Setting == DiseaseSetting.Responding);
        if (responding?.Span is { } r && patient.SourceText is { } source && r.End <= source.Length
            && (ProgressionLater().IsMatch(source, r.End) || ResponseEnded().IsMatch(source, r.End)
                || drugs.Exists(t => IsAnticancer(t) && t.Span is { } at && at.Start > r.End && source.AsSpan(r.End, at.Start - r.End).IndexOfAny('.', ';') >= 0)))
        {
            responding = null;
        }

        // A first line completed ("four cycles of VRd induction") is a previous treatment, unless it left the disease in a
        // first remission or responding.
        var failed = drugs.FirstOrDefault(t => t.ProgressedOn == true || t.Line >= 2 || (t.Line >= 1 && t.IsCurrent != true && remission is null && responding is null));
        if (failed is not null)
        {
            var how = failed.ProgressedOn == true ? "progressed on or after" : failed.Line is { } line ? $"had line {line}:" : "had";
            return new(TreatmentState.PreviouslyTreated, Quote(patient, failed.Span, $"{how} {failed.Name}"), false);
        }

        if (statements.FirstOrDefault(s => s.Setting == DiseaseSetting.PreviouslyTreated) is { } treated)
        {
            return new(TreatmentState.PreviouslyTreated, Quote(patient, treated.Span, "is previously treated"), false);
        }

        if (remission is not null)
        {
            return new(TreatmentState.FirstRemission, Quote(patient, remission.Span, "is in first remission"), false);
        }

        if (responding is not null)
        {
            return new(TreatmentState.Responding, Quote(patient, responding.Span, "is responding to treatment"), false);
        }

        if (statements.FirstOrDefault(s => s.Setting is DiseaseSetting.NewlyDiagnosed or DiseaseSetting.Untreated) is { } untreated)
        {
            var newly = !recurrent && statements.FirstOrDefault(s => s.Setting == DiseaseSetting.NewlyDiagnosed) is { } n ? n : null;
            return newly is not null
                ? new(TreatmentState.NewlyDiagnosed, Quote(patient, newly.Span, "is newly diagnosed"), false)
                : new(TreatmentState.Untreated, Quote(patient, untreated.Span, "is untreated in the current setting"), false);
        }

        if (recurrent)
        {
            var span = relapse?.Span ?? cancer?.Stage?.Span ?? cancer?.Span;
            var before = drugs.FirstOrDefault(t => t.IsCurrent != true && IsAnticancer(t));
            return before is not null
                ? new(TreatmentState.PreviouslyTreated, $"{Quote(patient, span, "has relapsed")} after {Quote(patient, before.Span, before.Name)}", true)
                : new(TreatmentState.Relapsed, Quote(patient, span, "has relapsed"), false);
        }

        // An anticancer drug given now: whatever else the record leaves out, the disease is no longer untreated.
        if (drugs.FirstOrDefault(t => t.IsCurrent == true && t.Certainty == Certainty.Asserted && IsAnticancer(t)) is { } current)
        {
            return new(TreatmentState.OnTreatment, Quote(patient, current.Span, $"is receiving {current.Name}"), false);
        }

        // Untreated only by presumption: a complete history that records no treatment at all.
        var anyTherapy = patient.Therapies.Any(t => t.Certainty is Certainty.Asserted or Certainty.Historical && TreatsCancer(t));
        if (!patient.CompleteHistory || cancer is null)
        {
            return null;
        }

        if (!anyTherapy)
        {
            return new(TreatmentState.Untreated, "has no cancer treatment recorded: presumed untreated", true);
        }

        // Anticancer drugs given and finished, with no operation or radiotherapy they could have been given around (an
        // adjuvant or neoadjuvant course) and no word saying so: the disease has been treated, so it is neither untreated
        // nor newly diagnosed (lymphoma after six cycles of bendamustine and rituximab). A presumption.
        var local = patient.Therapies.Any(t => t.Kind is TherapyKind.Surgery or TherapyKind.Radiotherapy && t.Certainty is Certainty.Asserted or Certainty.Historical);
        if (!local && drugs.FirstOrDefault(t => t.IsCurrent != true && IsAnticancer(t) && !Cytoreductive(t, cancer)) is { } finished
            && !AroundSurgery().IsMatch(patient.SourceText ?? string.Empty))
        {
            return new(TreatmentState.PreviouslyTreated, $"{Quote(patient, finished.Span, $"had {finished.Name}")}, no relapse or line stated: presumed previously treated", true);
        }

        // No cancer drug recorded (an operation, radiotherapy, or only medicine for other things), and nothing says the
        // cancer came back, progressed or spread to distant sites: presumed not recurrent.
        return NothingSaysRecurred(patient, cancer)
            ? new(TreatmentState.NotRecurred, "has no relapse, progression or distant spread recorded: presumed not recurrent", true)
            : null;
    }

    /// <summary>
    /// True when a complete history gives the cancer no cancer drug and never says it came back, progressed or spread to
    /// distant sites: it is presumed not recurrent, whether or not it was operated on or irradiated. (Drugs given one after
    /// another say a disease progressed even where no word does, so a record with any cancer drug is not read this way.)
    /// </summary>
    public static bool PresumedNotRecurred(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var cancer = PrimaryCancer(patient);
        return patient.CompleteHistory && cancer is not null
            && !patient.Settings.Any(s => s.Setting is DiseaseSetting.Relapsed or DiseaseSetting.PreviouslyTreated)
            && (NothingSaysRecurred(patient, cancer) || NeverTreated(patient, cancer));
    }

    /// <summary>
    /// True when the record says the cancer is untreated ("she has not started any treatment") and records no treatment of
    /// it at all, no drug, operation or radiotherapy, and no recurrence: a cancer that spread before anything was done is
    /// presumed a first presentation (de novo stage IV), not a relapse, since a relapse follows a treatment.
    /// </summary>
    private static bool NeverTreated(PatientProfile patient, Diagnosis cancer) =>
        cancer.Stage?.Recurrent != true
        && patient.Settings.Any(s => s.Setting is DiseaseSetting.Untreated or DiseaseSetting.NewlyDiagnosed)
        && !patient.Therapies.Any(t => t.Certainty is Certainty.Asserted or Certainty.Historical && TreatsCancer(t));

    /// <summary>
    /// The words saying the patient's cancer is borderline resectable ("the meeting called the tumour borderline
    /// resectable"), or null: a tumour touching vessels that may still be removed after treatment shrinks it.
    /// </summary>
    public static string? BorderlineResectable(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.SourceText is { } text && Borderline().Match(text) is { Success: true } m ? $"\"{m.Value}\"" : null;
    }

    [GeneratedRegex(@"(?<!\b(?:not|no|nor|never|or)\s+)\bborderline[- ]resectable\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Borderline();

    private static bool NothingSaysRecurred(PatientProfile patient, Diagnosis cancer)
    {
        var spread = patient.Metastases.Any(m => m.Certainty == Certainty.Asserted && !Regional(m.Site))
            || cancer.Stage is { } stage && (stage.Distant || stage.Recurrent == true);
        var anticancer = patient.Therapies.Any(t => t.Kind == TherapyKind.Drug && t.Certainty is Certainty.Asserted or Certainty.Historical && IsAnticancer(t) && !Cytoreductive(t, cancer));
        return !spread && !anticancer;
    }

    /// <summary>
    /// The words saying the patient's cancer was removed with nothing left, unless a relapse or distant metastases are
    /// recorded. Metastases removed too count as nothing left: the record says nothing is left ("no residual or new
    /// disease", "no evidence of disease") after it names every distant metastasis and advanced stage, and states no
    /// relapse or failed treatment (liver metastases of a colon cancer, resected with clear margins).
    /// </summary>
    public static string? ResectedWithoutDisease(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient.Settings.FirstOrDefault(s => s.Setting == DiseaseSetting.Resected) is not { } resected)
        {
            return null;
        }

        if (!SpreadOrRelapsed(patient))
        {
            return Quote(patient, resected.Span, "resected, no residual disease");
        }

        return ClearedAfterSpread(patient) is { } cleared ? Quote(patient, cleared.Span, "resected, no residual disease") : null;
    }

    /// <summary>
    /// The words saying no disease is left anywhere ("no residual disease", "no evidence of disease", "NED"), when the
    /// cancer was resected with nothing left (<see cref="ResectedWithoutDisease"/>); null when the record says only that the
    /// margins were clear, which leaves disease elsewhere (nodes, metastases) unsaid.
    /// </summary>
    public static string? NoDiseaseLeft(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient.SourceText is not { } text || ResectedWithoutDisease(patient) is null)
        {
            return null;
        }

        return LastNothingLeft(patient, text) is { } stated ? Quote(patient, stated.Span, "no residual disease") : null;
    }

    /// <summary>True when distant metastases are recorded and then said to be removed with nothing left (<see cref="ResectedWithoutDisease"/>).</summary>
    public static bool MetastasesResected(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return SpreadOrRelapsed(patient) && ClearedAfterSpread(patient) is not null;
    }

    /// <summary>The last statement that nothing is left, when it follows every mention of spread and no relapse is stated.</summary>
    private static SettingStatement? ClearedAfterSpread(PatientProfile patient)
    {
        if (patient.SourceText is not { } text || patient.Settings.Any(s => s.Setting is DiseaseSetting.Relapsed or DiseaseSetting.PreviouslyTreated))
        {
            return null;
        }

        var cleared = LastNothingLeft(patient, text);
        if (cleared?.Span is not { } at)
        {
            return null;
        }

        var spread = patient.Metastases.Where(m => m.Certainty is Certainty.Asserted && !Regional(m.Site)).Select(m => m.Span)
            .Concat(patient.Diagnoses.Where(d => d.Certainty == Certainty.Asserted && d.Stage is { } stage && (stage.Distant || stage.Recurrent == true || stage.Unresectable == true)).Select(d => d.Stage!.Span ?? d.Span));
        return spread.All(s => s is { } span && span.End <= at.Start) ? cleared : null;
    }

    /// <summary>The last statement of the record that no disease is left anywhere (<see cref="NothingLeft"/>), or null.</summary>
    private static SettingStatement? LastNothingLeft(PatientProfile patient, string text) =>
        patient.Settings.LastOrDefault(s => s.Setting == DiseaseSetting.Resected && s.Span is { } span && span.End <= text.Length && NothingLeft().IsMatch(span.Slice(text)));

    /// <summary>A statement that no disease is left anywhere, not only at the margins: "no residual disease", "no evidence of disease", "NED".</summary>
    [GeneratedRegex(@"^(?:no\b|NED\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NothingLeft();

    /// <summary>True when the record states a relapse, a failed treatment, distant metastases, or a stage that is metastatic, recurrent or unresectable.</summary>
    public static bool SpreadOrRelapsed(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.Settings.Any(s => s.Setting is DiseaseSetting.Relapsed or DiseaseSetting.PreviouslyTreated)
            || patient.Metastases.Any(m => m.Certainty is Certainty.Asserted && !Regional(m.Site))
            || patient.Diagnoses.Any(d => d.Certainty == Certainty.Asserted && d.Stage is { } stage && (stage.Distant || stage.Recurrent == true || stage.Unresectable == true));
    }

    /// <summary>The primary cancer as stated, else any cancer stated or in the history.</summary>
    private static Diagnosis? PrimaryCancer(PatientProfile patient) => MainCancer(patient.Diagnoses);

    /// <summary>The cancer a record is about: the first stated primary one, else the first stated or past one.</summary>
    internal static Diagnosis? MainCancer(IReadOnlyList<Diagnosis> diagnoses) =>
        diagnoses.FirstOrDefault(d => d.Certainty == Certainty.Asserted && d.IsPrimary)
        ?? diagnoses.FirstOrDefault(d => d.Certainty is Certainty.Asserted or Certainty.Historical);

    /// <summary>True for a metastatic site in the regional nodes ("lymph node", "regional"), not a distant one.</summary>
    internal static bool Regional(string site) =>
        site.Contains("lymph", StringComparison.OrdinalIgnoreCase) || site.Contains("node", StringComparison.OrdinalIgnoreCase) || site.Contains("regional", StringComparison.OrdinalIgnoreCase);

    /// <summary>Words placing a drug course around an operation or radiotherapy.</summary>
    [GeneratedRegex(@"\b(?:neo-?adjuvant|adjuvant|peri-?operative|pre-?operative|post-?operative|chemo-?radi|radiochemo)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AroundSurgery();

    /// <summary>For prostate cancer: true when castration-resistant, false when castration-sensitive, null when not said.</summary>
    public static SettingReading<bool>? CastrationResistant(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient.Settings.FirstOrDefault(s => s.Setting is DiseaseSetting.CastrationResistant or DiseaseSetting.CastrationSensitive) is { } stated)
        {
            var resistant = stated.Setting == DiseaseSetting.CastrationResistant;
            return new(resistant, Quote(patient, stated.Span, resistant ? "castration-resistant" : "castration-sensitive"), false);
        }

        // A newly diagnosed cancer has not yet progressed on androgen deprivation.
        return Treatment(patient) is { Value: TreatmentState.NewlyDiagnosed, Presumed: false } newly
            ? new(false, $"{newly.Evidence}, so not yet castration-resistant", true)
            : null;
    }

    /// <summary>True when platinum-resistant, false when platinum-sensitive, null when not said.</summary>
    public static SettingReading<bool>? PlatinumResistant(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.Settings.FirstOrDefault(s => s.Setting is DiseaseSetting.PlatinumResistant or DiseaseSetting.PlatinumSensitive) is { } stated
            ? new(stated.Setting == DiseaseSetting.PlatinumResistant, Quote(patient, stated.Span, stated.Setting == DiseaseSetting.PlatinumResistant ? "platinum-resistant" : "platinum-sensitive"), false)
            : null;
    }

    /// <summary>
    /// The operation that removed the primary cancer ("wide local excision", "radical nephrectomy", "oesophagectomy"), as
    /// given or done, when nothing says the cancer came back or spread; else null.
    /// </summary>
    public static Therapy? PrimaryOperation(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return SpreadOrRelapsed(patient) ? null
            : patient.Therapies.FirstOrDefault(t => t.Kind == TherapyKind.Surgery && t.Certainty is Certainty.Asserted or Certainty.Historical && CancerOperation().IsMatch(t.Name));
    }

    /// <summary>Words saying a disease progressed or came back: "progressive disease", "progression", "progressed", "relapse"; not "no sign of progression".</summary>
    [GeneratedRegex(@"(?<!\b(?:no|not|without|free\s+of|absence\s+of|risk\s+of)\s+(?:(?:signs?|evidence|features?)\s+of\s+)?(?:\w+\s+)?)\b(?:progressive\s+disease|progression|progressed|progressing|relapse[ds]?|recurred|recurrence)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProgressionLater();

    /// <summary>
    /// Words saying a response did not last: "rising white count", "worsening lymphadenopathy", "switched to", "no response",
    /// "transformation", "growth of the liver lesions", "new lung nodules"; not "no new lesions".
    /// </summary>
    [GeneratedRegex(@"\b(?:worsening|worsened|rising|enlarging|enlarged|switched|transformation|transformed|(?<!\bno\s+)growth\s+of|grew|increased\s+in\s+size|(?<!\bno\s+)new\s+(?:\w+\s+)?(?:lesions?|nodules?|metastas[ie]s|deposits?)|(?:no|not\s+(?:have\s+)?(?:much\s+)?(?:in\s+the\s+way\s+of\s+)?(?:a\s+)?)\s*(?:significant\s+)?response)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResponseEnded();

    [GeneratedRegex(@"^(?:lumpectomy|mastectomy|lobectomy|pneumonectomy|thyroidectomy|hysterectomy|prostatectomy|colectomy|whipple procedure|tumor resection|nephrectomy|cystectomy|gastrectomy|esophagectomy|hepatectomy|anterior resection|laryngectomy|pancreatectomy)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancerOperation();

    /// <summary>
    /// A treatment that could have treated the cancer: an anticancer drug, an operation, radiotherapy, or a procedure that
    /// treats disease (a transplant, cell therapy, ablation, embolisation). Fertility preservation, a line insertion or an
    /// endoscopy does not make a cancer treated.
    /// </summary>
    public static bool TreatsCancer(Therapy therapy)
    {
        ArgumentNullException.ThrowIfNull(therapy);
        return therapy.Kind switch
        {
            TherapyKind.Drug => IsAnticancer(therapy),
            TherapyKind.Surgery or TherapyKind.Radiotherapy => true,
            _ => TreatingProcedure().IsMatch(therapy.Name),
        };
    }

    [GeneratedRegex(@"\b(?:transplant\w*|car[- ]?t\b|cell therapy|ablation|emboli[sz]ation|chemoemboli\w*|radioemboli\w*|photodynamic|cryotherapy|hipec|perfusion|resection|\w*ectomy)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TreatingProcedure();

    /// <summary>
    /// The words saying the patient's cancer is to be operated on ("resectable", "a lobectomy is feasible"), or null when
    /// it was resected already, cannot be operated on, came back or spread to distant sites, or an operation is recorded.
    /// </summary>
    public static string? ToBeOperated(PatientProfile patient, Diagnosis? cancer)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient.Settings.FirstOrDefault(s => s.Setting == DiseaseSetting.Operable) is not { } operable
            || patient.Settings.Any(s => s.Setting is DiseaseSetting.Resected or DiseaseSetting.MedicallyInoperable)
            || SpreadOrRelapsed(patient)
            || cancer?.Stage?.Distant == true
            || patient.Therapies.Any(t => t.Kind == TherapyKind.Surgery && t.Certainty is Certainty.Asserted or Certainty.Historical))
        {
            return null;
        }

        return Quote(patient, operable.Span, "operable");
    }

    /// <summary>
    /// The words saying the patient's liver tumour has grown into the portal or hepatic veins ("tumour thrombus in the
    /// right portal vein", "macrovascular invasion", "BCLC stage C"), or null; not where the words are denied ("no portal
    /// vein invasion").
    /// </summary>
    public static string? VascularInvasion(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient.SourceText is not { } text)
        {
            return null;
        }

        foreach (Match m in VeinInvaded().Matches(text))
        {
            if (!DeniedBefore().IsMatch(text.AsSpan(Math.Max(0, m.Index - 30), Math.Min(m.Index, 30))))
            {
                return Quote(patient, new SourceSpan(m.Index, m.Length), "vascular invasion");
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:tumou?r\s+thromb(?:us|i|osis)\s+(?:in|of|into|extending\s+into)\s+(?:the\s+)?(?:(?:right|left|main|segmental)\s+)?(?:portal|hepatic)|portal\s+vein\s+(?:tumou?r\s+)?(?:invasion|thrombus|thrombosis)|PVTT|macrovascular\s+invasion|BCLC\s*(?:stage\s*)?C\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VeinInvaded();

    [GeneratedRegex(@"\b(?:no|without|negative\s+for|free\s+of)\b[^.;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeniedBefore();

    /// <summary>
    /// Hydroxyurea for a leukaemia (acute, or chronic myeloid) brings the blood count down before the first real
    /// treatment starts: a few days of it are no line of therapy.
    /// </summary>
    internal static bool Cytoreductive(Therapy therapy, Diagnosis? cancer) =>
        therapy.Name is "hydroxyurea" or "hydroxycarbamide"
        && cancer?.OncoTreeCode is { } code
        && (code is "ACLEUK" or "CML" || OncologyVocabulary.BuiltIn.CancerTypes.IsWithin(code, "ACLEUK") || OncologyVocabulary.BuiltIn.CancerTypes.IsWithin(code, "CML"));

    /// <summary>A drug known to treat cancer (the drug catalogue's reading): a relapse after a bisphosphonate, a steroid, an antibiotic or metformin says nothing of prior cancer therapy.</summary>
    private static bool IsAnticancer(Therapy therapy) => OncologyVocabulary.BuiltIn.Drugs.IsAnticancer(therapy.Name, therapy.Classes) == true;

    private static string Quote(PatientProfile patient, SourceSpan? span, string fallback) =>
        span is { } s && patient.SourceText is { } text && s.End <= text.Length ? $"{fallback} (note: \"{s.Slice(text)}\")" : fallback;
}
