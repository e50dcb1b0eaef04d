using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialAccess.Patients.Notes;

/// <summary>
/// Reads vital signs and body measurements written with a value — "BP 125/75", "blood pressure of 160/95 mmHg", "HR 115",
/// "heart rate of 115 b/min", "pulse 88", "RR 22", "T 38.2", "febrile (38 c)", "101.2 F", "SpO2 88% on room air",
/// "weight 73 kg", "165 cm tall", "BMI of 31", "EF 25%" — as <see cref="LabResult"/>s with the analyte names of the
/// vocabulary's laboratory catalog, so that criteria such as "systolic blood pressure &gt; 160 mmHg" or "BMI &gt; 35"
/// compare against them. Values are kept in one unit per measure (°C, kg, cm); a value outside the range a living
/// person can have is not a reading and is skipped.
/// </summary>
/// <remarks>
/// Single letters ("T = 39.7", "P = 117", "R = 20") are read only in a sentence that is about vital signs (it names
/// them or gives a blood pressure). A sign with a value ("febrile (38.4°C)", "tachycardic (113/min)") gives the value
/// only: the sign stays for the condition reader. A weight that is not the patient's present one ("dry weight",
/// "ideal weight", "birth weight") and a change of weight ("weight loss 20 pounds", "gained 5 kg") are not weights.
/// </remarks>
public static partial class VitalSignExtractor
{
    public const string SystolicBloodPressure = "systolic blood pressure";
    public const string DiastolicBloodPressure = "diastolic blood pressure";
    public const string HeartRate = "heart rate";
    public const string RespiratoryRate = "respiratory rate";
    public const string Temperature = "temperature";
    public const string OxygenSaturation = "oxygen saturation";
    public const string BodyWeight = "body weight";
    public const string Height = "height";
    public const string BodyMassIndex = "body mass index";
    public const string EjectionFraction = "left ventricular ejection fraction";

