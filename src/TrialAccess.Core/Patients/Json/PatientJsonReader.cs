using System.Globalization;
using System.Text.Json;
using TrialAccess.Numbers;
using TrialAccess.Decoding;
using TrialAccess.Trials;

namespace TrialAccess.Patients.Json;

/// <summary>
/// Reads the structured patient JSON described in <c>docs/patient-json.md</c>. Every problem is reported with the
/// path of the field at fault (<c>diagnoses[0].oncoTreeCode</c>); unknown fields are warnings, not errors.
/// </summary>
public static class PatientJsonReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static PatientIntakeResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (parsed, error) = StrictJson.Parse(json, maxDepth: 64, allowComments: true);
        if (error is not null)
        {
            return PatientIntakeResult.Failure(PatientInputKind.StructuredJson, [new PatientIntakeIssue(error.Path.Length == 0 ? null : error.Path, Sentence(error.Message))]);
        }

        var document = parsed!;
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return PatientIntakeResult.Failure(PatientInputKind.StructuredJson, "A patient must be a JSON object.");
            }

            var reader = new ObjectReader(document.RootElement, "", new Issues());
            var profile = ReadProfile(reader);
            var issues = reader.Issues;
            return issues.Errors.Count > 0
                ? PatientIntakeResult.Failure(PatientInputKind.StructuredJson, issues.Errors)
                : PatientIntakeResult.Success(PatientInputKind.StructuredJson, profile, issues.Warnings);
        }
    }

    private static string Sentence(string message) => char.ToUpperInvariant(message[0]) + message[1..] + ".";

    private static PatientProfile ReadProfile(ObjectReader r)
    {
        var birthDate = r.Date("birthDate");
        var age = r.Decimal("age", min: 0, max: 130);
        if (birthDate is null && age is null && !r.Has("birthDate") && !r.Has("age"))
        {
            r.Issues.Warn(null, "Neither birthDate nor age is given; age criteria will be unknown.");
        }

        var profile = new PatientProfile
        {
            Id = r.String("id"),
            BirthDate = birthDate,
            Age = age is { } a ? new Fact<decimal>(a) : null,
            Sex = r.Enum<PatientSex>("sex") is { } sex ? new Fact<PatientSex>(sex) : null,
            Diagnoses = r.Array("diagnoses", ReadDiagnosis),
            Metastases = r.Array("metastases", m => new MetastaticSite
            {
                Site = m.RequiredString("site"),
                TreatedAndStable = m.Bool("treatedAndStable"),
                Symptomatic = m.Bool("symptomatic"),
                Certainty = m.Enum<Certainty>("certainty") ?? Certainty.Asserted,
            }),
            Biomarkers = r.Array("biomarkers", b => new Biomarker
            {
                Marker = b.RequiredString("marker"),
                Alteration = b.String("alteration"),
                Status = b.Enum<BiomarkerStatus>("status") ?? BiomarkerStatus.Positive,
                Value = b.Decimal("value"),
                Unit = b.String("unit"),
                Certainty = b.Enum<Certainty>("certainty") ?? Certainty.Asserted,
            }),
            PerformanceStatuses = r.Array("performanceStatuses", ReadPerformanceStatus),
            Therapies = r.Array("therapies", ReadTherapy),
            LabResults = r.Array("labResults", l => new LabResult
            {
                Analyte = l.RequiredString("analyte"),
                Value = l.RequiredDecimal("value"),
                Unit = l.String("unit"),
                UpperLimitOfNormal = l.Decimal("upperLimitOfNormal", min: 0),
                LoincCode = l.String("loincCode"),
                MeasuredOn = l.Date("measuredOn"),
            }),
            Conditions = r.Array("conditions", c => new Condition
            {
                Text = c.RequiredString("text"),
                Concept = c.String("concept"),
                Certainty = c.Enum<Certainty>("certainty") ?? Certainty.Asserted,
                OnsetOn = c.Date("onsetOn"),
            }),
            Pregnant = r.Bool("pregnant") is { } pregnant ? Stated(pregnant) : null,
            Breastfeeding = r.Bool("breastfeeding") is { } breastfeeding ? Stated(breastfeeding) : null,
            Location = r.Object("location", ReadLocation),
            CompleteHistory = r.Bool("completeHistory") ?? false,
            Settings = ReadSettings(r),
        };
        r.WarnUnread();
        return profile;
    }

    /// <summary>
    /// The setting of the cancer as stated ("relapsed", "lowerRisk", "chronicPhase", "transplantIneligible"): the names of
    /// <see cref="DiseaseSetting"/>, read as a note's setting statements are.
    /// </summary>
    private static IReadOnlyList<SettingStatement> ReadSettings(ObjectReader r) =>
        [.. r.EnumArray<DiseaseSetting>("settings").Distinct().Select(setting => new SettingStatement(setting))];

    /// <summary>A yes/no fact as the other readers give it: "no" is a negated fact with the value false.</summary>
    private static Fact<bool> Stated(bool value) => new(value, value ? Certainty.Asserted : Certainty.Negated);

    private static Diagnosis ReadDiagnosis(ObjectReader d)
    {
        var code = d.String("oncoTreeCode");
        if (code is not null && !IsOncoTreeCode(code))
        {
            d.Issues.Error(d.PathOf("oncoTreeCode"), $"'{code}' is not an OncoTree code (upper-case letters and digits, for example LUAD).");
        }

        var diagnosis = new Diagnosis
        {
            Text = d.RequiredString("text"),
            OncoTreeCode = code,
            Histology = d.String("histology"),
            Stage = d.Object("stage", ReadStage),
            IsPrimary = d.Bool("isPrimary") ?? true,
            DiagnosedOn = d.Date("diagnosedOn"),
            Certainty = d.Enum<Certainty>("certainty") ?? Certainty.Asserted,
        };
        return diagnosis;
    }

    private static Stage ReadStage(ObjectReader s)
    {
        var group = s.String("group");
        if (group is not null && !StageGroup.TryNormalise(group, out group))
        {
            s.Issues.Error(s.PathOf("group"), $"'{s.String("group")}' is not a stage group (0, I-IV with optional letter, for example IIIB).");
        }

        return new Stage
        {
            Group = group,
            T = s.String("t"),
            N = s.String("n"),
            M = s.String("m"),
            Metastatic = s.Bool("metastatic"),
            LocallyAdvanced = s.Bool("locallyAdvanced"),
            Early = s.Bool("early"),
            Unresectable = s.Bool("unresectable"),
            Recurrent = s.Bool("recurrent"),
        };
    }

    private static PerformanceStatus ReadPerformanceStatus(ObjectReader p)
    {
        var scale = p.Enum<PerformanceScale>("scale", required: true) ?? PerformanceScale.Ecog;
        var (min, max) = scale == PerformanceScale.Ecog ? (0, 5) : (0, 100);
        var value = p.Int("value", required: true, min, max) ?? 0;
        if (scale != PerformanceScale.Ecog && value % 10 != 0)
        {
            p.Issues.Error(p.PathOf("value"), $"{scale} scores are multiples of 10; got {value}.");
        }

        return new PerformanceStatus(scale, value, null, p.Date("assessedOn"));
    }

    private static Therapy ReadTherapy(ObjectReader t)
    {
        var therapy = new Therapy
        {
            Name = t.RequiredString("name"),
            Kind = t.Enum<TherapyKind>("kind") ?? TherapyKind.Drug,
            Classes = t.StringArray("classes"),
            Line = t.Int("line", min: 1, max: 20),
            Cycles = t.Int("cycles", min: 0, max: 1000),
            StartedOn = t.Date("startedOn"),
            EndedOn = t.Date("endedOn"),
            IsCurrent = t.Bool("isCurrent"),
            BestResponse = t.Enum<TherapyResponse>("bestResponse"),
            ProgressedOn = t.Bool("progressedOn"),
            Site = t.String("site"),
            Certainty = t.Enum<Certainty>("certainty") ?? Certainty.Historical,
        };
        if (therapy.StartedOn is { } start && therapy.EndedOn is { } end && end < start)
        {
            t.Issues.Error(t.PathOf("endedOn"), $"ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }

        return therapy;
    }

    private static PatientLocation ReadLocation(ObjectReader l)
    {
        var latitude = l.Double("latitude");
        var longitude = l.Double("longitude");
        GeoPoint? point = null;
        if (latitude is { } lat && longitude is { } lon)
        {
            if (GeoPoint.IsValid(lat, lon))
            {
                point = new GeoPoint(lat, lon);
            }
            else
            {
                l.Issues.Error(l.PathOf(lat is < -90 or > 90 ? "latitude" : "longitude"), "is outside the valid range (latitude -90..90, longitude -180..180).");
            }
        }
        else if (latitude is not null || longitude is not null)
        {
            l.Issues.Error(l.PathOf(latitude is null ? "latitude" : "longitude"), "is required when the other coordinate is given.");
        }

        var place = l.String("placeName");
        var postal = l.String("postalCode");
        if (latitude is null && longitude is null && place is null && postal is null)
        {
            l.Issues.Error(l.Path, "needs coordinates (latitude and longitude), a placeName or a postalCode.");
        }

        return new PatientLocation(point, place, postal);
    }

    private static bool IsOncoTreeCode(string code) =>
        code.Length is >= 2 and <= 12 && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    internal sealed class Issues
    {
        public List<PatientIntakeIssue> Errors { get; } = [];

        public List<PatientIntakeIssue> Warnings { get; } = [];

        public void Error(string? field, string message) => Errors.Add(new PatientIntakeIssue(string.IsNullOrEmpty(field) ? null : field, message));

        public void Warn(string? field, string message) => Warnings.Add(new PatientIntakeIssue(string.IsNullOrEmpty(field) ? null : field, message));
    }

    /// <summary>Reads typed fields from one JSON object, recording each problem with its path.</summary>
    internal sealed class ObjectReader(JsonElement element, string path, Issues issues)
    {
        public Issues Issues { get; } = issues;

        public string Path { get; } = path;

        public string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

        private readonly HashSet<string> _read = new(StringComparer.Ordinal);

        public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        private JsonElement? Get(string name, bool required = false)
        {
            _read.Add(name);
            if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return value;
            }

            if (required)
            {
                Issues.Error(PathOf(name), "is required.");
            }

            return null;
        }

        public string? String(string name, bool required = false)
        {
            if (Get(name, required) is not { } value)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Issues.Error(PathOf(name), $"must be a string, not {Describe(value)}.");
                return null;
            }

            var text = value.GetString()!.Trim();
            if (text.Length == 0)
            {
                Issues.Error(PathOf(name), "must not be empty.");
                return null;
            }

            return text;
        }

        public string RequiredString(string name) => String(name, required: true) ?? "";

        public IReadOnlyList<string> StringArray(string name)
        {
            if (Get(name) is not { } value)
            {
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Issues.Error(PathOf(name), $"must be an array of strings, not {Describe(value)}.");
                return [];
            }

            var list = new List<string>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                {
                    list.Add(item.GetString()!.Trim());
                }
                else
                {
                    Issues.Error($"{PathOf(name)}[{i}]", "must be a non-empty string.");
                }

                i++;
            }

            return list;
        }

        public decimal? Decimal(string name, decimal? min = null, decimal? max = null, bool required = false)
        {
            if (Get(name, required) is not { } value)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number)
            {
                Issues.Error(PathOf(name), $"must be a number, not {Describe(value)}.");
                return null;
            }

            if (!value.TryGetDecimal(out var number))
            {
                Issues.Error(PathOf(name), $"is a number too large to use (at most {SaturatingDecimal.Limit:E1}).");
                return null;
            }

            if (number < min || number > max)
            {
                Issues.Error(PathOf(name), $"must be between {min?.ToString(CultureInfo.InvariantCulture) ?? "-"} and {max?.ToString(CultureInfo.InvariantCulture) ?? "-"}; got {number.ToString(CultureInfo.InvariantCulture)}.");
                return null;
            }

            return number;
        }

        public decimal RequiredDecimal(string name) => Decimal(name, required: true) ?? 0m;

        public double? Double(string name) => Decimal(name) is { } d ? (double)d : null;

        public int? Int(string name, bool required = false, int min = int.MinValue, int max = int.MaxValue)
        {
            if (Get(name, required) is not { } value)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                Issues.Error(PathOf(name), value.ValueKind == JsonValueKind.Number
                    ? $"must be a whole number between {min} and {max}."
                    : $"must be a whole number, not {Describe(value)}.");
                return null;
            }

            if (number < min || number > max)
            {
                Issues.Error(PathOf(name), $"must be between {min} and {max}; got {number}.");
                return null;
            }

            return number;
        }

        public bool? Bool(string name)
        {
            if (Get(name) is not { } value)
            {
                return null;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Issues.Error(PathOf(name), $"must be true or false, not {Describe(value)}.");
                return null;
            }

            return value.GetBoolean();
        }

        public DateOnly? Date(string name)
        {
            if (String(name) is not { } text)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Issues.Error(PathOf(name), $"'{text}' is not a date in the form YYYY-MM-DD.");
                return null;
            }

            return date;
        }

        public TEnum? Enum<TEnum>(string name, bool required = false)
            where TEnum : struct, Enum
        {
            if (String(name, required) is not { } text)
            {
                return null;
            }

            if (TryParseName<TEnum>(text, out var parsed))
            {
                return parsed;
            }

            Issues.Error(PathOf(name), NotOneOf<TEnum>(text));
            return null;
        }

        /// <summary>An array of enumeration names ("settings": ["relapsed", "lowerRisk"]); each unknown name is an error at its index.</summary>
        public IReadOnlyList<TEnum> EnumArray<TEnum>(string name)
            where TEnum : struct, Enum
        {
            var names = StringArray(name);
            var values = new List<TEnum>(names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                if (TryParseName<TEnum>(names[i], out var parsed))
                {
                    values.Add(parsed);
                }
                else
                {
                    Issues.Error($"{PathOf(name)}[{i}]", NotOneOf<TEnum>(names[i]));
                }
            }

            return values;
        }

        private static bool TryParseName<TEnum>(string text, out TEnum parsed)
            where TEnum : struct, Enum => EnumNames.TryParse(text, out parsed);

        private static string NotOneOf<TEnum>(string text)
            where TEnum : struct, Enum => EnumNames.NotOneOf<TEnum>(text);

        public T? Object<T>(string name, Func<ObjectReader, T> read)
            where T : class
        {
            if (Get(name) is not { } value)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Issues.Error(PathOf(name), $"must be an object, not {Describe(value)}.");
                return null;
            }

            var reader = new ObjectReader(value, PathOf(name), Issues);
            var result = read(reader);
            reader.WarnUnread();
            return result;
        }

        public IReadOnlyList<T> Array<T>(string name, Func<ObjectReader, T> read)
        {
            if (Get(name) is not { } value)
            {
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Issues.Error(PathOf(name), $"must be an array, not {Describe(value)}.");
                return [];
            }

            var list = new List<T>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = $"{PathOf(name)}[{i}]";
                if (item.ValueKind == JsonValueKind.Object)
                {
                    var reader = new ObjectReader(item, itemPath, Issues);
                    list.Add(read(reader));
                    reader.WarnUnread();
                }
                else
                {
                    Issues.Error(itemPath, $"must be an object, not {Describe(item)}.");
                }

                i++;
            }

            return list;
        }

        /// <summary>Warns about every property no field reader asked for: it is not part of the schema.</summary>
        public void WarnUnread()
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!_read.Contains(property.Name))
                {
                    Issues.Warn(PathOf(property.Name), "is not part of the patient schema and was ignored.");
                }
            }
        }

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => "null",
        };
    }
}
