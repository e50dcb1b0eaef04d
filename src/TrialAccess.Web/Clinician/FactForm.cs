using TrialAccess.Patients;
using TrialAccess.Patients.Json;

namespace TrialAccess.Web.Clinician;

/// <summary>How a fact field is typed in and turned back into structured patient JSON.</summary>
public enum FactFieldKind
{
    Text,
    Number,
    Date,
    /// <summary>Yes, no, or not stated.</summary>
    YesNo,
    /// <summary>One of <see cref="FactField.Choices"/>, or not stated.</summary>
    Choice,
    /// <summary>Comma-separated words (a therapy's drug classes).</summary>
    List,
}

/// <param name="Key">The property in the structured patient JSON; a dot reaches into an object (<c>stage.group</c>).</param>
/// <param name="More">Shown folded away under "more" (the field is rarely corrected).</param>
public sealed record FactField(string Key, string Label, FactFieldKind Kind, bool More = false, IReadOnlyList<string>? Choices = null);

/// <summary>A kind of fact the clinician can correct, remove or add: one array of the structured patient JSON, or the patient's own fields.</summary>
/// <param name="Key">The array in the structured patient JSON; empty for the patient's own fields (one row, always there).</param>
/// <param name="Item">What one row is, for labels ("diagnosis").</param>
public sealed record FactGroup(string Key, string Title, string Item, IReadOnlyList<FactField> Fields)
{
    public bool IsPatient => Key.Length == 0;

    /// <summary>The path of row <paramref name="index"/> in the JSON and in the form ("biomarkers[2]"; empty for the patient).</summary>
    public string RowPath(int index) => IsPatient ? "" : $"{Key}[{index}]";

    public static string FieldPath(string row, FactField field) => row.Length == 0 ? field.Key : $"{row}.{field.Key}";
}

/// <summary>
/// The facts of the structured patient JSON (<c>docs/patient-json.md</c>) as the clinician view edits them: every
/// property the reader knows, grouped as the document groups them, the common ones in view and the rest folded away.
/// </summary>
public static class FactForm
{
    private static IReadOnlyList<string> Names<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(PatientJsonWriter.Name).ToList();

    private static readonly FactField CertaintyField = new("certainty", "Certainty", FactFieldKind.Choice, Choices: Names<Certainty>());

    public static IReadOnlyList<FactGroup> Groups { get; } =
    [
        new("", "Patient", "patient",
        [
            new("age", "Age (years)", FactFieldKind.Number),
            new("sex", "Sex", FactFieldKind.Choice, Choices: Names<PatientSex>()),
            new("pregnant", "Pregnant", FactFieldKind.YesNo),
            new("breastfeeding", "Breastfeeding", FactFieldKind.YesNo),
            new("birthDate", "Birth date", FactFieldKind.Date, More: true),
            new("location.placeName", "Lives in (place)", FactFieldKind.Text, More: true),
            new("location.postalCode", "Postal code", FactFieldKind.Text, More: true),
            new("location.latitude", "Latitude", FactFieldKind.Number, More: true),
            new("location.longitude", "Longitude", FactFieldKind.Number, More: true),
        ]),
        new("diagnoses", "Diagnoses", "diagnosis",
        [
            new("text", "Diagnosis", FactFieldKind.Text),
            new("oncoTreeCode", "OncoTree code", FactFieldKind.Text),
            new("stage.group", "Stage", FactFieldKind.Text),
            new("stage.metastatic", "Metastatic", FactFieldKind.YesNo),
            CertaintyField,
            new("histology", "Histology", FactFieldKind.Text, More: true),
            new("stage.t", "T", FactFieldKind.Text, More: true),
            new("stage.n", "N", FactFieldKind.Text, More: true),
            new("stage.m", "M", FactFieldKind.Text, More: true),
            new("stage.locallyAdvanced", "Locally advanced", FactFieldKind.YesNo, More: true),
            new("stage.unresectable", "Unresectable", FactFieldKind.YesNo, More: true),
            new("stage.recurrent", "Recurrent", FactFieldKind.YesNo, More: true),
            new("isPrimary", "Primary cancer", FactFieldKind.YesNo, More: true),
            new("diagnosedOn", "Diagnosed on", FactFieldKind.Date, More: true),
        ]),
        new("metastases", "Metastatic sites", "metastatic site",
        [
            new("site", "Site", FactFieldKind.Text),
            CertaintyField,
            new("treatedAndStable", "Treated and stable", FactFieldKind.YesNo),
            new("symptomatic", "Symptomatic", FactFieldKind.YesNo),
        ]),
        new("biomarkers", "Biomarkers", "biomarker",
        [
            new("marker", "Marker", FactFieldKind.Text),
            new("alteration", "Alteration", FactFieldKind.Text),
            new("status", "Status", FactFieldKind.Choice, Choices: Names<BiomarkerStatus>()),
            new("value", "Value", FactFieldKind.Number),
            new("unit", "Unit", FactFieldKind.Text),
            CertaintyField,
        ]),
        new("performanceStatuses", "Performance status", "performance status",
        [
            new("scale", "Scale", FactFieldKind.Choice, Choices: Names<PerformanceScale>()),
            new("value", "Score", FactFieldKind.Number),
            new("assessedOn", "Assessed on", FactFieldKind.Date, More: true),
        ]),
        new("therapies", "Therapies", "therapy",
        [
            new("name", "Therapy", FactFieldKind.Text),
            new("kind", "Kind", FactFieldKind.Choice, Choices: Names<TherapyKind>()),
            new("line", "Line", FactFieldKind.Number),
            new("isCurrent", "Current", FactFieldKind.YesNo),
            new("progressedOn", "Progressed on it", FactFieldKind.YesNo),
            CertaintyField,
            new("classes", "Drug classes (comma-separated)", FactFieldKind.List, More: true),
            new("cycles", "Cycles", FactFieldKind.Number, More: true),
            new("bestResponse", "Best response", FactFieldKind.Choice, More: true, Choices: Names<TherapyResponse>()),
            new("startedOn", "Started on", FactFieldKind.Date, More: true),
            new("endedOn", "Ended on", FactFieldKind.Date, More: true),
        ]),
        new("labResults", "Laboratory results", "laboratory result",
        [
            new("analyte", "Analyte", FactFieldKind.Text),
            new("value", "Value", FactFieldKind.Number),
            new("unit", "Unit", FactFieldKind.Text),
            new("upperLimitOfNormal", "Upper limit of normal", FactFieldKind.Number, More: true),
            new("measuredOn", "Measured on", FactFieldKind.Date, More: true),
            new("loincCode", "LOINC code", FactFieldKind.Text, More: true),
        ]),
        new("conditions", "Other conditions", "condition",
        [
            new("text", "Condition", FactFieldKind.Text),
            CertaintyField,
            new("concept", "Concept", FactFieldKind.Text, More: true),
            new("onsetOn", "Onset on", FactFieldKind.Date, More: true),
        ]),
    ];

    public static FactGroup Patient => Groups[0];

    /// <summary>The group whose array is <paramref name="key"/>, or null.</summary>
    public static FactGroup? Find(string key) => Groups.FirstOrDefault(g => g.Key == key);

    /// <summary>The certainty words in plain English, for the choice lists.</summary>
    public static string ChoiceLabel(string choice) => choice switch
    {
        "asserted" => "asserted (true now)",
        "negated" => "negated (absent)",
        "historical" => "historical (in the past)",
        "familyHistory" => "family history",
        "hypothetical" => "hypothetical (possible, planned)",
        _ => choice,
    };
}
