using TrialAccess.Patients.Notes;

namespace TrialAccess.Patients;

/// <summary>
/// The patient-side vocabulary for readers of coded records (the FHIR adapter): the names a record gives its
/// diagnoses, sites, drugs, procedures, markers and laboratory tests, turned into the concepts the patient model uses.
/// The same vocabulary the note reader uses, so a record and a note about one patient read the same way.
/// </summary>
/// <remarks>Each method looks for the longest known name inside the text and gives null when none is there.</remarks>
public static class PatientTerms
{
    /// <summary>A cancer named in the text: its canonical name, OncoTree code and histology when the vocabulary has them.</summary>
    public static CancerTerm? Cancer(string text) =>
        First(text, LexiconKind.Cancer) is { } entry ? new CancerTerm(entry.Canonical, entry.Extra, entry.Detail) : null;

    /// <summary>A site of metastasis named in the text ("axillary lymph nodes" gives "lymph node").</summary>
    public static string? MetastaticSite(string text) => First(text, LexiconKind.MetastaticSite)?.Canonical;

    /// <summary>A general-medicine condition named in the text, by its canonical name.</summary>
    public static string? Condition(string text) => First(text, LexiconKind.Condition)?.Canonical;

    /// <summary>A drug named in the text ("10 ML ramucirumab 10 MG/ML Injection" gives ramucirumab) with its classes.</summary>
    public static DrugTerm? Drug(string text) =>
        First(text, LexiconKind.Drug) is { } entry
            ? new DrugTerm(entry.Canonical, entry.Extra?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [])
            : null;

    /// <summary>An oncologic procedure named in the text, and its kind ("radiotherapy", "procedure", "surgery").</summary>
    public static ProcedureTerm? Procedure(string text) =>
        First(text, LexiconKind.Procedure) is { } entry ? new ProcedureTerm(entry.Canonical, entry.Extra) : null;

    /// <summary>A tumour marker or gene named in the text, by the marker name the model uses ("HER2" gives ERBB2).</summary>
    public static string? Marker(string text) => First(text, LexiconKind.Marker)?.Canonical;

    /// <summary>The marker whose own name is exactly <paramref name="name"/> (a gene symbol such as "EGFR").</summary>
    public static string? MarkerNamed(string name) => NoteLexicon.Default.Lookup(LexiconKind.Marker, name)?.Canonical;

    /// <summary>A laboratory analyte named in the text, by canonical name.</summary>
    public static string? LabAnalyte(string text) => First(text, LexiconKind.LabAnalyte)?.Canonical;

    /// <summary>A laboratory value in the unit the model holds for its analyte, when the unit is known; else null.</summary>
    public static (decimal Value, string? Unit)? NormaliseLab(string analyte, decimal value, string? unit) => LabExtractor.Normalise(analyte, value, unit);

    private static LexiconEntry? First(string text, LexiconKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NoteLexicon.Default.Find(NoteText.Tokenize(text, 0, text.Length), kind).FirstOrDefault().Entry;
    }
}

/// <param name="OncoTreeCode">Null when the vocabulary does not place the cancer in OncoTree.</param>
public sealed record CancerTerm(string Name, string? OncoTreeCode, string? Histology);

public sealed record DrugTerm(string Name, IReadOnlyList<string> Classes);

/// <param name="Kind">"radiotherapy", "procedure" or null (surgery) as the vocabulary records it.</param>
public sealed record ProcedureTerm(string Name, string? Kind);