    /// <summary>The analytes this extractor writes: vital signs and body measurements, not laboratory results.</summary>
    public static readonly IReadOnlySet<string> Analytes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        SystolicBloodPressure, DiastolicBloodPressure, HeartRate, RespiratoryRate, Temperature, OxygenSaturation, BodyWeight, Height, BodyMassIndex,
        EjectionFraction,
    };

    /// <summary>Words and marks that may stand between a measure's name and its value: "BP of", "heart rate is", "weight: now".</summary>
    private const string Gap = @"(?:\s*(?:[:=(~,]|-(?!\d)|\b(?:is|was|were|are|of|at|now|as|around|about|approximately|measured|reading|readings|recorded|noted|to|with|a|an|the|rate|remained|increased|decreased|rose|dropped|fell|up|documented|found)\b)){0,8}?\s*";

    /// <summary>"the 140s", "70's": a range of values, not a reading.</summary>
    private const string NotDecade = @"(?!['’]?s\b)";

    [GeneratedRegex(@"\b(?:BP|B/P|blood\s+pressures?|arterial\s+pressure|hypotensive|hypertensive|hypotension|hypertension)\b" + Gap + @"(?<sys>\d{2,3})\s*/\s*(?<dia>\d{2,3})(?![\d/])(?:\s*mm\s*Hg\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedBloodPressure();

    [GeneratedRegex(@"(?<![\d/.])(?<sys>\d{2,3})\s*/\s*(?<dia>\d{2,3})\s*mm\s*Hg\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BloodPressureInMillimetres();

    [GeneratedRegex(@"(?:(?-i:\bHR)|\bheart\s+rate|\bpulse\s+rate|\bpulse(?!\s*ox)|\btachycardic|\bbradycardic|\btachycardia|\bbradycardia|\bventricular\s+rate)\b" + Gap + @"(?<v>\d{2,3})(?![\d.]|\s*/\s*\d)" + NotDecade + @"(?:\s*(?:/\s*min(?:ute)?\b|bpm\b|b\s*/\s*min\b|beats?\s*(?:/|per)\s*min(?:ute)?\b))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedHeartRate();

    [GeneratedRegex(@"(?:(?-i:\bRR)|\brespiratory\s+rate|\bresp(?:iratory)?\.?\s+rate|\brespirations?|\bbreathing\s+rate|\btachypn(?:e|o)ic)\b" + Gap + @"(?<v>\d{1,2})(?![\d.]|\s*/\s*\d)" + NotDecade + @"(?:\s*(?:/\s*min(?:ute)?\b|breaths?\s*(?:/|per)\s*min(?:ute)?\b|bpm\b))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedRespiratoryRate();

    [GeneratedRegex(@"\b(?:temperature|temp|T\s*max|febrile|fevers?|feverish|pyrexia|pyrexial|afebrile|hyperthermia|hyperthermic|hypothermia|hypothermic)\b" + Gap + @"(?<v>\d{2,3}(?:\.\d{1,2})?)(?![\d.])" + NotDecade + @"(?:\s*(?:°|º|˚|deg(?:rees?)?\.?)?\s*(?<u>celsius|fahrenheit|c|f)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedTemperature();

    [GeneratedRegex(@"(?<![\d.])(?<v>\d{2,3}(?:\.\d{1,2})?)\s*(?:°|º|˚)\s*(?<u>[CF])\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TemperatureInDegrees();

    [GeneratedRegex(@"(?:\bSp\s*O2|\bSa\s*O2|\bO2\s*sat(?:uration)?s?|\boxygen\s+sat(?:uration)?s?|\bsat(?:uration)?s?|\bsaturating|\bpulse\s+ox(?:imetry)?)\b" + Gap + @"(?<v>\d{2,3})(?:\.\d)?(?![\d.])" + NotDecade + @"(?<pct>\s*%)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedOxygenSaturation();

    [GeneratedRegex(@"(?<!\b(?:dry|ideal|target|goal|birth|desired|lean|usual)\s+)\b(?:body\s+weight|weight|weighs|weighed|weighing|weighted|wt)\b" + Gap + @"(?<v>\d{1,4}(?:\.\d{1,2})?)(?![\d.])\s*(?<u>kgs?|kilograms?|lbs?|pounds?|g|gr|grams?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedWeight();

    [GeneratedRegex(@"\b(?:height|stature|body\s+length)\b" + Gap + @"(?<v>\d{1,3}(?:\.\d{1,2})?)(?![\d.])(?:\s*(?<u>cm|centimet(?:er|re)s?|m|met(?:er|re)s?|inches|inch|in)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedHeight();

    [GeneratedRegex(@"(?<![\d.])(?<v>\d{1,3}(?:\.\d{1,2})?)\s*(?<u>cm|centimet(?:er|re)s?|m|met(?:er|re)s?|inches)\s+tall\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeightTall();

    [GeneratedRegex(@"\b(?:BMI|body\s+mass\s+index)\b" + Gap + @"(?<v>\d{2}(?:\.\d{1,2})?)(?![\d.])" + NotDecade + @"(?:\s*kg\s*/\s*m(?:2|²|\^2)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedBodyMassIndex();

    [GeneratedRegex(@"(?:\bLVEF|(?-i:\bEF)|\bejection\s+fraction)\b" + Gap + @"(?<v>\d{1,2})(?![\d.]|\s*(?:-|–|to)\s*\d)\s*%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedEjectionFraction();

    [GeneratedRegex(@"(?-i:\b(?<letter>[TPR]))\s*[:=]?\s*(?<v>\d{2,3}(?:\.\d{1,2})?)(?![\d./])" + NotDecade + @"(?:\s*(?:°|º|˚)?\s*(?<u>[CF])\b)?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SingleLetter();

    [GeneratedRegex(@"\bvital(?:s|\s+signs?)?\b|\b(?:BP|HR|RR)\b|\bblood\s+pressure\b|\bheart\s+rate\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex VitalsContext();

    /// <summary>The vital signs and body measurements stated with a value in one sentence, in the order written.</summary>
    internal static IEnumerable<LabResult> Extract(string note, NoteSentence sentence)
    {
        var slice = note[sentence.Start..sentence.End];
        var found = new List<LabResult>();

        foreach (Match m in NamedBloodPressure().Matches(slice))
        {
            AddBloodPressure(found, sentence.Start, m);
        }

        foreach (Match m in BloodPressureInMillimetres().Matches(slice))
        {
            AddBloodPressure(found, sentence.Start, m);
        }

        foreach (Match m in NamedHeartRate().Matches(slice))
        {
            Add(found, sentence.Start, m, HeartRate, Value(m) is { } v && v is >= 20 and <= 300 ? v : null, "/min", CueIsName(m));
        }

        foreach (Match m in NamedRespiratoryRate().Matches(slice))
        {
            Add(found, sentence.Start, m, RespiratoryRate, Value(m) is { } v && v is >= 4 and <= 80 ? v : null, "/min", CueIsName(m));
        }

        foreach (Match m in NamedTemperature().Matches(slice))
        {
            Add(found, sentence.Start, m, Temperature, Celsius(m), "°C", CueIsName(m));
        }

        foreach (Match m in TemperatureInDegrees().Matches(slice))
        {
            Add(found, sentence.Start, m, Temperature, Celsius(m), "°C", cueIsName: true);
        }

        foreach (Match m in NamedOxygenSaturation().Matches(slice))
        {
            var generic = !Regex.IsMatch(m.Value, @"^(?:sp|sa|o2|oxygen|pulse)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var value = Value(m) is { } v && v is >= 50 and <= 100 && (m.Groups["pct"].Success || !generic) ? v : (decimal?)null;
            Add(found, sentence.Start, m, OxygenSaturation, value, "%", cueIsName: true);
        }

        foreach (Match m in NamedWeight().Matches(slice))
        {
            Add(found, sentence.Start, m, BodyWeight, Kilograms(m), "kg", cueIsName: true);
        }

        foreach (Match m in NamedHeight().Matches(slice))
        {
            Add(found, sentence.Start, m, Height, Centimetres(m), "cm", cueIsName: true);
        }

        foreach (Match m in HeightTall().Matches(slice))
        {
            Add(found, sentence.Start, m, Height, Centimetres(m), "cm", cueIsName: true);
        }

        foreach (Match m in NamedBodyMassIndex().Matches(slice))
        {
            Add(found, sentence.Start, m, BodyMassIndex, Value(m) is { } v && v is >= 10 and <= 90 ? v : null, "kg/m2", cueIsName: true);
        }

        foreach (Match m in NamedEjectionFraction().Matches(slice))
        {
            Add(found, sentence.Start, m, EjectionFraction, Value(m) is { } v && v is >= 5 and <= 90 ? v : null, "%", cueIsName: true);
        }

        if (found.Count > 0 || VitalsContext().IsMatch(slice))
        {
            foreach (Match m in SingleLetter().Matches(slice))
            {
                var (analyte, value, unit) = m.Groups["letter"].Value switch
                {
                    "T" => (Temperature, Celsius(m), "°C"),
                    "P" => (HeartRate, Value(m) is { } v && v is >= 20 and <= 300 && !m.Groups["u"].Success ? v : (decimal?)null, "/min"),
                    _ => (RespiratoryRate, Value(m) is { } r && r is >= 4 and <= 80 && !m.Groups["u"].Success ? r : (decimal?)null, "/min"),
                };
                Add(found, sentence.Start, m, analyte, value, unit, cueIsName: true);
            }
        }

        return found.OrderBy(r => r.Span!.Value.Start);
    }

    private static void AddBloodPressure(List<LabResult> found, int offset, Match m)
    {
        if (!decimal.TryParse(m.Groups["sys"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var systolic)
            || !decimal.TryParse(m.Groups["dia"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var diastolic)
            || systolic is < 40 or > 300 || diastolic is < 20 or > 200 || diastolic >= systolic)
        {
            return;
        }

        var start = CueIsName(m) ? m.Index : m.Groups["sys"].Index;
        var span = new SourceSpan(offset + start, m.Index + m.Length - start);
        if (found.Exists(r => r.Span is { } s && s.Start < span.End && span.Start < s.End))
        {
            return;
        }

        found.Add(new LabResult { Analyte = SystolicBloodPressure, Value = systolic, Unit = "mmHg", Span = span });
        found.Add(new LabResult { Analyte = DiastolicBloodPressure, Value = diastolic, Unit = "mmHg", Span = span });
    }

    /// <summary>
    /// Adds a reading unless its value is not one or another reading already covers its words. The span starts at the
    /// measure's name when the name is a measure ("BP", "heart rate") and at the value when it is a sign ("febrile",
    /// "tachycardic"), so that the sign is still read as a condition.
    /// </summary>
    private static void Add(List<LabResult> found, int offset, Match m, string analyte, decimal? value, string unit, bool cueIsName)
    {
        if (value is not { } v)
        {
            return;
        }

        var start = cueIsName ? m.Index : m.Groups["v"].Index;
        var span = new SourceSpan(offset + start, m.Index + m.Length - start);
        var valueSpan = new SourceSpan(offset + m.Groups["v"].Index, m.Groups["v"].Length);
        if (found.Exists(r => r.Span is { } s && s.Start < valueSpan.End && valueSpan.Start < s.End))
        {
            return;
        }

        found.Add(new LabResult { Analyte = analyte, Value = v, Unit = unit, Span = span });
    }

    /// <summary>True when the words before the value name a measure ("heart rate", "BP"), false for a sign ("tachycardic", "febrile", "hypotensive").</summary>
    private static bool CueIsName(Match m)
    {
        var head = m.Value.TrimStart();
        return !Regex.IsMatch(head, @"^(?:tachy|brady|hypo|hyper|febrile|fever|pyrex|afebrile)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static decimal? Value(Match m) =>
        decimal.TryParse(m.Groups["v"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A temperature in °C: Fahrenheit converted; without a unit, 30–45 is Celsius and 86–113 Fahrenheit.</summary>
    private static decimal? Celsius(Match m)
    {
        if (Value(m) is not { } v)
        {
            return null;
        }

        var unit = m.Groups["u"].Success ? m.Groups["u"].Value.ToLowerInvariant() : null;
        var fahrenheit = unit is "f" or "fahrenheit" || (unit is null && v is >= 86 and <= 113);
        var celsius = fahrenheit ? Math.Round((v - 32m) * 5m / 9m, 1) : v;
        return celsius is >= 30 and <= 45 ? celsius : null;
    }

    /// <summary>A weight in kg: pounds and grams converted; a weight a person cannot have is not one.</summary>
    private static decimal? Kilograms(Match m)
    {
        if (Value(m) is not { } v)
        {
            return null;
        }

        var unit = m.Groups["u"].Value.ToLowerInvariant();
        var kg = unit.StartsWith('k') ? v : unit.StartsWith('l') || unit.StartsWith('p') ? Math.Round(v * 0.45359237m, 1) : Math.Round(v / 1000m, 3);
        return kg is >= 0.3m and <= 400 ? kg : null;
    }

    /// <summary>A height in cm: metres and inches converted; without a unit, 100–250 is cm and 1.0–2.5 is metres.</summary>
    private static decimal? Centimetres(Match m)
    {
        if (Value(m) is not { } v)
        {
            return null;
        }

        var unit = m.Groups["u"].Success ? m.Groups["u"].Value.ToLowerInvariant() : null;
        decimal? cm = unit switch
        {
            null => v is >= 100 and <= 250 ? v : v is >= 1.0m and <= 2.5m ? v * 100m : null,
            _ when unit.StartsWith('c') => v,
            _ when unit.StartsWith('i') => Math.Round(v * 2.54m, 1),
            _ => v * 100m,
        };
        return cm is >= 30 and <= 250 ? cm : null;
    }
}
