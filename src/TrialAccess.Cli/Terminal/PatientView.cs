using System.Globalization;
using Spectre.Console;
using TrialAccess.Patients;
using TrialAccess.Patients.Evaluation;

namespace TrialAccess.Cli.Terminal;

/// <summary>Prints a patient profile as a readable list: each fact with its certainty and where it was found.</summary>
internal static class PatientView
{
    public static void Write(PatientProfile profile, PatientInputKind kind, IReadOnlyList<PatientIntakeIssue> warnings)
    {
        var table = new Table().AddColumns("Fact", "Value", "Certainty", "Source");
        void Row(string fact, string value, Certainty certainty, SourceSpan? span) =>
            table.AddRow(TerminalText.Markup(fact), TerminalText.Markup(value), certainty.ToString(), TerminalText.Markup(Source(profile, span)));

        if (profile.BirthDate is { } birth)
        {
            Row("birth date", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Certainty.Asserted, null);
        }

        if (profile.Age is { } age)
        {
            Row("age", PatientFact.Number(age.Value) + " years", age.Certainty, age.Span);
        }

        if (profile.Sex is { } sex)
        {
            Row("sex", sex.Value.ToString().ToLowerInvariant(), sex.Certainty, sex.Span);
        }

        foreach (var d in profile.Diagnoses)
        {
            var detail = string.Join(", ", new[] { d.OncoTreeCode is null ? null : "OncoTree " + d.OncoTreeCode, d.Histology, d.Stage?.Group is { } g ? "stage " + g : null, d.Stage?.Metastatic == true ? "metastatic" : null }.OfType<string>());
            Row("cancer", detail.Length == 0 ? d.Text : $"{d.Text} ({detail})", d.Certainty, d.Span);
        }

        foreach (var m in profile.Metastases)
        {
            Row("metastasis", m.Site, m.Certainty, m.Span);
        }

        foreach (var b in profile.Biomarkers)
        {
            var value = b.Value is { } v ? $" {PatientFact.Number(v)}{b.Unit}" : "";
            Row("biomarker", $"{b.Marker} {b.Alteration} {b.Status}{value}".Replace("  ", " ", StringComparison.Ordinal), b.Certainty, b.Span);
        }

        foreach (var p in profile.PerformanceStatuses)
        {
            Row("performance", $"{p.Scale} {p.Value}", Certainty.Asserted, p.Span);
        }

        foreach (var t in profile.Therapies)
        {
            var detail = string.Join(", ", new[] { t.Kind.ToString().ToLowerInvariant(), t.Classes.Count > 0 ? string.Join("/", t.Classes) : null, t.Cycles is { } c ? $"{c} cycles" : null, t.IsCurrent == true ? "current" : null, t.ProgressedOn == true ? "progressed on" : null }.OfType<string>());
            Row("therapy", $"{t.Name} ({detail})", t.Certainty, t.Span);
        }

        foreach (var l in profile.LabResults)
        {
            var uln = l.UpperLimitOfNormal is { } u ? $" (ULN {PatientFact.Number(u)})" : "";
            Row("lab", $"{l.Analyte} {PatientFact.Number(l.Value)} {l.Unit}{uln}".TrimEnd(), Certainty.Asserted, l.Span);
        }

        foreach (var c in profile.Conditions)
        {
            Row("condition", c.Concept ?? c.Text, c.Certainty, c.Span);
        }

        if (profile.Pregnant is { } pregnant)
        {
            Row("pregnant", pregnant.Value ? "yes" : "no", pregnant.Certainty, pregnant.Span);
        }

        if (profile.Breastfeeding is { } feeding)
        {
            Row("breastfeeding", feeding.Value ? "yes" : "no", feeding.Certainty, feeding.Span);
        }

        if (profile.Location is { } location)
        {
            Row("location", location.PlaceName ?? location.PostalCode ?? $"{location.Coordinates?.Latitude}, {location.Coordinates?.Longitude}", Certainty.Asserted, null);
        }

        Console.Out.WriteLine($"Read as: {kind}");
        if (table.Rows.Count == 0)
        {
            Console.Out.WriteLine("No facts found.");
        }
        else
        {
            AnsiConsole.Write(table);
        }

        foreach (var warning in warnings)
        {
            Console.Out.WriteLine($"warning: {TerminalText.Safe(warning.ToString())}");
        }
    }

    private static string Source(PatientProfile profile, SourceSpan? span)
    {
        if (span is not { } s)
        {
            return "";
        }

        var position = $"[{s.Start}..{s.End})";
        if (profile.SourceText is not { } text || s.End > text.Length)
        {
            return position;
        }

        var slice = s.Slice(text).ReplaceLineEndings(" ");
        return $"{position} \"{(slice.Length > 60 ? slice[..57] + "..." : slice)}\"";
    }
}
