using TrialAccess.Matching;
using TrialAccess.Web.Clinician;

namespace TrialAccess.Web.Pages.Clinician;

/// <summary>One fact input: the field, its path in the sheet, and the note snippet it came from (the patient's own fields carry theirs here).</summary>
public sealed record FactInput(FactField Field, string Path, FactSheet Facts, string? Source)
{
    public string Name => FactSheet.FieldPrefix + Path;

    /// <summary>An HTML id for the input: the path with its brackets and dots as dashes.</summary>
    public string Id => "fact-" + Path.Replace('[', '-').Replace("]", "", StringComparison.Ordinal).Replace('.', '-');

    public string Value => Facts.Value(Path);

    public string? Error => Facts.Error(Path);
}

/// <summary>One group of a trial's checklist ("Not met", "Unknown", "Met"), open when it matters most.</summary>
public sealed record CriteriaGroup(string Title, string Css, IReadOnlyList<CriterionReport> Criteria, bool Open);
